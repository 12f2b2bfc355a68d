import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/schema.js";
import { cases } from "../../cases/schema.js";
import { notifications } from "../../notifications/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import { createAccount, createCase, createPerson, regionId, type TestApp } from "../../test/app.js";
import { agreements, mediationStageChanges, mediationTeamMembers, mediationTeams } from "../schema.js";
import { assignTeam, releaseTeam } from "./assign-team.js";
import { loadCandidates, loadCaseContext } from "./load.js";
import { proposeTeam } from "./propose.js";
import { accountActor, as, createTeamTestApp, insertMediator, setCategory, SYSTEM } from "./test-support.js";

let h: TestApp;
beforeAll(async () => {
  h = await createTeamTestApp();
});
afterAll(() => h?.close());

const HOME = "330282006004";
const AWAY = "330282006001";
const today = new Date();
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => ymd(new Date(today.getTime() + n * 86400_000));

/** A fresh force for each test: earlier tests' mediators are stood down. */
async function fixture() {
  await h.t.db.$client.query(`UPDATE mediators SET active = false`);
  const mother = await createPerson(h.t, { name: "王秀英", phone: "13805741234", regionNodeId: await regionId(h.t, `${HOME}-G01-W02`) });
  const son = await createPerson(h.t, { name: "王建国", phone: "13905749876" });
  const kase = await createCase(h.t, { region: `${HOME}-G01-W01`, unit: `CC-${HOME}`, title: "儿子不履行赡养义务，八旬老人生活无着", people: [mother.id, son.id] });
  await setCategory(h.t, kase.id, "HY");
  const daughter = await createPerson(h.t, { name: "王小红", phone: "13805741234" });
  const gridAccount = await createAccount(h.t, "mediator", HOME);
  const m = {
    legalSenior: await insertMediator(h.t, { name: "司法所老周", kind: "judicial", grade: "senior", fields: ["HY"], specialties: ["赡养"], dialects: ["慈溪话"], yearsExperience: 15 }),
    legalStd: await insertMediator(h.t, { name: "援助律师", kind: "legal_aid", fields: ["HY"], yearsExperience: 4 }),
    notable: await insertMediator(h.t, { name: "乡贤老沈", kind: "notable", fields: ["HY"], home: HOME, dialects: ["慈溪话"] }),
    cadreAway: await insertMediator(h.t, { name: "别村干部", kind: "cadre", fields: ["HY"], home: AWAY }),
    grid: await insertMediator(h.t, { name: "网格员小陈", kind: "grid_worker", fields: ["LL"], home: `${HOME}-G01`, accountId: gridAccount.id }),
    party: await insertMediator(h.t, { name: "王秀英", kind: "judicial", grade: "gold", fields: ["HY"], personId: mother.id, yearsExperience: 30 }),
    relative: await insertMediator(h.t, { name: "王小红", kind: "professional", grade: "gold", fields: ["HY"], personId: daughter.id, yearsExperience: 20 }),
    onLeave: await insertMediator(h.t, { name: "休假的金牌", kind: "professional", grade: "gold", fields: ["HY"], yearsExperience: 25, leaveFrom: days(-2), leaveTo: days(5) }),
    inactive: await insertMediator(h.t, { name: "已停用", kind: "professional", grade: "gold", fields: ["HY"], active: false }),
  };
  return { kase, m, gridAccount };
}

