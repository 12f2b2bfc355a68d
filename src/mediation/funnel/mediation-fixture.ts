// Tests of mediation: an app with the mediation routes (added here until the server lists them), a case with two
// parties and records, a team of mediators (one with an account), and the staff who work it.
import { eq } from "drizzle-orm";
import { cases } from "../../cases/schema.js";
import { records } from "../../intake/schema.js";
import { buildApp } from "../../server/app.js";
import { inTransaction, type Ctx, type Services } from "../../server/context.js";
import { createAccount, createCase, createPerson, login, regionId, type Session, type TestApp } from "../../test/app.js";
import { createTestDatabase } from "../../test/db.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { seedUnits } from "../../units/seed-units.js";
import { registerAgreementRoutes } from "../agreements/routes.js";
import { registerReferralRoutes } from "../referrals/routes.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../schema.js";
import { registerMediationSessionRoutes } from "../sessions/routes.js";
import { registerFunnelRoutes } from "./routes.js";

export const HOME = "330282006004"; // 团圈社区
export const AWAY = "330282006001"; // 上傅家社区

export async function createMediationTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  const services = { db: t.db, cipher: t.cipher } as Services;
  const has = (url: string) => app.routeTable.some((r) => r.url === url);
  if (!has("/api/cases/:id/mediation-stage")) registerFunnelRoutes(app, services);
  if (!has("/api/cases/:id/sessions")) registerMediationSessionRoutes(app, services);
  if (!has("/api/cases/:id/agreements")) registerAgreementRoutes(app, services);
  if (!has("/api/cases/:id/referrals")) registerReferralRoutes(app, services);
  await app.ready();
  return { app, t, close: async () => { await app.close(); await t.close(); } };
}

export interface Staff {
  id: number;
  session: Session;
}

export async function staff(h: TestApp, role: Parameters<typeof createAccount>[1], region: string, unit?: string): Promise<Staff> {
  const a = await createAccount(h.t, role, region, unit);
  return { id: a.id, session: await login(h.app, a.username) };
}

let n = 0;

/** A case in HOME led by the community centre, with an applicant, a respondent and two records; and its team. */
export async function mediationCase(h: TestApp, opts: { mediatorAccountId?: number; category?: string } = {}) {
  const home = await regionId(h.t, HOME);
  const applicant = await createPerson(h.t, { name: `王${++n}芳`, phone: "13800138000", regionNodeId: home });
  const respondent = await createPerson(h.t, { name: `李${n}强`, regionNodeId: home });
  const c = await createCase(h.t, { region: `${HOME}-G01`, unit: `CC-${HOME}`, title: "宅基地边界纠纷", people: [applicant.id, respondent.id] });
  await h.t.db.update(cases).set({ summary: "两户因宅基地边界围墙位置发生争执。", category: opts.category ?? "TD" }).where(eq(cases.id, c.id));
  const reportedAt = new Date("2026-03-01T02:00:00Z");
  const recs = await h.t.db
    .insert(records)
    .values(
      ["王某报警称邻居李某砌墙占用其宅基地", "李某来电称王某拆除其新砌围墙"].map((narrative, i) => ({
        rawRecordId: 0,
        channel: i === 0 ? "110" : "12345",
        externalId: `R-${n}-${i}`,
        version: 1,
        reportedAt: new Date(reportedAt.getTime() + i * 3600_000),
        narrative,
        narrativeKey: narrative,
        categoryWords: [],
        addressStatus: "resolved" as const,
        caseId: c.id,
      })),
    )
    .returning({ id: records.id });
  const [lead, member] = await h.t.db
    .insert(mediators)
    .values([
      { name: `黄${n}华`, kind: "professional" as const, accountId: opts.mediatorAccountId ?? null },
      { name: `陈${n}明`, kind: "notable" as const },
    ])
    .returning();
  const [team] = await h.t.db.insert(mediationTeams).values({ caseId: c.id, formedBy: "staff", formedByLabel: "test" }).returning();
  await h.t.db.insert(mediationTeamMembers).values([
    { teamId: team.id, mediatorId: lead.id, role: "lead" },
    { teamId: team.id, mediatorId: member.id, role: "member" },
  ]);
  return { case: c, applicant, respondent, lead, member, recordIds: recs.map((r) => r.id) };
}

export function asSystem<T>(h: TestApp, work: (ctx: Ctx) => Promise<T>, now?: Date): Promise<T> {
  return inTransaction({ db: h.t.db, cipher: h.t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => work(now ? { ...ctx, now } : ctx));
}
