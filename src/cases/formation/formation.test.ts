import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../../intake/deps.js";
import type { IntakeDeps } from "../../intake/ingest.js";
import type { Place } from "../../intake/test-support/channel-files.js";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { exportRecords, type ExportedRecord } from "../export-records.js";
import { caseOf, formAll, ingest, order12345, peopleOf, placesByGrid, police, STREET } from "../test-support/formation-db.js";
import { CANDIDATES_BY_NAME, CANDIDATES_BY_PEOPLE, CANDIDATES_BY_PLACE } from "./form-record.js";
import { THRESHOLDS } from "./score.js";
import { PARTY_PLACES } from "./place-from-parties.js";

let t: TestDatabase;
let deps: IntakeDeps;
let places: Place[];
const at = (p: Place) => STREET + p.text;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
  deps = await loadIntakeDeps(t.db, t.cipher);
  places = placesByGrid();
});
afterAll(() => t?.close());

async function currentMatch(recordId: number) {
  const { rows } = await t.db.$client.query(`SELECT decision, score, evidence FROM case_matches WHERE record_id = $1 AND current`, [recordId]);
  expect(rows).toHaveLength(1);
  return rows[0] as { decision: string; score: number; evidence: { kind: string }[] };
}

const NOISE = "楼上住户每天深夜在家中敲打地板，噪音很大影响老人休息，上门沟通多次无果";

