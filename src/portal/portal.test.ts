// The citizen portal: a citizen sees what they filed, and only that, with where each submission stands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import { progressOf } from "./submissions.js";
import type { SubmissionView } from "./views.js";

let h: TestApp;
let first: Session;
let second: Session;

const file = (s: Session, payload: Record<string, unknown>) => h.app.inject({ method: "POST", url: "/api/intake/forms/portal", headers: s.headers, payload });
const mine = async (s: Session) => {
  const res = await h.app.inject({ method: "GET", url: "/api/portal/submissions", headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.json().items as SubmissionView[];
};

beforeAll(async () => {
  h = await createTestApp();
  first = await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username);
  second = await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username);
});
afterAll(() => h.close());

describe("GET /api/portal/submissions", () => {
  it("lists a citizen's own submissions, newest first, each once in its latest version", async () => {
    await file(first, { id: "P-OLD", reportedAt: "2025-03-01 09:00", narrative: "楼上漏水渗到我家", address: "古塘街道上傅路12号" });
    await file(first, { id: "P-NEW", reportedAt: "2025-03-05 10:00", narrative: "隔壁装修噪音" });
    await file(first, { id: "P-NEW", reportedAt: "2025-03-05 10:00", narrative: "隔壁装修噪音，晚上十点后还在施工" });
    await file(second, { id: "P-OTHER", reportedAt: "2025-03-03 10:00", narrative: "邻居占用楼道" });

    const items = await mine(first);
    expect(items.map((i) => i.externalId)).toEqual(["P-NEW", "P-OLD"]);
    expect(items[0]).toMatchObject({ narrative: "隔壁装修噪音，晚上十点后还在施工", progress: "received", case: null });
    expect(items[1]).toMatchObject({ addressText: "古塘街道上傅路12号", reportedAt: new Date("2025-03-01T09:00:00+08:00").toISOString() });
    expect((await mine(second)).map((i) => i.externalId)).toEqual(["P-OTHER"]);
  });

  it("follows the case a submission joined, through to its closing", async () => {
    const { externalId } = (await file(first, { narrative: "物业停车费收费不合理" })).json() as { externalId: string };
    const kase = await createCase(h.t, { region: "330282006", title: "物业收费" });
    await h.t.db.$client.query(`UPDATE records SET case_id = $1 WHERE channel = 'portal' AND external_id = $2`, [kase.id, externalId]);
    const joined = (await mine(first)).find((i) => i.externalId === externalId)!;
    expect(joined).toMatchObject({ progress: "received", case: { id: kase.id, status: "open", closedAt: null, nextSession: null } });

    // The next session still to come, not one held or past.
    const soon = new Date(Date.now() + 2 * 86_400_000);
    await h.t.db.$client.query(
      `INSERT INTO mediation_sessions (case_id, scheduled_at, place, online, status, created_by_label) VALUES
         ($1, now() - interval '3 days', '社区调解室', false, 'held', '测试'),
         ($1, $2, '线上调解室 8801', true, 'scheduled', '测试'),
         ($1, $2::timestamptz + interval '7 days', '社区调解室', false, 'scheduled', '测试')`,
      [kase.id, soon],
    );
    const scheduled = (await mine(first)).find((i) => i.externalId === externalId)!;
    expect(scheduled.case?.nextSession).toEqual({ scheduledAt: soon.toISOString(), online: true, place: "线上调解室 8801" });

    await h.t.db.$client.query(`UPDATE cases SET status = 'closed', closed_at = '2025-04-01T10:00:00+08:00' WHERE id = $1`, [kase.id]);
    const closed = (await mine(first)).find((i) => i.externalId === externalId)!;
    expect(closed).toMatchObject({ progress: "closed", case: { status: "closed", closedAt: new Date("2025-04-01T10:00:00+08:00").toISOString() } });
  });

  it("is the citizen's alone: staff are refused, and each read is audited", async () => {
    const staff = await login(h.app, (await createAccount(h.t, "street_centre", "330282006")).username);
    const res = await h.app.inject({ method: "GET", url: "/api/portal/submissions", headers: staff.headers });
    expect(res.statusCode).toBe(403);
    const before = Number((await h.t.db.$client.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'portal.submissions.read'`)).rows[0].n);
    await mine(second);
    const after = Number((await h.t.db.$client.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'portal.submissions.read'`)).rows[0].n);
    expect(after).toBe(before + 1);
  });
});

describe("progressOf", () => {
  it("tells a citizen received, handling, resolved or closed", () => {
    expect(progressOf(null, false)).toBe("received");
    expect(progressOf("open", false)).toBe("received");
    expect(progressOf("open", true)).toBe("handling");
    expect(progressOf("in_progress", false)).toBe("handling");
    expect(progressOf("resolved", true)).toBe("resolved");
    expect(progressOf("closed", true)).toBe("closed");
  });
});
