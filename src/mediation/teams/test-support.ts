// Tests of this folder: an app with the team routes (added here until the server lists them) and small factories.
import { eq } from "drizzle-orm";
import { buildApp } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import type { TestApp } from "../../test/app.js";
import { regionId, unitId } from "../../test/app.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { seedUnits } from "../../units/seed-units.js";
import { cases } from "../../cases/schema.js";
import { mediators } from "../schema.js";
import { registerTeamRoutes } from "./routes.js";

export async function createTeamTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  if (!app.routeTable.some((r) => r.url === "/api/cases/:id/team-proposal")) registerTeamRoutes(app, { db: t.db, cipher: t.cipher } as Services);
  await app.ready();
  return { app, t, close: async () => { await app.close(); await t.close(); } };
}

let n = 0;
export interface MediatorFixture {
  name?: string;
  kind: (typeof mediators.$inferInsert)["kind"];
  grade?: (typeof mediators.$inferInsert)["grade"];
  fields?: string[];
  specialties?: string[];
  dialects?: string[];
  yearsExperience?: number;
  birthYear?: number;
  gender?: "male" | "female";
  /** Region code of the mediator's home. */
  home?: string;
  unit?: string;
  personId?: number;
  accountId?: number;
  employerCreditCode?: string;
  leaveFrom?: string;
  leaveTo?: string;
  active?: boolean;
}

export async function insertMediator(t: TestDatabase, f: MediatorFixture) {
  const [row] = await t.db
    .insert(mediators)
    .values({
      name: f.name ?? `调解员${++n}`,
      kind: f.kind,
      grade: f.grade ?? "standard",
      fields: f.fields ?? [],
      specialties: f.specialties ?? [],
      dialects: f.dialects ?? [],
      yearsExperience: f.yearsExperience ?? 3,
      birthYear: f.birthYear ?? 1980,
      gender: f.gender ?? "female",
      homeRegionNodeId: f.home ? await regionId(t, f.home) : null,
      unitId: f.unit ? await unitId(t, f.unit) : null,
      personId: f.personId ?? null,
      accountId: f.accountId ?? null,
      employerCreditCode: f.employerCreditCode ?? null,
      leaveFrom: f.leaveFrom ?? null,
      leaveTo: f.leaveTo ?? null,
      active: f.active ?? true,
    })
    .returning();
  return row;
}

export async function setCategory(t: TestDatabase, caseId: number, category: string, leadUnit?: string) {
  await t.db.update(cases).set({ category, ...(leadUnit ? { leadUnitId: await unitId(t, leadUnit) } : {}) }).where(eq(cases.id, caseId));
}

export const SYSTEM: Actor = { kind: "system", label: "test" };

/** Runs a command as `actor` in a transaction of its own. */
export function as<T>(t: TestDatabase, actor: Actor, work: (ctx: Ctx) => Promise<T>, now?: Date): Promise<T> {
  return t.db.transaction((tx) => work({ actor, tx, now: now ?? new Date(), correlationId: "test", ip: undefined, cipher: t.cipher }));
}

/** An account actor as the routes would see it. */
export function accountActor(a: { id: number; username: string; displayName: string; role: Extract<Actor, { kind: "account" }>["role"]; unitId: number | null; regionNodeId: number }, regionPath: string): Actor {
  return { kind: "account", id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, regionNodeId: a.regionNodeId, regionPath, sessionId: null };
}
