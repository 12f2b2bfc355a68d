import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../../cases/schema.js";
import { notifications } from "../../notifications/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import type { TestApp } from "../../test/app.js";
import { AWAY, createMediationTestApp, HOME, mediationCase, staff, type Staff } from "../funnel/mediation-fixture.js";

describe("referrals (诉调衔接)", () => {
  let h: TestApp;
  let community: Staff, away: Staff, court: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const patch = (s: Staff, url: string, payload: unknown) => h.app.inject({ method: "PATCH", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });

  beforeAll(async () => {
    h = await createMediationTestApp();
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    away = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
    court = await staff(h, "unit_handler", "330282006", "GT-RMFT");
  });
  afterAll(() => h.close());

  it("refers a failed mediation to the court with guidance, moves the funnel, and sends the case's record along", async () => {
    const k = await mediationCase(h);
    const s = (await post(community, `/api/cases/${k.case.id}/sessions`, { scheduledAt: "2026-04-02T09:00:00+08:00", place: "团圈社区调解室" })).json();
    await post(community, `/api/sessions/${s.id}/record`, { attended: [true, true, true, true], record: "双方分歧较大，未能达成一致。", outcome: "no_agreement" });
    await post(community, `/api/cases/${k.case.id}/agreements`, {});

    const sent = await post(community, `/api/cases/${k.case.id}/referrals`, { kind: "litigation", note: "申请人坚持起诉" });
    expect(sent.statusCode).toBe(200);
    const r = sent.json();
    expect(r).toMatchObject({ kind: "litigation", status: "sent", targetName: "慈溪市人民法院古塘人民法庭" });
    expect(r.guidance).toContain("起诉状");
    expect((await h.t.db.select().from(cases).where(eq(cases.id, k.case.id)))[0].mediationStage).toBe("litigation");
    expect(await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, court.id), eq(notifications.kind, "referral")))).toHaveLength(1);

    const dossier = await get(court, `/api/referrals/${r.id}/dossier`);
    expect(dossier.statusCode).toBe(200);
    const d = dossier.json();
    expect(d.case).toMatchObject({ id: k.case.id, summary: "两户因宅基地边界围墙位置发生争执。", mediationStage: "litigation" });
    expect(d.records.map((x: { id: number }) => x.id)).toEqual(k.recordIds);
    expect(d.records[0].narrative).toBe("王某报警称邻居李某砌墙占用其宅基地");
    expect(d.parties.map((p: { name: string }) => p.name).sort()).toEqual([k.applicant.name, k.respondent.name].sort());
    expect(d.parties.find((p: { phone: string | null }) => p.phone)?.phone).toBe("138****8000");
    expect(d.sessions[0]).toMatchObject({ outcome: "no_agreement", record: "双方分歧较大，未能达成一致。" });
    expect(d.agreements[0].status).toBe("draft");
    expect(d.stageChanges.map((c: { toStage: string }) => c.toStage)).toEqual(["mediation", "litigation"]);

    expect((await patch(community, `/api/referrals/${r.id}`, { status: "accepted", note: "法庭已立案" })).json().status).toBe("accepted");
    expect((await patch(community, `/api/referrals/${r.id}`, { status: "accepted" })).json().error.code).toBe("REFERRAL_STATE");
    expect((await patch(community, `/api/referrals/${r.id}`, { status: "closed" })).json()).toMatchObject({ status: "closed", note: "法庭已立案" });
    const kinds = (await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, k.case.id))).map((e) => e.kind);
    expect(kinds.filter((x) => x === "referral_updated")).toHaveLength(2);
  });

  it("picks labour arbitration for a labour dispute, and never moves the funnel back", async () => {
    const k = await mediationCase(h, { category: "LD" });
    await post(community, `/api/cases/${k.case.id}/mediation-stage`, { to: "litigation", reason: "已起诉" });
    const r = (await post(community, `/api/cases/${k.case.id}/referrals`, { kind: "arbitration" })).json();
    expect(r.targetName).toBe("慈溪市劳动人事争议仲裁委员会");
    expect(r.targetUnitId).toBeNull();
    expect(r.guidance).toContain("一年");
    expect((await h.t.db.select().from(cases).where(eq(cases.id, k.case.id)))[0].mediationStage).toBe("litigation");
    const aid = (await post(community, `/api/cases/${k.case.id}/referrals`, { kind: "legal_aid" })).json();
    expect(aid.targetName).toBe("慈溪市法律援助中心");
    expect((await get(community, `/api/cases/${k.case.id}/referrals`)).json().items).toHaveLength(2);
  });

  it("answers 404 outside scope", async () => {
    const k = await mediationCase(h);
    const r = (await post(community, `/api/cases/${k.case.id}/referrals`, { kind: "legal_aid" })).json();
    expect((await get(away, `/api/cases/${k.case.id}/referrals`)).statusCode).toBe(404);
    expect((await post(away, `/api/cases/${k.case.id}/referrals`, { kind: "legal_aid" })).statusCode).toBe(404);
    expect((await patch(away, `/api/referrals/${r.id}`, { status: "accepted" })).statusCode).toBe(404);
    expect((await get(away, `/api/referrals/${r.id}/dossier`)).statusCode).toBe(404);
  });
});
