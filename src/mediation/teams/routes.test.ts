import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, createPerson, login, type Session, type TestApp } from "../../test/app.js";
import { createTeamTestApp, insertMediator, setCategory } from "./test-support.js";

let h: TestApp;
beforeAll(async () => {
  h = await createTeamTestApp();
});
afterAll(() => h?.close());

const HOME = "330282006004";
const AWAY = "330282006001";
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const post = (s: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.headers, payload });
const del = (s: Session, url: string) => h.app.inject({ method: "DELETE", url, headers: s.headers });
const as = async (role: Parameters<typeof createAccount>[1], region: string, unit?: string) => {
  const account = await createAccount(h.t, role, region, unit);
  return { account, session: await login(h.app, account.username) };
};

/** A record of the case filed by the citizen through the portal (what makes them a party the hub knows). */
async function fileThroughPortal(caseId: number, accountId: number) {
  const [{ id: rawId }] = await query(
    `INSERT INTO raw_records (channel, external_id, version, content_hash, raw_enc, batch_id) VALUES ('portal', $1, 1, $1, 'x', $2) RETURNING id`,
    [`P-${caseId}-${accountId}`, 900000 + caseId],
  );
  await query(
    `INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words, address_status, case_id)
     VALUES ($1, 'portal', $2, 1, now(), '我父亲的赡养问题', '我父亲的赡养问题', '{}', 'resolved', $3)`,
    [rawId, `P-${caseId}-${accountId}`, caseId],
  );
  await query(
    `INSERT INTO audit_events (actor_kind, actor_id, actor_label, action, subject_type, subject_id, correlation_id) VALUES ('account', $1, 'c', 'intake.chunk', 'intake_batch', $2, 't')`,
    [accountId, String(900000 + caseId)],
  );
}

async function world() {
  const applicant = await createPerson(h.t, { name: "钱阿婆", phone: "13811112222" });
  const respondent = await createPerson(h.t, { name: "钱志强", phone: "13833334444" });
  const kase = await createCase(h.t, { region: `${HOME}-G01-W01`, unit: `CC-${HOME}`, title: "赡养纠纷：子女推诿赡养老母", people: [applicant.id, respondent.id] });
  await setCategory(h.t, kase.id, "HY");
  const staff = await as("street_centre", HOME);
  const away = await as("street_centre", AWAY);
  const handler = await as("unit_handler", HOME, `CC-${HOME}`);
  const trusted = await as("mediator", AWAY);
  const other = await as("mediator", AWAY);
  const m = {
    trusted: await insertMediator(h.t, { name: "银发调解员老钱", kind: "volunteer", grade: "senior", fields: ["HY"], accountId: trusted.account.id }),
    other: await insertMediator(h.t, { name: "另一位调解员", kind: "notable", fields: ["HY"], home: HOME, accountId: other.account.id }),
    legal: await insertMediator(h.t, { name: "司法所小孙", kind: "judicial", grade: "senior", fields: ["HY"] }),
  };
  return { kase, staff, away, handler, trusted, other, m };
}

