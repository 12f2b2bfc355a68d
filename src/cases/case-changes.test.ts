import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../intake/deps.js";
import type { IntakeDeps } from "../intake/ingest.js";
import type { Place } from "../intake/test-support/channel-files.js";
import { createAccount, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import { caseOf, formAll, ingest, order12345, placesByGrid, STREET } from "./test-support/formation-db.js";

let h: TestApp;
let deps: IntakeDeps;
let places: Place[];
let staff: Session;
const at = (p: Place) => STREET + p.text;
const REASON = "同一纠纷的重复报告";

beforeAll(async () => {
  h = await createTestApp();
  deps = await loadIntakeDeps(h.t.db, h.t.cipher);
  places = placesByGrid();
  staff = await login(h.app, (await createAccount(h.t, "street_centre", "330282006")).username);
});
afterAll(() => h?.close());

const post = (session: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: session.headers, payload });
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const caseRow = async (id: number) => (await query(`SELECT id, merged_into_id, record_count, category, category_source FROM cases WHERE id = $1`, [id]))[0];
const recordsOf = async (caseId: number) => (await query(`SELECT external_id FROM records WHERE case_id = $1 AND is_current ORDER BY external_id`, [caseId])).map((r) => r.external_id);

/** Two unrelated cases in their own grid: `a` with two reports of one caller, `b` with one. */
async function twoCases(tag: string, place: Place) {
  const a = { name: "许国平", phone: `1395741${tag.padStart(4, "0")}`, address: at(place) };
  await ingest(h.t, [
    order12345({ id: `${tag}-A1`, at: "2025-03-05T09:00:00", ...a, text: "隔壁厂房夜间机器轰鸣，噪音吵得无法入睡" }),
    order12345({ id: `${tag}-A2`, at: "2025-03-08T09:00:00", ...a, text: "隔壁厂房夜间机器轰鸣，噪音吵得整夜无法入睡" }),
    order12345({ id: `${tag}-B1`, at: "2025-03-06T09:00:00", name: "何美玲", phone: `1395742${tag.padStart(4, "0")}`, text: "儿子结婚彩礼返还产生分歧", address: at(place) }),
  ], deps);
  await formAll(h.t.db);
  const a1 = await caseOf(h.t, "12345", `${tag}-A1`);
  const b1 = await caseOf(h.t, "12345", `${tag}-B1`);
  expect((await caseOf(h.t, "12345", `${tag}-A2`)).caseId).toBe(a1.caseId);
  expect(b1.caseId).not.toBe(a1.caseId);
  return { a: a1.caseId!, b: b1.caseId! };
}