describe("formPendingCases", () => {
  it("puts two reports of one quarrel by the same caller, on two channels days apart, in one case", async () => {
    const place = places[0];
    await ingest(t, [
      order12345({ id: "F1-A", at: "2025-03-05T14:05:00", name: "王晓峰", phone: "13957400011", title: "楼上噪音扰民", text: NOISE, address: at(place) }),
      police({ id: "F1-B", time: "2025-03-09 21:30:00", name: "王晓峰", phone: "13957400011", address: at(place), category: "噪音扰民", narrative: "报警人称楼上住户深夜在家中敲打地板，噪音很大影响老人休息，上门沟通无果" }),
    ], deps);
    await formAll(t.db);
    const a = await caseOf(t, "12345", "F1-A");
    const b = await caseOf(t, "110", "F1-B");
    expect(a.caseId).not.toBeNull();
    expect(b.caseId).toBe(a.caseId);
    const match = await currentMatch(b.recordId);
    expect(match.decision).toBe("joined");
    expect(match.evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(["person", "text"]));
  });

  it("keeps two look-alike disputes of one building with different named callers apart", async () => {
    const place = places[1];
    await ingest(t, [
      order12345({ id: "F2-A", at: "2025-04-02T09:00:00", name: "张建国", phone: "13957400021", text: "楼上卫生间漏水渗到我家天花板，墙面发霉，要求楼上维修", address: at(place) }),
      order12345({ id: "F2-B", at: "2025-04-06T10:00:00", name: "李秀英", phone: "13957400022", text: "楼上卫生间漏水渗到我家厨房天花板，墙面发霉，要求楼上维修", address: at(place) }),
    ], deps);
    await formAll(t.db);
    const a = await caseOf(t, "12345", "F2-A");
    const b = await caseOf(t, "12345", "F2-B");
    expect(a.caseId).not.toBeNull();
    expect(b.caseId).not.toBeNull();
    expect(b.caseId).not.toBe(a.caseId);
  });

  it("joins the other side's report that names the first caller by surname, and links the named caller to it", async () => {
    const place = places[6];
    await ingest(t, [
      police({ id: "F7-A", time: "2025-05-10 20:00:00", name: "郑文斌", phone: "13957400071", address: at(place), category: "邻里纠纷", narrative: "报警人称楼下住户空调外机半夜噪音很大，吵得其家人睡不着" }),
      order12345({ id: "F7-B", at: "2025-05-12T09:00:00", name: "孔丽", phone: "13957400072", text: "楼上郑某说我家空调外机吵，我家外机是按物业要求装的，对方天天上门吵闹", address: at(place) }),
    ], deps);
    await formAll(t.db);
    const a = await caseOf(t, "110", "F7-A");
    const b = await caseOf(t, "12345", "F7-B");
    expect(b.caseId).toBe(a.caseId);
    expect((await currentMatch(b.recordId)).evidence).toContainEqual(expect.objectContaining({ kind: "name_address", detail: expect.stringContaining("姓氏") }));
    const [zheng] = await peopleOf(t, "110", "F7-A");
    expect(await peopleOf(t, "12345", "F7-B")).toContain(zheng);
  });

  it("keeps one caller's second quarrel, with a neighbour the story names differently, out of the first case", async () => {
    const place = places[7];
    await ingest(t, [
      police({ id: "F8-A", time: "2025-06-01 10:00:00", name: "冯海平", phone: "13957400081", address: at(place), category: "邻里纠纷", narrative: "称其和邻居卢某因为楼道里堆放杂物吵了起来，双方都不肯让步" }),
      order12345({ id: "F8-B", at: "2025-06-04T09:00:00", name: "冯海平", phone: "13957400081", text: "对门蒋某家在楼道里堆放杂物和电瓶车，堵住了我家门口，说了也不听", address: at(place) }),
    ], deps);
    await formAll(t.db);
    const a = await caseOf(t, "110", "F8-A");
    const b = await caseOf(t, "12345", "F8-B");
    expect(b.caseId).not.toBe(a.caseId);
  });

  it("keeps a corrected record (version 2) in the case of version 1", async () => {
    const place = places[2];
    const order = { id: "F3-A", at: "2025-05-02T09:00:00", name: "陈国庆", phone: "13957400031", text: "隔壁邻居在公共楼道堆放杂物，堵塞消防通道", address: at(place) };
    await ingest(t, [order12345(order)], deps);
    await formAll(t.db);
    const v1 = await caseOf(t, "12345", "F3-A");
    await ingest(t, [order12345({ ...order, text: "隔壁邻居在公共楼道堆放大量杂物和电瓶车，堵塞消防通道" })], deps);
    await formAll(t.db);
    const v2 = await caseOf(t, "12345", "F3-A");
    expect(v2.version).toBe(2);
    expect(v2.caseId).toBe(v1.caseId);
    expect((await currentMatch(v2.recordId)).decision).toBe("correction");
    const { rows } = await t.db.$client.query(`SELECT record_count FROM cases WHERE id = $1`, [v1.caseId]);
    expect(rows[0].record_count).toBe(1);
  });

  it("opens a new case and queues a possible duplicate when the best match is in the review band", async () => {
    const place = places[3];
    // Title-only names without numbers identify nobody: only place and text speak, which is not enough to join.
    await ingest(t, [
      order12345({ id: "F4-A", at: "2025-06-02T09:00:00", name: "周先生", text: "小区门口的烧烤摊每天晚上油烟很大，气味飘进家里", address: at(place) }),
      order12345({ id: "F4-B", at: "2025-06-04T20:00:00", name: "吴女士", text: "楼下烧烤摊晚上油烟很重，关窗也挡不住", address: at(place) }),
    ], deps);
    await formAll(t.db);
    const a = await caseOf(t, "12345", "F4-A");
    const b = await caseOf(t, "12345", "F4-B");
    expect(b.caseId).not.toBe(a.caseId);
    const { rows } = await t.db.$client.query(`SELECT case_id, candidate_case_id, score, status FROM possible_duplicates WHERE record_id = $1`, [b.recordId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ case_id: b.caseId, candidate_case_id: a.caseId, status: "open" });
    expect(rows[0].score).toBeGreaterThanOrEqual(THRESHOLDS.review);
    expect(rows[0].score).toBeLessThan(THRESHOLDS.join);
    expect((await currentMatch(b.recordId)).decision).toBe("new_case");
  });

  it("opens a recurrence, rooted at the chain's first case, for a report after the matching case closed", async () => {
    const place = places[4];
    const caller = { name: "孙丽华", phone: "13957400041", address: at(place) };
    const dog = "邻居家的狗每天夜里狂叫，还在楼道里随地便溺，沟通后对方不理睬";
    await ingest(t, [order12345({ id: "F5-A", at: "2025-03-05T14:05:00", ...caller, text: dog })], deps);
    await formAll(t.db);
    const first = await caseOf(t, "12345", "F5-A");
    await t.db.$client.query(`UPDATE cases SET status = 'closed', closed_at = '2025-03-10T12:00:00+08' WHERE id = $1`, [first.caseId]);

    await ingest(t, [order12345({ id: "F5-B", at: "2025-03-20T10:00:00", ...caller, text: dog })], deps);
    const summary = await formAll(t.db);
    expect(summary.recurrences).toBe(1);
    const second = await caseOf(t, "12345", "F5-B");
    expect(second.caseId).not.toBe(first.caseId);
    const { rows: [c2] } = await t.db.$client.query(`SELECT recurrence_of_id, root_case_id FROM cases WHERE id = $1`, [second.caseId]);
    expect(c2).toEqual({ recurrence_of_id: first.caseId, root_case_id: first.caseId });

    await t.db.$client.query(`UPDATE cases SET status = 'closed', closed_at = '2025-04-01T12:00:00+08' WHERE id = $1`, [second.caseId]);
    await ingest(t, [order12345({ id: "F5-C", at: "2025-04-20T10:00:00", ...caller, text: dog })], deps);
    await formAll(t.db);
    const third = await caseOf(t, "12345", "F5-C");
    const { rows: [c3] } = await t.db.$client.query(`SELECT recurrence_of_id, root_case_id FROM cases WHERE id = $1`, [third.caseId]);
    expect(c3).toEqual({ recurrence_of_id: second.caseId, root_case_id: first.caseId });
    expect((await currentMatch(third.recordId)).decision).toBe("recurrence");
  });

  it("forms nothing when run again", async () => {
    await ingest(t, [order12345({ id: "F6-A", at: "2025-07-01T09:00:00", name: "郑海涛", phone: "13957400061", text: "租客拖欠三个月房租不肯搬走", address: at(places[5]) })], deps);
    const first = await formAll(t.db);
    expect(first.records).toBe(1);
    const count = async () => (await t.db.$client.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n;
    const before = await count();
    const again = await formAll(t.db);
    expect(again).toMatchObject({ records: 0, newCases: 0, joined: 0 });
    expect(await count()).toBe(before);
  });

  it("exports one line per source record with its case, root, people and the place's community and grid", async () => {
    const lines: ExportedRecord[] = [];
    for await (const line of exportRecords(t.db)) lines.push(line);
    const { rows } = await t.db.$client.query(`SELECT count(DISTINCT (channel, external_id))::int AS n FROM records`);
    expect(lines).toHaveLength(rows[0].n);
    expect(new Set(lines.map((l) => `${l.channel}/${l.externalId}`)).size).toBe(lines.length);
    expect(lines.every((l) => l.caseId != null)).toBe(true);

    const quarrel = lines.filter((l) => l.externalId.startsWith("F1-"));
    expect(quarrel).toHaveLength(2);
    expect(quarrel[0].caseId).toBe(quarrel[1].caseId);
    expect(quarrel[0].personIds).toHaveLength(1);
    expect(quarrel[1].personIds).toEqual(quarrel[0].personIds);
    expect(quarrel[0]).toMatchObject({ rootCaseId: quarrel[0].caseId, gridCode: places[0].grid, communityCode: places[0].grid.split("-")[0] });

    const chain = lines.find((l) => l.externalId === "F5-C")!;
    const root = lines.find((l) => l.externalId === "F5-A")!;
    expect(chain.rootCaseId).toBe(root.caseId);
    expect(chain.caseId).not.toBe(root.caseId);
  });
});

describe("candidate search", () => {
  let big: TestDatabase;
  beforeAll(async () => {
    big = await createTestDatabase();
    await seedRegionTree(big);
    // A few thousand cases, each with a record and a linked person, inserted directly.
    await big.db.$client.query(`
      INSERT INTO people (kind, name) SELECT 'person', '人' || g FROM generate_series(1, 5000) g;
      INSERT INTO cases (code, title, region_node_id)
        SELECT 'BIG-' || g, '案件' || g, (SELECT id FROM region_nodes WHERE level = 'micro_grid' ORDER BY id OFFSET g % 600 LIMIT 1)
          FROM generate_series(1, 5000) g;
      INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words, region_node_id, address_status, case_id)
        SELECT c.id, '12345', c.code, 1, timestamptz '2024-01-01' + (c.id % 700) * interval '1 day', '事项', '事项', '{}', c.region_node_id, 'resolved', c.id
          FROM cases c;
      INSERT INTO record_people (record_id, role, name, person_id)
        SELECT r.id, 'reporter', '人', r.id::int FROM records r;
      INSERT INTO case_parties (case_id, person_id, role) SELECT id, id, 'reporter' FROM cases;
      ANALYZE people; ANALYZE cases; ANALYZE records; ANALYZE record_people; ANALYZE case_parties;`);
  });
  afterAll(() => big?.close());

  async function plan(sql: string, params: unknown[]) {
    const client = await big.db.$client.connect();
    try {
      // A generic plan, as a prepared statement gets after a few runs: the parameters' values cannot help it.
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      await client.query(`PREPARE candidates AS ${sql}`);
      const { rows } = await client.query(`EXPLAIN EXECUTE candidates(${params.map((p) => `'${p}'`).join(", ")})`);
      await client.query(`DEALLOCATE candidates`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await client.query(`RESET plan_cache_mode`);
      client.release();
    }
  }

  it("finds cases of the record's people without a sequential scan of records", async () => {
    const p = await plan(CANDIDATES_BY_PEOPLE, ["{17,4242}"]);
    expect(p).not.toMatch(/Seq Scan on records/);
    expect(p).not.toMatch(/Seq Scan on record_people/);
  });

  it("finds cases of a party with a given full name without a sequential scan", async () => {
    const p = await plan(CANDIDATES_BY_NAME, ["{张三,李四}"]);
    expect(p).not.toMatch(/Seq Scan on (records|record_people|people)/);
  });

  it("finds cases of the grid around the record's time without a sequential scan of records", async () => {
    const { rows } = await big.db.$client.query(`SELECT array_agg(id) AS ids FROM (SELECT id FROM region_nodes WHERE level = 'micro_grid' ORDER BY id LIMIT 6) x`);
    const p = await plan(CANDIDATES_BY_PLACE, [`{${rows[0].ids.join(",")}}`, "2024-03-01", "2024-07-01"]);
    expect(p).not.toMatch(/Seq Scan on records/);
  });

  it("finds where a case's parties live through the person index, without a sequential scan", async () => {
    const p = await plan(PARTY_PLACES, ["4242"]);
    expect(p).not.toMatch(/Seq Scan on (records|record_people|case_parties|people)/);
  });
});