describe("proposeTeam", () => {
  it("proposes complementary roles — legal, local, grid — led by the best-scoring senior", async () => {
    const { kase, m } = await fixture();
    const p = await proposeTeam(h.t.db, kase.id);
    expect(p.members.map((x) => [x.mediator.name, x.slot, x.role])).toEqual([
      ["司法所老周", "legal", "lead"],
      ["乡贤老沈", "local", "member"],
      ["网格员小陈", "grid", "member"],
    ]);
    const lead = p.members[0];
    expect(lead.breakdown).toMatchObject({ field: 1, specialty: 0.7, fit: 1 });
    expect(lead.reasons.fit).toContain("资深调解员");
    expect(p.members[2].breakdown.locality).toBe(1);
    expect(p.members[1].breakdown.locality).toBe(0.7);
    // The cadre of another community does not fill 熟悉当地; the standard lawyer is the legal alternative.
    const alt = Object.fromEntries(p.alternatives.map((a) => [a.slot, a.candidates.map((c) => c.mediator.name)]));
    expect(alt.legal).toContain("援助律师");
    expect(alt.local).not.toContain("别村干部");
    expect(p.candidatesConsidered).toBeGreaterThanOrEqual(7);
    expect(p.members.map((x) => x.mediator.id)).not.toContain(m.inactive.id);
  });

  it("excludes conflicts of interest and mediators on leave, each with the reason staff see", async () => {
    const { kase, m } = await fixture();
    const p = await proposeTeam(h.t.db, kase.id, { size: 4 });
    const ids = p.members.map((x) => x.mediator.id);
    for (const x of [m.party, m.relative, m.onLeave]) expect(ids).not.toContain(x.id);
    const why = Object.fromEntries(p.excluded.map((e) => [e.mediator.id, e.reasons]));
    expect(why[m.party.id]).toEqual(["本人是本案当事人（申请人王秀英）"]);
    expect(why[m.relative.id]).toEqual(["与申请人王秀英登记的电话相同（疑为亲属或同户）"]);
    expect(why[m.onLeave.id][0]).toMatch(/^休假中/);
    // Conflicts are listed before absences.
    expect(p.excluded.findIndex((e) => e.mediator.id === m.onLeave.id)).toBeGreaterThan(p.excluded.findIndex((e) => e.mediator.id === m.relative.id));
    expect(p.members).toHaveLength(4);
  });

  it("excludes a mediator employed by the respondent company, or merged with a party in the person index", async () => {
    const worker = await createPerson(h.t, { name: "李四", phone: "13700001111" });
    const company = await createPerson(h.t, { kind: "company", name: "慈溪市古塘华丰电器有限公司" });
    await h.t.db.$client.query(`UPDATE people SET credit_code = '91330282MA2H9X1Q3C' WHERE id = $1`, [company.id]);
    const kase = await createCase(h.t, { region: `${HOME}-G02-W01`, title: "华丰电器拖欠工资", people: [worker.id, company.id] });
    await setCategory(h.t, kase.id, "LD");
    const employee = await insertMediator(h.t, { name: "厂里的调解员", kind: "professional", grade: "senior", fields: ["LD"], employerCreditCode: "91330282MA2H9X1Q3C" });
    const alias = await createPerson(h.t, { name: "李四（旧档）" });
    await h.t.db.$client.query(`UPDATE people SET merged_into_id = $1 WHERE id = $2`, [worker.id, alias.id]);
    const merged = await insertMediator(h.t, { name: "李四", kind: "volunteer", fields: ["LD"], personId: alias.id });
    const clean = await insertMediator(h.t, { name: "劳动仲裁员", kind: "legal_aid", grade: "senior", fields: ["LD"] });
    const p = await proposeTeam(h.t.db, kase.id, { size: 2 });
    const why = Object.fromEntries(p.excluded.map((e) => [e.mediator.id, e.reasons]));
    expect(why[employee.id]).toEqual(["受雇于被申请人慈溪市古塘华丰电器有限公司"]);
    expect(why[merged.id]).toEqual(["本人是本案当事人（申请人李四）"]);
    expect(p.members[0]).toMatchObject({ mediator: { id: clean.id }, role: "lead" });
  });

  it("counts the record in the type from past teams and the current load", async () => {
    const { kase, m } = await fixture();
    for (const outcome of ["signed", "none", "active"] as const) {
      const past = await createCase(h.t, { region: AWAY, title: "过去的婚姻家庭纠纷" });
      await setCategory(h.t, past.id, "HY");
      const [team] = await h.t.db
        .insert(mediationTeams)
        .values({ caseId: past.id, formedBy: "staff", formedByLabel: "t", status: outcome === "active" ? "active" : "released" })
        .returning();
      await h.t.db.insert(mediationTeamMembers).values({ teamId: team.id, mediatorId: m.legalStd.id, role: "lead" });
      if (outcome === "signed") {
        await h.t.db.insert(agreements).values({ caseId: past.id, number: `A-${past.id}`, facts: "f", terms: "t", status: "signed", createdByLabel: "t", signedAt: new Date() });
      }
    }
    const context = await loadCaseContext(h.t.db, kase.id, new Date());
    const [c] = await loadCandidates(h.t.db, context, { ids: [m.legalStd.id] });
    expect(c).toMatchObject({ typeHandled: 2, typeSucceeded: 1, activeTeams: 1 });
  });

  it("sees a change to a mediator at once (the registry in memory is read again when a row changes)", async () => {
    const { kase, m } = await fixture();
    expect((await proposeTeam(h.t.db, kase.id)).members[0].mediator.id).toBe(m.legalSenior.id);
    await h.t.db.$client.query(`UPDATE mediators SET leave_from = $1, leave_to = $2 WHERE id = $3`, [days(-1), days(3), m.legalSenior.id]);
    const p = await proposeTeam(h.t.db, kase.id);
    expect(p.members.map((x) => x.mediator.id)).not.toContain(m.legalSenior.id);
    expect(p.excluded.find((e) => e.mediator.id === m.legalSenior.id)?.reasons[0]).toMatch(/^休假中/);
  });

  it("rejects a size outside 2–4", async () => {
    const { kase } = await fixture();
    await expect(proposeTeam(h.t.db, kase.id, { size: 5 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("assignTeam", () => {
  it("writes the team with scores, moves the case into mediation, tells the members; a new team releases the old", async () => {
    const { kase, m, gridAccount } = await fixture();
    const staff = await createAccount(h.t, "street_centre", "330282006");
    const actor = accountActor(staff, "33/3302/330282/330282006/");
    const p = await proposeTeam(h.t.db, kase.id);
    const first = await as(h.t, actor, (ctx) => assignTeam(ctx, kase.id, { formedBy: "proposal", members: p.members.map((x) => ({ mediatorId: x.mediator.id, role: x.role })) }));
    expect(first.previousTeamId).toBeNull();

    const members = await h.t.db.select().from(mediationTeamMembers).where(eq(mediationTeamMembers.teamId, first.teamId));
    const lead = members.find((x) => x.role === "lead")!;
    expect(lead).toMatchObject({ mediatorId: m.legalSenior.id, brings: "法律专业" });
    expect(lead.score).toBeCloseTo(p.members[0].total, 3);
    expect(lead.breakdown).toEqual(p.members[0].breakdown);
    const [c] = await h.t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(c.mediationStage).toBe("mediation");
    expect(await h.t.db.select().from(mediationStageChanges).where(eq(mediationStageChanges.caseId, kase.id))).toMatchObject([{ fromStage: null, toStage: "mediation" }]);
    const events = await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    expect(events.map((e) => e.kind)).toContain("team_formed");
    const joined = await h.t.db.select().from(notifications).where(eq(notifications.accountId, gridAccount.id));
    expect(joined.map((n) => n.kind)).toEqual(["mediation.team_joined"]);
    expect(joined[0].title).toContain("组员");

    // Staff change the team: the grid worker leaves, the old team is released.
    const second = await as(h.t, actor, (ctx) =>
      assignTeam(ctx, kase.id, { formedBy: "staff", members: [{ mediatorId: m.legalSenior.id, role: "lead" }, { mediatorId: m.legalStd.id, role: "member" }] }),
    );
    expect(second.previousTeamId).toBe(first.teamId);
    const teams = await h.t.db.select().from(mediationTeams).where(eq(mediationTeams.caseId, kase.id)).orderBy(mediationTeams.id);
    expect(teams.map((t) => t.status)).toEqual(["released", "active"]);
    expect(teams[0].releasedAt).not.toBeNull();
    const left = await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, gridAccount.id), eq(notifications.kind, "mediation.team_left")));
    expect(left).toHaveLength(1);
    // The stage moves once only.
    expect(await h.t.db.select().from(mediationStageChanges).where(eq(mediationStageChanges.caseId, kase.id))).toHaveLength(1);
    const audit = await h.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "mediation_team.form"), eq(auditEvents.subjectId, String(kase.id))));
    expect(audit).toHaveLength(2);
    expect(audit[1].oldValues).toMatchObject({ teamId: first.teamId });
  });

  it("refuses a conflicted or absent mediator, and a team without exactly one lead", async () => {
    const { kase, m } = await fixture();
    await expect(as(h.t, SYSTEM, (ctx) => assignTeam(ctx, kase.id, { formedBy: "staff", members: [{ mediatorId: m.relative.id, role: "lead" }] }))).rejects.toMatchObject({
      code: "MEDIATOR_CONFLICT",
      detail: "王小红：与申请人王秀英登记的电话相同（疑为亲属或同户）",
    });
    await expect(as(h.t, SYSTEM, (ctx) => assignTeam(ctx, kase.id, { formedBy: "staff", members: [{ mediatorId: m.onLeave.id, role: "lead" }] }))).rejects.toMatchObject({ code: "MEDIATOR_UNAVAILABLE" });
    await expect(
      as(h.t, SYSTEM, (ctx) => assignTeam(ctx, kase.id, { formedBy: "staff", members: [{ mediatorId: m.notable.id, role: "member" }, { mediatorId: m.grid.id, role: "member" }] })),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("releaseTeam ends the active team and says so on the timeline", async () => {
    const { kase, m } = await fixture();
    await as(h.t, SYSTEM, (ctx) => assignTeam(ctx, kase.id, { formedBy: "staff", members: [{ mediatorId: m.notable.id, role: "lead" }] }));
    await as(h.t, SYSTEM, (ctx) => releaseTeam(ctx, kase.id, { reason: "当事人已自行和解" }));
    const [team] = await h.t.db.select().from(mediationTeams).where(eq(mediationTeams.caseId, kase.id));
    expect(team.status).toBe("released");
    const [e] = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase.id), eq(caseEvents.kind, "team_released")));
    expect(e.detail).toMatchObject({ reason: "当事人已自行和解" });
    await expect(as(h.t, SYSTEM, (ctx) => releaseTeam(ctx, kase.id))).rejects.toMatchObject({ code: "MEDIATION_NO_TEAM" });
  });
});
