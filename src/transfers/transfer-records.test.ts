// Non-police 110 calls are transferred to the hub as they form into cases: by the police's own mark, or, when the
// mark is missing, by being a dispute with nothing in it for the police. Once per call, with its timeline event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../intake/deps.js";
import type { IntakeDeps } from "../intake/ingest.js";
import { nativeRow } from "../intake/test-support/channel-files.js";
import { caseOf, formAll, ingest, placesByGrid, STREET, type Row } from "../cases/test-support/formation-db.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import { nonPoliceBasis } from "./transfer-records.js";

let t: TestDatabase;
let deps: IntakeDeps;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
  deps = await loadIntakeDeps(t.db, t.cipher);
});
afterAll(() => t?.close());

function call(id: string, mark: string, category: string, narrative: string, n: number): Row {
  const place = placesByGrid()[n];
  const fields = nativeRow("110", { id, time: "2025-06-0" + (n % 9 + 1) + " 10:00:00", name: `张${"一二三四五六"[n % 6]}明`, phone: `1385741${String(1000 + n)}`, address: STREET + place.text, category, narrative });
  return { channel: "110", fields: { ...fields, 是否非警务: mark } };
}

describe("non-police transfers", () => {
  it("reads the basis from the police's mark, or from a dispute with no police matter", () => {
    expect(nonPoliceBasis({ 是否非警务: "是" }, ["治安-打架斗殴"], "双方打架")).toBe("flagged");
    expect(nonPoliceBasis({ 是否非警务: "否" }, ["纠纷-邻里纠纷"], "邻居噪音")).toBeNull();
    expect(nonPoliceBasis({}, ["纠纷-邻里纠纷"], "邻居装修噪音扰民")).toBe("classified");
    expect(nonPoliceBasis({}, ["纠纷-邻里纠纷"], "邻居持刀威胁要砍人")).toBeNull();
    expect(nonPoliceBasis({}, ["治安-盗窃"], "电动车被盗")).toBeNull();
  });

  it("transfers the non-police calls as they form into cases, once each, on the case's timeline", async () => {
    await ingest(t, [
      call("T-1", "是", "纠纷-邻里纠纷", "报警人称邻居装修噪音扰民", 1),
      call("T-2", "否", "治安-打架斗殴", "报警人称有人在店门口打架", 2),
      call("T-3", "", "纠纷-家庭纠纷", "报警人称与儿子因赡养问题争吵", 3),
    ], deps);
    await formAll(t.db);
    const { rows } = await t.db.$client.query(`SELECT r.external_id, t.basis, t.case_id, t.police_unit_name FROM police_transfers t JOIN records r ON r.id = t.record_id ORDER BY r.external_id`);
    expect(rows).toEqual([
      { external_id: "T-1", basis: "flagged", case_id: (await caseOf(t, "110", "T-1")).caseId, police_unit_name: "古塘派出所" },
      { external_id: "T-3", basis: "classified", case_id: (await caseOf(t, "110", "T-3")).caseId, police_unit_name: "古塘派出所" },
    ]);
    // A correction of a transferred call is not a second transfer.
    await ingest(t, [{ ...call("T-1", "是", "纠纷-邻里纠纷", "报警人称邻居装修噪音扰民，已调解", 1) }], deps);
    await formAll(t.db);
    const { rows: again } = await t.db.$client.query(`SELECT count(*)::int AS n FROM police_transfers`);
    expect(again[0].n).toBe(2);
    const { rows: events } = await t.db.$client.query(`SELECT count(*)::int AS n FROM case_events WHERE kind = 'police_transfer'`);
    expect(events[0].n).toBe(2);
  });
});
