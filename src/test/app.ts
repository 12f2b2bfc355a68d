// A running app on a database of its own, with the real region tree, the street's units and small factories.
import { eq } from "drizzle-orm";
import { hashPassword } from "../accounts/passwords.js";
import type { Role } from "../accounts/roles.js";
import { accounts } from "../accounts/schema.js";
import { caseParties, cases } from "../cases/schema.js";
import { recordPerson, type PersonInput } from "../people/record-person.js";
import { regionNodes } from "../regions/schema.js";
import { buildApp, type App, type AppOptions } from "../server/app.js";
import { inTransaction } from "../server/context.js";
import { seedUnits } from "../units/seed-units.js";
import { units } from "../units/schema.js";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { seedRegionTree } from "./regions-fixture.js";

export const TEST_PASSWORD = "test-password-1";

export interface TestApp {
  app: App;
  t: TestDatabase;
  close: () => Promise<void>;
}

export async function createTestApp(opts: Partial<AppOptions> = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 }, ...opts });
  await app.ready();
  return {
    app,
    t,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

export async function regionId(t: TestDatabase, code: string): Promise<number> {
  const [n] = await t.db.select({ id: regionNodes.id }).from(regionNodes).where(eq(regionNodes.code, code));
  if (!n) throw new Error(`no region ${code}`);
  return n.id;
}

export async function unitId(t: TestDatabase, code: string): Promise<number> {
  const [u] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!u) throw new Error(`no unit ${code}`);
  return u.id;
}

let counter = 0;
const passwordHash = hashPassword(TEST_PASSWORD);

/** An account with the given role, scoped to `region` (a region code) and optionally a unit (unit code). */
export async function createAccount(t: TestDatabase, role: Role, region: string, unit?: string, username?: string) {
  const [row] = await t.db
    .insert(accounts)
    .values({
      username: username ?? `${role}_${++counter}_${Math.random().toString(36).slice(2, 6)}`,
      displayName: `测试${role}`,
      role,
      unitId: unit ? await unitId(t, unit) : null,
      regionNodeId: await regionId(t, region),
      passwordHash: await passwordHash,
    })
    .returning();
  return row;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
}

export async function createPerson(t: TestDatabase, input: PersonInput) {
  return inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => recordPerson(ctx, input));
}

/** A case at `region` (code), led by `unit` (code), with the given people as applicant/respondent. */
export async function createCase(t: TestDatabase, opts: { region: string; unit?: string; title?: string; people?: number[] }) {
  const [row] = await t.db
    .insert(cases)
    .values({
      code: `T-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
      title: opts.title ?? "测试纠纷",
      regionNodeId: await regionId(t, opts.region),
      leadUnitId: opts.unit ? await unitId(t, opts.unit) : null,
    })
    .returning();
  for (const [i, personId] of (opts.people ?? []).entries()) {
    await t.db.insert(caseParties).values({ caseId: row.id, personId, role: i === 0 ? "applicant" : "respondent" });
  }
  return row;
}
