// Tests of this folder: an app with the mediator routes (added here until the server lists them) and small factories.
import type { TestApp } from "../../test/app.js";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { buildApp } from "../../server/app.js";
import { inTransaction, type Ctx, type Services } from "../../server/context.js";
import { seedUnits } from "../../units/seed-units.js";
import { mediationTeamMembers, mediationTeams } from "../schema.js";
import { registerMediatorRoutes } from "./routes.js";

export async function createMediatorTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await asSystem(t, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  if (!app.routeTable.some((r) => r.url === "/api/mediators/directory")) registerMediatorRoutes(app, { db: t.db, cipher: t.cipher } as Services);
  await app.ready();
  return { app, t, close: async () => { await app.close(); await t.close(); } };
}

export function asSystem<T>(t: TestDatabase, work: (ctx: Ctx) => Promise<T>, now?: Date): Promise<T> {
  return inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) =>
    work(now ? { ...ctx, now } : ctx),
  );
}

/** A team on a case, formed at `formedAt`, with the given mediators (the first leads). */
export async function addTeam(t: TestDatabase, caseId: number, mediatorIds: number[], formedAt: Date, status: "active" | "released" = "active") {
  const [team] = await t.db
    .insert(mediationTeams)
    .values({ caseId, status, formedBy: "staff", formedByLabel: "test", formedAt, releasedAt: status === "released" ? formedAt : null })
    .returning();
  await t.db.insert(mediationTeamMembers).values(mediatorIds.map((mediatorId, i) => ({ teamId: team.id, mediatorId, role: i === 0 ? ("lead" as const) : ("member" as const) })));
  return team;
}