describe("team routes", () => {
  it("proposal, assignment and release answer 404 for a case of another community", async () => {
    const w = await world();
    const proposal = await get(w.staff.session, `/api/cases/${w.kase.id}/team-proposal?size=2`);
    expect(proposal.statusCode, proposal.body).toBe(200);
    const p = proposal.json();
    expect(p.members).toHaveLength(2);
    expect(p.members[0].role).toBe("lead");

    for (const [method, url] of [["GET", "team-proposal"], ["GET", "team"], ["POST", "team"], ["DELETE", "team"], ["POST", "mediator-requests"]] as const) {
      const res = await h.app.inject({ method, url: `/api/cases/${w.kase.id}/${url}`, headers: w.away.session.headers, ...(method === "POST" ? { payload: url === "team" ? { members: [{ mediatorId: w.m.legal.id, role: "lead" }] } : { mediatorId: w.m.legal.id, onBehalfOf: "钱阿婆" } } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }

    const assigned = await post(w.staff.session, `/api/cases/${w.kase.id}/team`, { members: p.members.map((x: { mediator: { id: number }; role: string }) => ({ mediatorId: x.mediator.id, role: x.role })) });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().team).toMatchObject({ status: "active", formedBy: "proposal", members: [{ role: "lead" }, { role: "member" }] });
    expect((await get(w.staff.session, `/api/cases/${w.kase.id}/team`)).json().team.members[0].breakdown).toHaveProperty("field");

    const released = await del(w.staff.session, `/api/cases/${w.kase.id}/team?reason=${encodeURIComponent("改由当事人指定")}`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().team.status).toBe("released");
    expect((await del(w.staff.session, `/api/cases/${w.kase.id}/team`)).statusCode).toBe(409);
  });

  it("a trusted mediator asked for on a party's behalf accepts: leads the team, the lead unit is told to inform the other party", async () => {
    const w = await world();
    const asked = await post(w.staff.session, `/api/cases/${w.kase.id}/mediator-requests`, { mediatorId: w.m.trusted.id, onBehalfOf: "钱阿婆", note: "老人信任钱老师" });
    expect(asked.statusCode, asked.body).toBe(200);
    const r = asked.json();
    expect(r).toMatchObject({ status: "pending", mediatorName: "银发调解员老钱", mayDecide: false });
    expect(r.requestedByLabel).toContain("钱阿婆");
    expect((await post(w.staff.session, `/api/cases/${w.kase.id}/mediator-requests`, { mediatorId: w.m.trusted.id, onBehalfOf: "钱阿婆" })).statusCode).toBe(409);

    const [notice] = await query(`SELECT kind, case_id FROM notifications WHERE account_id = $1`, [w.trusted.account.id]);
    expect(notice).toEqual({ kind: "mediation.request", case_id: w.kase.id });
    const mine = (await get(w.trusted.session, "/api/mediator-requests")).json().items;
    expect(mine.map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect(mine[0].mayDecide).toBe(true);
    expect((await get(w.other.session, "/api/mediator-requests")).json().items).toEqual([]);
    expect((await get(w.away.session, "/api/mediator-requests")).json().items.map((x: { id: number }) => x.id)).not.toContain(r.id);
    expect((await get(w.staff.session, "/api/mediator-requests?status=pending")).json().items.map((x: { id: number }) => x.id)).toContain(r.id);

    expect((await post(w.other.session, `/api/mediator-requests/${r.id}/decide`, { accept: true })).statusCode).toBe(404);
    const accepted = await post(w.trusted.session, `/api/mediator-requests/${r.id}/decide`, { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", mayDecide: false });
    expect(accepted.json().otherPartyToldAt).not.toBeNull();
    expect((await post(w.trusted.session, `/api/mediator-requests/${r.id}/decide`, { accept: false, note: "改主意" })).statusCode).toBe(409);

    // The mediator now sees the case (on its active team) and leads the team.
    const team = await get(w.trusted.session, `/api/cases/${w.kase.id}/team`);
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().team).toMatchObject({ formedBy: "citizen", members: [{ mediatorId: w.m.trusted.id, role: "lead" }] });
    const told = await query(`SELECT kind, title FROM notifications WHERE account_id = $1 AND kind = 'mediation.request_accepted'`, [w.handler.account.id]);
    expect(told[0].title).toMatch(/^请告知对方当事人/);
    expect(await query(`SELECT kind FROM notifications WHERE account_id = $1 AND kind = 'mediation.request_decided'`, [w.staff.account.id])).toHaveLength(1);
    const kinds = (await query(`SELECT kind FROM case_events WHERE case_id = $1 ORDER BY id`, [w.kase.id])).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["mediator_requested", "team_formed", "mediator_request_accepted"]));
  });

  it("a citizen asks on a case they filed; the mediator declines with a note and both the citizen and the lead unit hear of it", async () => {
    const w = await world();
    const citizen = await as("citizen", HOME);
    expect((await post(citizen.session, `/api/cases/${w.kase.id}/mediator-requests`, { mediatorId: w.m.other.id })).statusCode).toBe(404);
    await fileThroughPortal(w.kase.id, citizen.account.id);
    const asked = await post(citizen.session, `/api/cases/${w.kase.id}/mediator-requests`, { mediatorId: w.m.other.id, note: "同村的，信得过" });
    expect(asked.statusCode, asked.body).toBe(200);
    const r = asked.json();
    expect((await get(citizen.session, "/api/mediator-requests")).json().items.map((x: { id: number }) => x.id)).toEqual([r.id]);

    expect((await post(w.other.session, `/api/mediator-requests/${r.id}/decide`, { accept: false })).statusCode).toBe(400);
    const declined = await post(w.other.session, `/api/mediator-requests/${r.id}/decide`, { accept: false, note: "近期外出培训" });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: "declined", decisionNote: "近期外出培训", otherPartyToldAt: null });
    expect(await query(`SELECT title FROM notifications WHERE account_id = $1 AND kind = 'mediation.request_decided'`, [citizen.account.id])).toHaveLength(1);
    expect(await query(`SELECT 1 FROM notifications WHERE account_id = $1 AND kind = 'mediation.request_declined'`, [w.handler.account.id])).toHaveLength(1);
    expect(await query(`SELECT 1 FROM mediation_teams WHERE case_id = $1`, [w.kase.id])).toHaveLength(0);
  });

  it("refuses to name a mediator with a conflict of interest", async () => {
    const w = await world();
    const [party] = await query(`SELECT person_id FROM case_parties WHERE case_id = $1 AND role = 'respondent'`, [w.kase.id]);
    const son = await insertMediator(h.t, { name: "钱志强", kind: "cadre", fields: ["HY"], personId: party.person_id });
    const res = await post(w.staff.session, `/api/cases/${w.kase.id}/mediator-requests`, { mediatorId: son.id, onBehalfOf: "钱志强" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "MEDIATOR_CONFLICT" });
  });
});
