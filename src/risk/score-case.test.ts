// Risk on the live path: records formed into a case are scored in the same transaction, the colour's reasons are
// kept on the case, a change of colour is on the timeline, and events and staff changes re-score.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIntakeDeps } from "../intake/deps.js";
import type { IntakeDeps } from "../intake/ingest.js";
import { caseOf, formAll, ingest, placesByGrid, police, STREET } from "../cases/test-support/formation-db.js";
import { splitCase } from "../cases/case-changes.js";
import { inTransaction } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import type { RiskFactor } from "./levels.js";

let t: TestDatabase;
let deps: IntakeDeps;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
  deps = await loadIntakeDeps(t.db, t.cipher);
});
afterAll(() => t?.close());

async function caseRisk(caseId: number) {
  const { rows } = await t.db.$client.query<{ risk_level: string | null; risk_score: number | null; risk_factors: RiskFactor[] | null }>(
    `SELECT risk_level, risk_score, risk_factors FROM cases WHERE id = $1`, [caseId]);
  return rows[0];
}
async function riskEvents(caseId: number) {
  const { rows } = await t.db.$client.query<{ detail: { from: string | null; to: string } }>(
    `SELECT detail FROM case_events WHERE case_id = $1 AND kind = 'risk_changed' ORDER BY id`, [caseId]);
  return rows.map((r) => r.detail);
}

describe("scoring on formation", () => {
  it("colours a case as its reports arrive: green, then red when a later call voices a threat, with the reasons", async () => {
    const place = placesByGrid()[3];
    const base = { name: "韩立群", phone: "13857411234", address: STREET + place.text, category: "纠纷-邻里纠纷" };
    await ingest(t, [police({ ...base, id: "R1-A", time: "2025-04-01 09:00:00", narrative: "报警人称邻居在公共楼道堆放杂物，沟通无果" })], deps);
    await formAll(t.db);
    const { caseId } = await caseOf(t, "110", "R1-A");
    expect((await caseRisk(caseId!)).risk_level).toBe("green");

    await ingest(t, [police({ ...base, id: "R1-B", time: "2025-04-06 20:00:00", narrative: "报警人称邻居又在楼道堆放杂物，对方扬言要找人收拾他" })], deps);
    await formAll(t.db);
    expect((await caseOf(t, "110", "R1-B")).caseId).toBe(caseId);
    const risk = await caseRisk(caseId!);
    expect(risk.risk_level).toBe("red");
    expect(risk.risk_factors!.map((f) => f.factor)).toContain("threat");
    expect(risk.risk_factors!.find((f) => f.factor === "threat")!.detail).toContain("2025-04-06");
    // The first green is no news; the turn to red is on the timeline.
    expect(await riskEvents(caseId!)).toEqual([expect.objectContaining({ from: "green", to: "red" })]);
  });

  it("re-scores on timeline events and when staff split a case", async () => {
    const place = placesByGrid()[5];
    const base = { name: "钱雪梅", phone: "13905747788", address: STREET + place.text, category: "纠纷-家庭纠纷" };
    await ingest(t, [
      police({ ...base, id: "R2-A", time: "2025-05-01 09:00:00", narrative: "报警人称与丈夫因家务琐事争吵" }),
      police({ ...base, id: "R2-B", time: "2025-05-03 09:00:00", narrative: "报警人称丈夫又因家务琐事与其争吵" }),
      police({ ...base, id: "R2-C", time: "2025-05-09 22:00:00", narrative: "报警人称丈夫又与其争吵，并手持菜刀威胁" }),
    ], deps);
    await formAll(t.db);
    const { caseId } = await caseOf(t, "110", "R2-A");
    expect((await caseOf(t, "110", "R2-C")).caseId).toBe(caseId);
    expect((await caseRisk(caseId!)).risk_level).toBe("red");

    // Staff split the threatening call off: the rest of the case is no longer red, the new case is.
    const { recordId } = await caseOf(t, "110", "R2-C");
    await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "split" }, (ctx) =>
      splitCase(ctx, { caseId: caseId!, recordIds: [recordId], reason: "另一起事件" }));
    expect((await caseRisk(caseId!)).risk_level).not.toBe("red");
    const split = await caseOf(t, "110", "R2-C");
    expect((await caseRisk(split.caseId!)).risk_level).toBe("red");

    // A recurrence event on the timeline adds its points at once.
    const before = (await caseRisk(caseId!)).risk_score!;
    await t.db.$client.query(`UPDATE cases SET recurrence_of_id = $1 WHERE id = $2`, [split.caseId, caseId]);
    await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "ev" }, (ctx) =>
      appendCaseEvent(ctx, { caseId: caseId!, kind: "recurrence", detail: { previousCaseId: split.caseId, daysSinceClosed: 3 } }));
    const after = await caseRisk(caseId!);
    expect(after.risk_score).toBeGreaterThan(before);
    expect(after.risk_factors!.map((f) => f.factor)).toContain("recurrence");
  });
});