describe("merging and splitting cases (HTTP)", () => {
  it("merges two cases and undoes the merge", async () => {
    const { a, b } = await twoCases("1", places[20]);
    const res = await post(staff, `/api/cases/${b}/merge`, { intoCaseId: a, reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    const { changeId } = res.json();
    expect(await recordsOf(a)).toEqual(["1-A1", "1-A2", "1-B1"]);
    expect(await caseRow(b)).toMatchObject({ merged_into_id: a, record_count: 0 });
    expect(await caseRow(a)).toMatchObject({ record_count: 3 });
    expect(await query(`SELECT kind, from_case_id, to_case_id, undone_at FROM case_changes WHERE id = $1`, [changeId])).toEqual([
      { kind: "merge", from_case_id: b, to_case_id: a, undone_at: null },
    ]);
    expect(await query(`SELECT subject_id FROM audit_events WHERE action = 'case.merge'`)).toContainEqual({ subject_id: String(a) });

    const undo = await post(staff, `/api/case-changes/${changeId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await recordsOf(a)).toEqual(["1-A1", "1-A2"]);
    expect(await recordsOf(b)).toEqual(["1-B1"]);
    expect(await caseRow(b)).toMatchObject({ merged_into_id: null, record_count: 1 });
    expect(await caseRow(a)).toMatchObject({ record_count: 2 });
    expect((await query(`SELECT undone_at FROM case_changes WHERE id = $1`, [changeId]))[0].undone_at).not.toBeNull();
    expect((await post(staff, `/api/case-changes/${changeId}/undo`)).statusCode).toBe(409);
  });

  it("splits records off into a new case and undoes the split", async () => {
    const { a } = await twoCases("2", places[21]);
    const { recordId } = await caseOf(h.t, "12345", "2-A2");
    const res = await post(staff, `/api/cases/${a}/split`, { recordIds: [recordId], reason: "其实是另一件事" });
    expect(res.statusCode, res.body).toBe(200);
    const { changeId, caseId: created } = res.json();
    expect(created).not.toBe(a);
    expect(await recordsOf(created)).toEqual(["2-A2"]);
    expect(await recordsOf(a)).toEqual(["2-A1"]);
    expect(await caseRow(a)).toMatchObject({ record_count: 1 });

    expect((await post(staff, `/api/case-changes/${changeId}/undo`)).statusCode).toBe(200);
    expect(await recordsOf(a)).toEqual(["2-A1", "2-A2"]);
    expect(await caseRow(a)).toMatchObject({ record_count: 2 });
    expect(await caseRow(created)).toMatchObject({ merged_into_id: a, record_count: 0 });
  });

  it("refuses a unit handler without cases.manage", async () => {
    const { a, b } = await twoCases("3", places[22]);
    const community = places[22].grid.split("-")[0];
    const handler = await login(h.app, (await createAccount(h.t, "unit_handler", community, `CC-${community}`)).username);
    expect((await post(handler, `/api/cases/${b}/merge`, { intoCaseId: a, reason: REASON })).statusCode).toBe(403);
    expect((await post(handler, `/api/cases/${a}/category`, { category: "LL", reason: "应为邻里纠纷" })).statusCode).toBe(403);
    expect(await caseRow(b)).toMatchObject({ merged_into_id: null, record_count: 1 });
  });
});

describe("correcting a case's dispute type", () => {
  it("keeps the staff category as a labelled example, and formation does not overwrite it", async () => {
    const { a, b } = await twoCases("4", places[23]);
    const res = await post(staff, `/api/cases/${a}/category`, { category: "LL", reason: "应为邻里纠纷" });
    expect(res.statusCode, res.body).toBe(200);
    expect(await caseRow(a)).toMatchObject({ category: "LL", category_source: "staff" });
    const examples = await query(`SELECT category, source FROM labelled_examples WHERE case_id = $1`, [a]);
    expect(examples).toEqual([{ category: "LL", source: "staff" }, { category: "LL", source: "staff" }]);

    // A later report joins the corrected case (and one joins the other case), formed with a confident model.
    await ingest(h.t, [
      order12345({ id: "4-A3", at: "2025-03-10T09:00:00", name: "许国平", phone: "13957410004", address: at(places[23]), text: "隔壁厂房夜间机器轰鸣，噪音吵得无法入睡" }),
      order12345({ id: "4-B2", at: "2025-03-11T09:00:00", name: "何美玲", phone: "13957420004", address: at(places[23]), text: "儿子结婚彩礼返还产生分歧" }),
    ], deps);
    await formAll(h.t.db, { classify: () => ({ category: "WY", confidence: 0.95 }) });
    expect((await caseOf(h.t, "12345", "4-A3")).caseId).toBe(a);
    expect((await caseOf(h.t, "12345", "4-B2")).caseId).toBe(b);
    expect(await caseRow(a)).toMatchObject({ category: "LL", category_source: "staff", record_count: 3 });
    expect(await caseRow(b)).toMatchObject({ category: "WY", category_source: "model" });
  });

  it("keeps only the current version of a corrected record as a labelled example", async () => {
    const order = { id: "7-A", at: "2025-04-02T09:00:00", name: "方志远", phone: "13957430007", address: at(places[26]) };
    await ingest(h.t, [order12345({ ...order, text: "邻居在楼道里养鸡，气味很大" })], deps);
    await formAll(h.t.db);
    await ingest(h.t, [order12345({ ...order, text: "邻居在公共楼道里养了十几只鸡，气味很大" })], deps);
    await formAll(h.t.db);
    const { caseId, version } = await caseOf(h.t, "12345", "7-A");
    expect(version).toBe(2);
    expect((await post(staff, `/api/cases/${caseId}/category`, { category: "LL", reason: "应为邻里纠纷" })).statusCode).toBe(200);
    expect(await query(`SELECT text FROM labelled_examples WHERE case_id = $1`, [caseId])).toEqual([{ text: "邻居在公共楼道里养了十几只鸡，气味很大" }]);
  });
});

describe("the possible-duplicates queue", () => {
  /** Two reports whose match lands in the review band: two cases and one open possible duplicate. */
  async function queued(tag: string, place: Place) {
    await ingest(h.t, [
      order12345({ id: `${tag}-A`, at: "2025-06-02T09:00:00", name: "周先生", text: "小区门口的烧烤摊每天晚上油烟很大，气味飘进家里", address: at(place) }),
      order12345({ id: `${tag}-B`, at: "2025-06-04T20:00:00", name: "吴女士", text: "楼下烧烤摊晚上油烟很重，关窗也挡不住", address: at(place) }),
    ], deps);
    await formAll(h.t.db);
    const a = (await caseOf(h.t, "12345", `${tag}-A`)).caseId!;
    const b = (await caseOf(h.t, "12345", `${tag}-B`)).caseId!;
    const [d] = await query(`SELECT id FROM possible_duplicates WHERE case_id = $1 AND candidate_case_id = $2 AND status = 'open'`, [b, a]);
    expect(d).toBeDefined();
    return { a, b, duplicateId: Number(d.id) };
  }

  it("merges the two cases when staff confirm", async () => {
    const { a, b, duplicateId } = await queued("5", places[24]);
    const res = await post(staff, `/api/case-duplicates/${duplicateId}/decide`, { decision: "confirm", reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changeId).not.toBeNull();
    expect(await recordsOf(a)).toEqual(["5-A", "5-B"]);
    expect(await caseRow(b)).toMatchObject({ merged_into_id: a });
    expect((await query(`SELECT status FROM possible_duplicates WHERE id = $1`, [duplicateId]))[0].status).toBe("confirmed");
  });

  it("leaves both cases when staff reject", async () => {
    const { a, b, duplicateId } = await queued("6", places[25]);
    const res = await post(staff, `/api/case-duplicates/${duplicateId}/decide`, { decision: "reject", reason: "两件不同的事" });
    expect(res.statusCode, res.body).toBe(200);
    expect(await recordsOf(a)).toEqual(["6-A"]);
    expect(await recordsOf(b)).toEqual(["6-B"]);
    expect(await caseRow(b)).toMatchObject({ merged_into_id: null });
    expect((await query(`SELECT status FROM possible_duplicates WHERE id = $1`, [duplicateId]))[0].status).toBe("rejected");
  });
});
