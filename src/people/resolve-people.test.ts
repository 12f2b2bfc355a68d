import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../intake/deps.js";
import type { IntakeDeps } from "../intake/ingest.js";
import { creditCode, idNumber, type Place } from "../intake/test-support/channel-files.js";
import { formAll, idEndingIn, ingest, mediation, order12345, peopleOf, placesByGrid, STREET } from "../cases/test-support/formation-db.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";

let t: TestDatabase;
let deps: IntakeDeps;
let places: Place[];
const at = (p: Place) => STREET + p.text;
const community = (p: Place) => p.grid.split("-")[0];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
  deps = await loadIntakeDeps(t.db, t.cipher);
  places = placesByGrid();
});
afterAll(() => t?.close());

async function person(id: number) {
  const { rows } = await t.db.$client.query(`SELECT kind, name, name_key, id_number_hash, credit_code FROM people WHERE id = $1`, [id]);
  return rows[0];
}

describe("the person index (resolveMention, through intake and case formation)", () => {
  it("links the same ID number in two records to one person", async () => {
    const id = idNumber("19720314", 11);
    await ingest(t, [
      mediation({ id: "P1-A", at: "2025-02-01", parties: [{ xm: "冯建军", sfzh: id, dh: "13957401011" }], text: "与邻居因排水沟改道发生争执" }),
      mediation({ id: "P1-B", at: "2025-02-20", parties: [{ xm: "冯建军", sfzh: id, dh: "13957401012" }], text: "承包地边界被邻居占用" }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "rmtj", "P1-A");
    const [b] = await peopleOf(t, "rmtj", "P1-B");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
  });

  it("links a title (王先生) and a full name with the surname to one person by phone", async () => {
    await ingest(t, [
      order12345({ id: "P2-A", at: "2025-03-01T09:00:00", name: "王先生", phone: "13957402021", text: "小区车位被外来车辆长期占用", address: at(places[10]) }),
      order12345({ id: "P2-B", at: "2025-03-15T09:00:00", name: "王小明", phone: "13957402021", text: "物业收费标准突然上调", address: at(places[10]) }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "12345", "P2-A");
    const [b] = await peopleOf(t, "12345", "P2-B");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    // The person learns the full name.
    expect(await person(a)).toMatchObject({ name: "王小明", name_key: "王小明" });
  });

  it("keeps two different full names on one phone as two people", async () => {
    await ingest(t, [
      order12345({ id: "P3-A", at: "2025-03-02T09:00:00", name: "李建华", phone: "13957403031", text: "装修噪音从早到晚不停", address: at(places[11]) }),
      order12345({ id: "P3-B", at: "2025-03-16T09:00:00", name: "赵永强", phone: "13957403031", text: "店铺押金被房东扣留不退", address: at(places[11]) }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "12345", "P3-A");
    const [b] = await peopleOf(t, "12345", "P3-B");
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(b).not.toBe(a);
  });

  it("links a masked ID number with the same phone to the person with the full number", async () => {
    const full = idEndingIn("1234");
    await ingest(t, [
      mediation({ id: "P4-A", at: "2025-04-01", parties: [{ xm: "钱志明", sfzh: full, dh: "13957404041" }], text: "借款到期对方拒不归还" }),
      mediation({ id: "P4-B", at: "2025-04-10", parties: [{ xm: "钱志明", sfzh: "330282********1234", dh: "13957404041" }], text: "借款到期对方仍未归还" }),
      // The same masked number under another name and another phone is somebody else.
      mediation({ id: "P4-C", at: "2025-04-12", parties: [{ xm: "孙志刚", sfzh: "330282********1234", dh: "13957404049" }], text: "宅基地围墙被推倒" }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "rmtj", "P4-A");
    const [b] = await peopleOf(t, "rmtj", "P4-B");
    const [c] = await peopleOf(t, "rmtj", "P4-C");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // The person keeps the full number the first record gave.
    expect((await person(a)).id_number_hash).toBe(t.cipher.hash(full));
  });

  it("links a company by its credit code, however its name is written", async () => {
    const code = creditCode(88);
    await ingest(t, [
      mediation({ id: "P5-A", at: "2025-05-01", parties: [{ xm: "周海", dh: "13957405051" }, { xm: "慈溪市恒达电器有限公司", sfzh: code, js: "被申请人" }], text: "工资拖欠两个月" }),
      mediation({ id: "P5-B", at: "2025-05-09", parties: [{ xm: "吴芳", dh: "13957405052" }, { xm: "恒达电器公司", sfzh: code, js: "被申请人" }], text: "加班费一直没有结算" }),
    ], deps);
    await formAll(t.db);
    const [, a] = await peopleOf(t, "rmtj", "P5-A");
    const [, b] = await peopleOf(t, "rmtj", "P5-B");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(await person(a)).toMatchObject({ kind: "company", credit_code: code });
  });

  it("links a full name alone within one community, and not across communities", async () => {
    // Two grids of one community, and a grid of another.
    const first = places.slice(12).find((p) => places.some((q) => q.grid !== p.grid && community(q) === community(p)))!;
    const second = places.find((p) => p.grid !== first.grid && community(p) === community(first))!;
    const away = places.find((p) => community(p) !== community(first))!;
    await ingest(t, [
      order12345({ id: "P6-A", at: "2025-06-01T09:00:00", name: "蒋文斌", text: "门口下水道堵塞污水外溢", address: at(first) }),
      order12345({ id: "P6-B", at: "2025-06-20T09:00:00", name: "蒋文斌", text: "邻居的空调外机对着卧室窗户", address: at(second) }),
      order12345({ id: "P6-C", at: "2025-06-21T09:00:00", name: "蒋文斌", text: "自家菜地被人倾倒建筑垃圾", address: at(away) }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "12345", "P6-A");
    const [b] = await peopleOf(t, "12345", "P6-B");
    const [c] = await peopleOf(t, "12345", "P6-C");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(c).not.toBeNull();
    expect(c).not.toBe(a);
  });
  it("links a name without numbers or place to the same-named party of the case its record joins", async () => {
    const place = places[14];
    await ingest(t, [
      order12345({ id: "P7-A", at: "2025-07-01T09:00:00", name: "黄立新", phone: "13957407071", text: "楼上邻居家卫生间漏水渗到我家天花板，墙面发霉", address: at(place) }),
      // A mediation register entry: names only, no address, so no community to match the name in.
      mediation({ id: "P7-B", at: "2025-07-04", parties: [{ xm: "黄立新" }, { xm: "钱学军", js: "被申请人" }], text: "申请人与被申请人系上下楼邻居，被申请人家卫生间漏水渗到申请人家天花板，墙面发霉" }),
    ], deps);
    await formAll(t.db);
    const [a] = await peopleOf(t, "12345", "P7-A");
    const [b, other] = await peopleOf(t, "rmtj", "P7-B");
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    const { rows } = await t.db.$client.query(`SELECT DISTINCT case_id FROM records WHERE external_id IN ('P7-A', 'P7-B')`);
    expect(rows).toHaveLength(1);
  });
});
