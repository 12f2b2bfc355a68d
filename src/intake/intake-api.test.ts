// The intake API over HTTP: channel push with tokens, the hub's own forms, uploads, the quarantine list and the
// address queue, each with the permission it needs and the audit row it leaves.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, regionId, type Session, type TestApp } from "../test/app.js";
import { csvLine, channelText, nativeRow, roadAddresses, type Report } from "./test-support/channel-files.js";
import { recordOf } from "./test-support/intake-db.js";

let h: TestApp;
let admin: Session;
let staff: Session;
const road = roadAddresses();
const GRID = "330282006001-G03";
const NOWHERE = "古塘某某不存在的地方12号";
const report = (id: string, more: Partial<Report> = {}): Report => ({ id, time: "2025-03-05 14:05:00", name: "林八", phone: "13800001111", address: road[3].text, narrative: `测试事项${id}`, category: "投诉", ...more });
const wo = (id: string, more: Partial<Report> = {}) => nativeRow("12345", report(id, more));

async function createToken(scopes: string[], channel: string | null) {
  const res = await h.app.inject({ method: "POST", url: "/api/tokens", headers: admin.headers, payload: { name: `测试令牌-${channel}`, scopes, channel } });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json().token}` };
}
const push = (channel: string, headers: Record<string, string>, payload: unknown) => h.app.inject({ method: "POST", url: `/api/intake/${channel}`, headers, payload: payload as object });
const quarantineCount = async () => Number((await h.t.db.$client.query("SELECT count(*) AS n FROM quarantined_rows")).rows[0].n);
const auditCount = async (action: string) => Number((await h.t.db.$client.query("SELECT count(*) AS n FROM audit_events WHERE action = $1", [action])).rows[0].n);

beforeAll(async () => {
  h = await createTestApp();
  admin = await login(h.app, (await createAccount(h.t, "admin", "330282006")).username);
  staff = await login(h.app, (await createAccount(h.t, "street_centre", "330282006")).username);
});
afterAll(() => h.close());

describe("POST /api/intake/:channel (channel push)", () => {
  let token12345: Record<string, string>;
  beforeAll(async () => {
    token12345 = await createToken(["intake.push"], "12345");
  });

  it("answers per record, and the same batch again is all redelivered", async () => {
    const batch = { records: [wo("PUSH-1"), wo("PUSH-2"), { ...wo("PUSH-3"), slsj: "2099-01-01 00:00:00" }] };
    const chunks = await auditCount("intake.chunk");
    const res = await push("12345", token12345, batch);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ read: 3, accepted: 2, redelivered: 0, corrected: 0, quarantined: 1 });
    expect(body.results).toEqual([
      expect.objectContaining({ index: 0, channel: "12345", externalId: "PUSH-1", status: "accepted", version: 1, recordId: expect.any(Number) }),
      expect.objectContaining({ index: 1, externalId: "PUSH-2", status: "accepted" }),
      expect.objectContaining({ index: 2, externalId: "PUSH-3", status: "quarantined", reason: "time_in_future" }),
    ]);
    expect(await auditCount("intake.chunk")).toBe(chunks + 1);
    const audit = await h.t.db.$client.query("SELECT actor_kind, new_values FROM audit_events WHERE action = 'intake.chunk' AND subject_id = $1", [String(body.batchId)]);
    expect(audit.rows).toEqual([{ actor_kind: "token", new_values: body.counts }]);
    const quarantined = await quarantineCount();

    const again = await push("12345", token12345, batch);
    expect(again.json().counts).toMatchObject({ read: 3, redelivered: 2, quarantined: 1, accepted: 0 });
    expect(again.json().results.slice(0, 2).map((r: { status: string }) => r.status)).toEqual(["redelivered", "redelivered"]);
    const { rows } = await h.t.db.$client.query("SELECT count(*)::int AS n FROM records WHERE external_id LIKE 'PUSH-%'");
    expect(rows[0].n).toBe(2);
    expect(await quarantineCount()).toBe(quarantined);
  });

  it("takes a bare array too, and a changed record as a correction", async () => {
    const res = await push("12345", token12345, [wo("PUSH-1", { narrative: "测试事项PUSH-1，补充说明" })]);
    expect(res.json().results[0]).toMatchObject({ status: "corrected", version: 2 });
  });

  it("refuses a token issued for another channel", async () => {
    const res = await push("12345", await createToken(["intake.push"], "110"), { records: [wo("PUSH-OTHER")] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("refuses a token without intake.push, and a cookie session (accounts cannot push)", async () => {
    expect((await push("12345", await createToken(["regions.read"], "12345"), { records: [wo("PUSH-X")] })).statusCode).toBe(403);
    expect((await push("12345", admin.headers, { records: [wo("PUSH-Y")] })).statusCode).toBe(403);
    expect((await push("12345", staff.headers, { records: [wo("PUSH-Z")] })).statusCode).toBe(403);
    const { rows } = await h.t.db.$client.query("SELECT count(*)::int AS n FROM records WHERE external_id IN ('PUSH-X', 'PUSH-Y', 'PUSH-Z', 'PUSH-OTHER')");
    expect(rows[0].n).toBe(0);
  });

  it("refuses more than 5,000 records with 400", async () => {
    const records = Array.from({ length: 5001 }, (_, i) => ({ gdbh: `BIG-${i}`, slsj: "20250305140500", sqnr: "x" }));
    const res = await push("12345", token12345, { records });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("POST /api/intake/forms/:channel (the hub's own forms)", () => {
  const form = { narrative: "楼道里电动车充电，存在安全隐患", address: road[4].text, reporterName: "网格员小张", reporterPhone: "13900002222" };

  it("takes a grid worker's report with an id the hub gives", async () => {
    const worker = await login(h.app, (await createAccount(h.t, "grid_worker", GRID)).username);
    const res = await h.app.inject({ method: "POST", url: "/api/intake/forms/grid", headers: worker.headers, payload: form });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ channel: "grid", status: "accepted", externalId: expect.stringMatching(/^GRID-\d{8}-[0-9a-f]{8}$/) });
    expect((await recordOf(h.t, "grid", res.json().externalId)).region_code).toBe(road[4].microGrid);
  });

  it("lets a citizen use the portal but not the window form", async () => {
    const citizen = await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username);
    const portal = await h.app.inject({ method: "POST", url: "/api/intake/forms/portal", headers: citizen.headers, payload: form });
    expect(portal.json()).toMatchObject({ channel: "portal", status: "accepted" });
    const window = await h.app.inject({ method: "POST", url: "/api/intake/forms/window", headers: citizen.headers, payload: form });
    expect(window.statusCode).toBe(403);
  });

  it("lets a form's own id retry and correct the filer's record, but not another account's", async () => {
    const [a, b] = [await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username), await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username)];
    const file = (s: Session, narrative: string) => h.app.inject({ method: "POST", url: "/api/intake/forms/portal", headers: s.headers, payload: { ...form, id: "MY-1", reportedAt: "2025-03-05 14:05", narrative } });
    expect((await file(a, "我的诉求")).json()).toMatchObject({ externalId: "MY-1", status: "accepted" });
    expect((await file(a, "我的诉求")).json().status).toBe("redelivered");
    expect((await file(a, "我的诉求（补充）")).json()).toMatchObject({ status: "corrected", version: 2 });
    const other = await file(b, "冒用他人编号");
    expect(other.statusCode).toBe(409);
    expect((await recordOf(h.t, "portal", "MY-1")).narrative).toBe("我的诉求（补充）");
  });
});

describe("upload and the quarantine list", () => {
  const missing = report("UP-MISS", { narrative: "" });
  const badTime = report("UP-TIME", { time: "2025年13月45日" });
  const lineOf = (r: Report) => csvLine(Object.values(nativeRow("110", r)));
  let batchId: number;
  let open: { id: number; rawText: string; reason: string; status: string }[];

  beforeAll(async () => {
    const text = channelText("110", [report("UP-1"), missing, report("UP-2"), badTime, report("UP-3", { address: NOWHERE })].map((r) => nativeRow("110", r)));
    const res = await h.app.inject({
      method: "POST",
      url: "/api/intake/upload?fileName=110_202501.csv",
      headers: { ...staff.headers, "content-type": "application/octet-stream" },
      payload: iconv.encode(text, "gbk"),
    });
    expect(res.statusCode).toBe(200);
    batchId = res.json().batchId;
    expect(res.json().byChannel).toEqual([{ channel: "110", read: 5, accepted: 3, redelivered: 0, corrected: 0, quarantined: 2 }]);
    expect(res.json().total).toMatchObject({ read: 5, accepted: 3, quarantined: 2 });
    const audit = await h.t.db.$client.query("SELECT actor_kind FROM audit_events WHERE action = 'intake.chunk' AND subject_id = $1", [String(batchId)]);
    expect(audit.rows).toEqual([{ actor_kind: "account" }]);
    const list = await h.app.inject({ method: "GET", url: `/api/intake/quarantine?batchId=${batchId}`, headers: staff.headers });
    open = list.json().items;
  });

  it("lists the bad rows with their raw text decrypted and the reason", () => {
    expect(open.map((r) => [r.reason, r.rawText]).sort()).toEqual([
      ["invalid_time", lineOf(badTime)],
      ["missing_required", lineOf(missing)],
    ]);
  });

  it("keeps a fix that still fails open, with the reason in a 400", async () => {
    const row = open.find((r) => r.reason === "invalid_time")!;
    const res = await h.app.inject({ method: "POST", url: `/api/intake/quarantine/${row.id}/resubmit`, headers: staff.headers, payload: { text: lineOf({ ...badTime, time: "2025年13月46日" }) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.detail).toContain("时间无法识别");
    const still = await h.app.inject({ method: "GET", url: `/api/intake/quarantine?batchId=${batchId}`, headers: staff.headers });
    expect(still.json().items.map((r: { id: number }) => r.id)).toContain(row.id);
  });

  it("accepts a fixed row, which then leaves the open list", async () => {
    const row = open.find((r) => r.reason === "invalid_time")!;
    const audits = await auditCount("quarantine.resubmit");
    const res = await h.app.inject({ method: "POST", url: `/api/intake/quarantine/${row.id}/resubmit`, headers: staff.headers, payload: { text: lineOf({ ...badTime, time: "2025/3/5 14:05" }) } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: { status: "accepted", externalId: "UP-TIME" }, row: { status: "resubmitted", recordId: res.json().outcome.recordId } });
    expect((await recordOf(h.t, "110", "UP-TIME")).reported_at.toISOString()).toBe("2025-03-05T06:05:00.000Z");
    const after = await h.app.inject({ method: "GET", url: `/api/intake/quarantine?batchId=${batchId}`, headers: staff.headers });
    expect(after.json().items.map((r: { id: number }) => r.id)).not.toContain(row.id);
    expect(await auditCount("quarantine.resubmit")).toBe(audits + 1);
  });

  it("dismisses a row only with a note", async () => {
    const row = open.find((r) => r.reason === "missing_required")!;
    const url = `/api/intake/quarantine/${row.id}/dismiss`;
    expect((await h.app.inject({ method: "POST", url, headers: staff.headers, payload: {} })).statusCode).toBe(400);
    const res = await h.app.inject({ method: "POST", url, headers: staff.headers, payload: { note: "报警内容为空，系重复误报" } });
    expect(res.json()).toMatchObject({ id: row.id, status: "dismissed" });
    expect(await auditCount("quarantine.dismiss")).toBe(1);
  });

  it("queues an unresolved address; placing it moves its records and teaches the resolver", async () => {
    const queue = await h.app.inject({ method: "GET", url: "/api/intake/addresses/unresolved", headers: staff.headers });
    expect(queue.json().items).toContainEqual(expect.objectContaining({ addressText: NOWHERE, records: 1 }));
    expect((await recordOf(h.t, "110", "UP-3")).address_status).toBe("unresolved");

    const place = await h.app.inject({ method: "POST", url: "/api/intake/addresses/place", headers: staff.headers, payload: { addressText: NOWHERE, regionCode: GRID } });
    expect(place.statusCode).toBe(200);
    expect(place.json()).toMatchObject({ placed: 1, regionCode: GRID });
    const placed = await recordOf(h.t, "110", "UP-3");
    expect(placed).toMatchObject({ region_node_id: await regionId(h.t, GRID), address_status: "partial" });
    const queueAfter = await h.app.inject({ method: "GET", url: "/api/intake/addresses/unresolved", headers: staff.headers });
    expect(queueAfter.json().items.map((i: { addressText: string }) => i.addressText)).not.toContain(NOWHERE);
    expect(await auditCount("address.place")).toBe(1);

    const next = await push("12345", await createToken(["intake.push"], "12345"), { records: [wo("PUSH-NOWHERE", { address: NOWHERE })] });
    expect(next.json().results[0].status).toBe("accepted");
    const learned = await recordOf(h.t, "12345", "PUSH-NOWHERE");
    expect(learned.region_code).toBe(GRID);
    expect(learned.address_status).not.toBe("unresolved");
  });
});
