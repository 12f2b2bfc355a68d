import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../../intake/deps.js";
import type { IntakeDeps } from "../../intake/ingest.js";
import type { Place } from "../../intake/test-support/channel-files.js";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { caseOf, formAll, ingest, mediation, order12345, placesByGrid, STREET } from "../test-support/formation-db.js";
import { formationDeps } from "./form-pending.js";
import { refreshCase, type FormationDeps } from "./form-record.js";
import { PARTIES_PLACE_CONFIDENCE } from "./place-from-parties.js";

let t: TestDatabase;
let deps: IntakeDeps;
let places: Place[];
const at = (p: Place) => STREET + p.text;

/** The model stand-in: a register entry's own category word decides; anything else is a consumer complaint. */
const classify: FormationDeps["classify"] = (_text, words) => ({
  category: words.includes("邻里纠纷") ? "LL" : words.includes("借贷纠纷") ? "HT" : "XF",
  confidence: 0.9,
});

async function caseGrid(caseId: number | null) {
  const { rows } = await t.db.$client.query(
    `SELECT n.code, n.level FROM cases c JOIN region_nodes n ON n.id = c.region_node_id WHERE c.id = $1`,
    [caseId],
  );
  return rows[0] as { code: string; level: string };
}

/** A 12345 complaint about a shop, from the caller's home: where the caller lives, in a case of its own. */
const homeCall = (id: string, name: string, phone: string, p: Place, day: string) =>
  order12345({ id, at: `${day}T10:00:00`, name, phone, title: "网购商品质量问题", text: "在网上买的电饭煲用了三天就坏了，商家拒绝退货退款，要求商家退款", address: at(p), kind: "投诉" });

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
  deps = await loadIntakeDeps(t.db, t.cipher);
  places = placesByGrid();
});
afterAll(() => t?.close());

describe("placing a case by where its parties live", () => {
  it("places a 人民调解 neighbour quarrel with no address in the grid where its parties' other records say they live", async () => {
    const home = places[1];
    await ingest(t, [
      homeCall("P1-A", "应建国", "13957401101", home, "2025-02-03"),
      mediation({
        id: "P1-B", at: "2025-03-10", kind: "邻里纠纷",
        parties: [{ xm: "应建国", dh: "13957401101", js: "申请人" }, { xm: "孙丽华", js: "被申请人" }],
        text: "当事人应建国与孙丽华系上下楼邻居。被申请人家卫生间漏水，渗到申请人家天花板，申请人要求被申请人维修并赔偿。",
      }),
    ], deps);
    await formAll(t.db, { classify });
    const call = await caseOf(t, "12345", "P1-A");
    const quarrel = await caseOf(t, "rmtj", "P1-B");
    expect(quarrel.caseId).not.toBe(call.caseId);
    expect(await caseGrid(quarrel.caseId)).toEqual({ code: home.grid, level: "grid" });

    const client = await t.db.$client.connect();
    const { inferredPlace } = await refreshCase(client, { ...(await formationDeps(t.db)), classify }, quarrel.caseId!).finally(() => client.release());
    expect(inferredPlace).toMatchObject({ confidence: PARTIES_PLACE_CONFIDENCE });
    expect(inferredPlace!.evidence.join()).toMatch(/^当事人住址：应建国（12345）/);
  });

  it("leaves the place alone when the parties live in different grids", async () => {
    await ingest(t, [
      homeCall("P2-A", "褚海波", "13957402201", places[2], "2025-02-04"),
      homeCall("P2-B", "史美琴", "13957402202", places[3], "2025-02-05"),
      mediation({
        id: "P2-C", at: "2025-03-11", kind: "邻里纠纷",
        parties: [{ xm: "褚海波", dh: "13957402201", js: "申请人" }, { xm: "史美琴", dh: "13957402202", js: "被申请人" }],
        text: "当事人褚海波与史美琴系邻居。被申请人在两家之间的通道上砌了一道墙，申请人家进出被堵，申请人要求拆墙恢复通行。",
      }),
    ], deps);
    await formAll(t.db, { classify });
    const quarrel = await caseOf(t, "rmtj", "P2-C");
    expect((await caseGrid(quarrel.caseId)).level).toBe("street");
  });

  it("does not place a debt by the parties' homes: a loan is not a matter of where people live", async () => {
    await ingest(t, [
      homeCall("P3-A", "罗志明", "13957403301", places[4], "2025-02-06"),
      mediation({
        id: "P3-B", at: "2025-03-12", kind: "借贷纠纷",
        parties: [{ xm: "罗志明", dh: "13957403301", js: "申请人" }, { xm: "钱晓东", js: "被申请人" }],
        text: "申请人罗志明与被申请人钱晓东系借贷关系。被申请人借了申请人5万元后换了手机号，找不到人。申请人要求被申请人还钱。",
      }),
    ], deps);
    await formAll(t.db, { classify });
    const debt = await caseOf(t, "rmtj", "P3-B");
    expect((await caseGrid(debt.caseId)).level).toBe("street");
  });
});
