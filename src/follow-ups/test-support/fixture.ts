// Closed cases for the follow-up tests: a case at a place, handled by a unit, closed through the real closeTask at a
// chosen time (the handling in between is skipped: the lead task is set to verified directly).
import { eq } from "drizzle-orm";
import { accounts } from "../../accounts/schema.js";
import { cases } from "../../cases/schema.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../../mediation/schema.js";
import { openLeadTask } from "../../tasks/open-lead-task.js";
import { tasks } from "../../tasks/schema.js";
import { asSystem, handlingCase } from "../../tasks/test-support/handling-fixture.js";
import { closeTask } from "../../tasks/verify-task.js";
import { unitId, type TestApp } from "../../test/app.js";
import { scheduleFollowUps } from "../schedule.js";
import { followUpVisits } from "../schema.js";

export const DAY = 24 * 3_600_000;

export interface CaseSpec {
  region: string;
  category?: string;
  unit?: string;
  title?: string;
}

export async function closedCase(h: TestApp, spec: CaseSpec, closedAt: Date) {
  const kase = await openCase(h, spec);
  await closeAt(h, kase.id, spec.unit ?? `CC-${spec.region.slice(0, 12)}`, closedAt);
  return kase;
}

export async function openCase(h: TestApp, spec: CaseSpec) {
  const kase = await handlingCase(h, { region: spec.region, category: spec.category ?? "LL", title: spec.title });
  return kase;
}

export async function closeAt(h: TestApp, caseId: number, unitCode: string, at: Date) {
  const lead = await unitId(h.t, unitCode);
  await asSystem(
    h,
    async (ctx) => {
      const { taskId } = await openLeadTask(ctx, { caseId, unitId: lead, level: "community", via: "route" });
      await ctx.tx.update(tasks).set({ state: "verified", verifiedAt: ctx.now }).where(eq(tasks.id, taskId));
      await closeTask(ctx, taskId);
    },
    at,
  );
}

export async function visitsOf(h: TestApp, caseId: number) {
  return h.t.db.select().from(followUpVisits).where(eq(followUpVisits.caseId, caseId)).orderBy(followUpVisits.offsetDays, followUpVisits.id);
}

/** A mediation team on the case whose lead mediator logs in with `accountId`. */
export async function mediatorTeam(h: TestApp, caseId: number, accountId: number) {
  const [m] = await h.t.db.insert(mediators).values({ name: "测试调解员", kind: "professional", accountId }).returning();
  const [team] = await h.t.db.insert(mediationTeams).values({ caseId, formedBy: "staff", formedByLabel: "test" }).returning();
  await h.t.db.insert(mediationTeamMembers).values({ teamId: team.id, mediatorId: m.id, role: "lead" });
}

export async function accountName(h: TestApp, id: number) {
  return (await h.t.db.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, id)))[0].n;
}

/**
 * A case as the handling leaves it closed, with the colour the risk engine gave it (closing re-scores a case, and a
 * test case has no records for the engine to find a colour in): its visits scheduled as closeTask does.
 */
export async function closedWithColour(h: TestApp, spec: CaseSpec & { risk: "red" | "yellow" | "green" | null }, closedAt: Date) {
  const kase = await handlingCase(h, { region: spec.region, category: spec.category ?? "LL", title: spec.title });
  await h.t.db.update(cases).set({ status: "closed", closedAt, riskLevel: spec.risk, leadUnitId: await unitId(h.t, spec.unit ?? `CC-${spec.region.slice(0, 12)}`) }).where(eq(cases.id, kase.id));
  await asSystem(h, (ctx) => scheduleFollowUps(ctx, kase.id), closedAt);
  return kase;
}
