// The handling area's timers: new cases routed, unclaimed posted tasks handed to the street centre.
import { and, asc, isNull, ne } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Sweep, SweepServices } from "../jobs/boss.js";
import { routeCase } from "../routing/route-case.js";
import { inTransaction } from "../server/context.js";
import { expireClaims } from "./assign-task.js";

const SYSTEM = { kind: "system" as const, label: "handling" };

/** Routes every case that has not been routed yet (a new case from formation), one transaction each. */
export async function routeNewCases(services: SweepServices, opts: { limit?: number } = {}): Promise<number> {
  const pending = await services.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(isNull(cases.handlingLevel), isNull(cases.mergedIntoId), ne(cases.status, "closed")))
    .orderBy(asc(cases.id))
    .limit(opts.limit ?? 500);
  let n = 0;
  for (const { id } of pending) {
    // routeCase locks the case and does nothing if another process routed it meanwhile.
    const routed = await inTransaction(services, { actor: SYSTEM, correlationId: `route-${id}` }, (ctx) => routeCase(ctx, id));
    if (routed) n++;
  }
  return n;
}

export const routingSweep: Sweep = { name: "routing.new-cases", cron: "* * * * *", run: (services) => routeNewCases(services) };

export const claimDeadlineSweep: Sweep = {
  name: "tasks.claim-deadlines",
  cron: "* * * * *",
  run: (services) => inTransaction(services, { actor: SYSTEM, correlationId: "claim-deadlines" }, (ctx) => expireClaims(ctx)),
};
