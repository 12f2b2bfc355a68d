import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../notifications/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import type { TestApp } from "../../test/app.js";
import { asSystem, AWAY, createMediationTestApp, HOME, mediationCase, staff, type Staff } from "../funnel/mediation-fixture.js";
import { agreements } from "../schema.js";
import { createAgreement } from "./compose-agreement.js";
import { followUpOverdueAgreements } from "./performance-sweep.js";
import { findCjkFont } from "./pdf.js";

const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

describe("agreements (调解协议书)", () => {
  let h: TestApp;
  let community: Staff, away: Staff, court: Staff, judicial: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const patch = (s: Staff, url: string, payload: unknown) => h.app.inject({ method: "PATCH", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });

  beforeAll(async () => {
    h = await createMediationTestApp();
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    away = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
    court = await staff(h, "unit_handler", "330282006", "GT-RMFT");
    judicial = await staff(h, "unit_handler", "330282006", "GT-SFS");
  });
  afterAll(() => h.close());

  it("numbers agreements uniquely per year, also when made at the same moment", async () => {
    const k = await mediationCase(h);
    const now = new Date("2027-02-01T10:00:00+08:00");
    const ids = await Promise.all(Array.from({ length: 8 }, () => asSystem(h, (ctx) => createAgreement(ctx, k.case.id, {}), now)));
    const rows = await h.t.db.select({ id: agreements.id, number: agreements.number }).from(agreements);
    const numbers = rows.filter((r) => ids.includes(r.id)).map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `古塘调〔2027〕第${String(i + 1).padStart(4, "0")}号`));
  });

  it("is composed from the case, editable as a draft, and signed only when every party has confirmed", async () => {
    const k = await mediationCase(h);
    const made = await post(community, `/api/cases/${k.case.id}/agreements`, { performanceDeadline: "2026-06-30" });
    expect(made.statusCode).toBe(200);
    const a = made.json();
    expect(a.number).toMatch(/^古塘调〔\d{4}〕第\d{4}号$/);
    expect(a.parties).toEqual([
      { personId: k.applicant.id, name: k.applicant.name, role: "申请人", confirmedAt: null },
      { personId: k.respondent.id, name: k.respondent.name, role: "被申请人", confirmedAt: null },
    ]);
    expect(JSON.stringify(a)).not.toContain("13800138000");
    expect(a.facts).toBe("两户因宅基地边界围墙位置发生争执。");
    expect(a.mediators.map((m: { name: string }) => m.name)).toEqual([k.lead.name, k.member.name]);

    const confirmed = await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 });
    expect(confirmed.json().status).toBe("draft");
    expect(confirmed.json().parties[0].confirmedAt).not.toBeNull();
    // Changing the wording clears the confirmations: the parties confirmed another text.
    const edited = await patch(community, `/api/agreements/${a.id}`, { terms: "一、李某于2026年6月30日前拆除越界围墙。\n二、王某不再追究其他费用。" });
    expect(edited.json().parties.every((p: { confirmedAt: string | null }) => p.confirmedAt == null)).toBe(true);
    expect((await post(community, `/api/agreements/${a.id}/performance`, { result: "performed" })).json().error.code).toBe("AGREEMENT_STATE");
    expect((await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 5 })).statusCode).toBe(400);

    await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 });
    expect((await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 })).json().error.code).toBe("AGREEMENT_STATE");
    const signed = await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 1 });
    expect(signed.json()).toMatchObject({ status: "signed", can: { edit: false, performance: true, requestConfirmation: true } });
    expect(signed.json().signedAt).not.toBeNull();
    expect((await patch(community, `/api/agreements/${a.id}`, { facts: "改" })).json().error.code).toBe("AGREEMENT_STATE");
    const events = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, k.case.id), eq(caseEvents.kind, "agreement_signed")));
    expect(events).toHaveLength(1);

    const breached = await post(community, `/api/agreements/${a.id}/performance`, { result: "breached", note: "李某未拆除围墙" });
    expect(breached.json().status).toBe("breached");
    expect((await post(community, `/api/agreements/${a.id}/performance`, { result: "performed" })).json().status).toBe("performed");
  });

  it("raises the performance follow-up once when the deadline passes unperformed", async () => {
    const k = await mediationCase(h);
    const a = (await post(community, `/api/cases/${k.case.id}/agreements`, { performanceDeadline: "2026-07-31" })).json();
    await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 });
    await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 1 });
    expect(await asSystem(h, followUpOverdueAgreements, new Date("2026-07-31T20:00:00+08:00"))).toBe(0); // the deadline day itself
    const after = new Date("2026-08-01T08:00:00+08:00");
    await asSystem(h, followUpOverdueAgreements, after);
    await asSystem(h, followUpOverdueAgreements, after);
    await asSystem(h, followUpOverdueAgreements, new Date("2026-08-05T08:00:00+08:00"));
    const [row] = await h.t.db.select().from(agreements).where(eq(agreements.id, a.id));
    expect(row.followUpAt?.toISOString()).toBe(after.toISOString());
    expect(await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, k.case.id), eq(caseEvents.kind, "agreement_follow_up")))).toHaveLength(1);
    const told = await h.t.db.select().from(notifications).where(and(eq(notifications.kind, "agreement_follow_up"), eq(notifications.caseId, k.case.id)));
    expect(told.map((n) => n.accountId)).toEqual([community.id]);
  });

  it("goes to the court for judicial confirmation, which only the court decides", async () => {
    const k = await mediationCase(h);
    const a = (await post(community, `/api/cases/${k.case.id}/agreements`, {})).json();
    expect((await post(community, `/api/agreements/${a.id}/judicial-confirmation`, {})).json().error.code).toBe("AGREEMENT_STATE");
    await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 });
    await post(community, `/api/agreements/${a.id}/confirm`, { partyIndex: 1 });
    const requested = await post(community, `/api/agreements/${a.id}/judicial-confirmation`, { note: "双方共同申请" });
    expect(requested.statusCode).toBe(200);
    const jc = requested.json().confirmations[0];
    expect(jc).toMatchObject({ status: "requested", courtUnitName: "慈溪市人民法院古塘人民法庭" });
    expect((await post(community, `/api/agreements/${a.id}/judicial-confirmation`, {})).json().error.code).toBe("CONFIRMATION_STATE");
    expect(await h.t.db.select().from(notifications).where(and(eq(notifications.accountId, court.id), eq(notifications.kind, "judicial_confirmation")))).toHaveLength(1);

    expect((await post(judicial, `/api/judicial-confirmations/${jc.id}/decide`, { status: "accepted" })).json().error.code).toBe("NOT_COURT_UNIT");
    expect((await post(court, `/api/judicial-confirmations/${jc.id}/decide`, { status: "confirmed" })).json().error.code).toBe("CONFIRMATION_STATE");
    expect((await post(court, `/api/judicial-confirmations/${jc.id}/decide`, { status: "accepted" })).json().confirmations[0].status).toBe("accepted");
    const done = await post(court, `/api/judicial-confirmations/${jc.id}/decide`, { status: "confirmed", note: "（2026）浙0282民特123号" });
    expect(done.json().confirmations[0]).toMatchObject({ status: "confirmed", note: "（2026）浙0282民特123号" });
    const kinds = (await h.t.db.select().from(caseEvents).where(eq(caseEvents.caseId, k.case.id))).map((e) => e.kind);
    expect(kinds.filter((x) => x === "confirmation_decided")).toHaveLength(2);
    expect(kinds).toContain("confirmation_requested");
  });

  it("prints as a PDF with the Chinese font embedded and the number in it", async () => {
    expect(findCjkFont()).not.toBeNull();
    const k = await mediationCase(h);
    const a = (await post(community, `/api/cases/${k.case.id}/agreements`, { performanceDeadline: "2026-06-30" })).json();
    const res = await get(community, `/api/agreements/${a.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdf.toString("latin1");
    expect(text).toMatch(/\/FontFile[23]?\b/); // the font is embedded
    expect(text).toContain("/ToUnicode"); // and the text extractable
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+(NotoSansHans|WenQuanYi|NotoSansCJK)/);
    expect(pdf.includes(utf16be(a.number))).toBe(true); // in the document's title
  });

  it("answers 404 outside scope", async () => {
    const k = await mediationCase(h);
    const a = (await post(community, `/api/cases/${k.case.id}/agreements`, {})).json();
    expect((await get(away, `/api/cases/${k.case.id}/agreements`)).statusCode).toBe(404);
    expect((await post(away, `/api/cases/${k.case.id}/agreements`, {})).statusCode).toBe(404);
    for (const url of [`/api/agreements/${a.id}`, `/api/agreements/${a.id}/pdf`]) expect((await get(away, url)).statusCode).toBe(404);
    expect((await patch(away, `/api/agreements/${a.id}`, { facts: "改" })).statusCode).toBe(404);
    expect((await post(away, `/api/agreements/${a.id}/confirm`, { partyIndex: 0 })).statusCode).toBe(404);
    expect((await post(away, `/api/agreements/${a.id}/performance`, { result: "performed" })).statusCode).toBe(404);
    expect((await post(away, `/api/agreements/${a.id}/judicial-confirmation`, {})).statusCode).toBe(404);
  });
});
