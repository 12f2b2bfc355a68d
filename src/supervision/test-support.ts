// Test app with the supervision and assessment routes, whether or not server/routes.ts lists them yet.
import { eq } from "drizzle-orm";
import type { Role } from "../accounts/roles.js";
import { regionNodes } from "../regions/schema.js";
import { registerAssessmentRoutes } from "../assessment/routes.js";
import { buildApp } from "../server/app.js";
import { inTransaction, type Actor, type Ctx } from "../server/context.js";
import { createTestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import type { TestApp } from "../test/app.js";
import { seedUnits } from "../units/seed-units.js";
import { registerSupervisionRoutes } from "./routes.js";

export async function createLedgerTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  const services = { db: t.db, cipher: t.cipher, intake: { get: () => Promise.reject(new Error("unused")), invalidate: () => undefined }, cases: { trigger: () => undefined } };
  if (!app.hasRoute({ method: "GET", url: "/api/supervision/stats" })) registerSupervisionRoutes(app, services);
  if (!app.hasRoute({ method: "GET", url: "/api/assessment/rules" })) registerAssessmentRoutes(app, services);
  await app.ready();
  return { app, t, close: async () => { await app.close(); await t.close(); } };
}

/** Runs work in a transaction as `actor` at `now`. */
export function actAs<T>(h: TestApp, actor: Actor, now: Date, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return h.t.db.transaction((tx) => work({ actor, tx, now, correlationId: "test", ip: undefined, cipher: h.t.cipher }));
}

/** The actor a logged-in account would be. */
export async function accountActor(h: TestApp, a: { id: number; username: string; displayName: string; role: Role; unitId: number | null; regionNodeId: number }): Promise<Actor> {
  const [node] = await h.t.db.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.id, a.regionNodeId));
  return { kind: "account", id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, regionNodeId: a.regionNodeId, regionPath: node.path, sessionId: null };
}
