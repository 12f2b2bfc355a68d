import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, regionId, unitId, type TestApp } from "../test/app.js";
import { decideRouting, loadCaseFacts, type CaseFacts } from "./decide.js";
import { GUTANG_MATRIX, seedRoutingMatrix } from "./gutang-matrix.js";
import { saveMatrixVersion } from "./matrix.js";
import { asSystem, routingCase } from "./test-support.js";

const STREET = "330282006";
const A = "330282006001"; // 上傅家社区
const B = "330282006004"; // 团圈社区

let h: TestApp;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(() => h?.close());

const decide = (caseId: number, exclude?: number[]) =>
  asSystem(h, async (ctx) => decideRouting(ctx.tx, { ...(await loadCaseFacts(ctx.tx, caseId)), excludeUnitIds: exclude } satisfies CaseFacts));

describe("decideRouting", () => {
  it("posts on the claim board while no matrix exists", async () => {
    const c = await routingCase(h, { region: `${A}-G01`, category: "LL" });
    const d = await decide(c.id);
    expect(d).toMatchObject({ versionId: null, leadUnitId: null, openCall: true, level: "street" });
    expect(d.reasons[0]).toBe("尚未设置职责矩阵");
  });

  it("seeds version 1 once", async () => {
    expect(await seedRoutingMatrix(h.t.db)).toEqual({ created: true });
    expect(await seedRoutingMatrix(h.t.db)).toEqual({ created: false });
    const rows = (await h.t.db.$client.query(`SELECT count(*)::int AS n FROM routing_rules`)).rows;
    expect(rows[0].n).toBe(GUTANG_MATRIX.length);
  });

  it("sends labour disputes to the labour office with the judicial office, at street level, and says why", async () => {
    const c = await routingCase(h, { region: `${A}-G01`, category: "LD" });
    const d = await decide(c.id);
    expect(d.leadUnitId).toBe(await unitId(h.t, "GT-LDBZ"));
    expect(d.coUnitIds).toEqual([await unitId(h.t, "GT-SFS")]);
    expect(d.level).toBe("street");
    expect(d.openCall).toBe(false);
    expect(d.reasons).toContain("纠纷类别：劳动争议");
    expect(d.reasons.some((r) => r.startsWith("牵头：劳动保障所 → 古塘劳动保障所"))).toBe(true);
    expect(d.reasons).toContain("处置层级：街道");
  });

  it("resolves the community centre by the case's place", async () => {
    const inA = await decide((await routingCase(h, { region: `${A}-G02`, category: "LL" })).id);
    const inB = await decide((await routingCase(h, { region: `${B}-G01`, category: "HY" })).id);
    expect(inA).toMatchObject({ leadUnitId: await unitId(h.t, `CC-${A}`), level: "community", coUnitIds: [await unitId(h.t, "GT-SFS")] });
    expect(inB).toMatchObject({ leadUnitId: await unitId(h.t, `CC-${B}`), level: "community" });
    // Land: the street department leads, the village's own centre helps.
    const land = await decide((await routingCase(h, { region: `${B}-G02`, category: "TD" })).id);
    expect(land).toMatchObject({ leadUnitId: await unitId(h.t, "GT-ZRZY"), coUnitIds: [await unitId(h.t, `CC-${B}`)], level: "street" });
  });

  it("lifts large sums to the street centre with the police (amount over the case's records)", async () => {
    const c = await routingCase(h, { region: `${A}-G01`, category: "HT", records: [{ amount: 20_000 }, { amount: 600_000 }] });
    const d = await decide(c.id);
    expect(d).toMatchObject({ leadUnitId: await unitId(h.t, "GT-SZZX"), coUnitIds: [await unitId(h.t, "GT-PCS")], level: "street" });
    expect(d.reasons).toContain("金额 60 万元 ≥ 50 万元");
    const small = await decide((await routingCase(h, { region: `${A}-G01`, category: "HT", records: [{ amount: 499_999 }] })).id);
    expect(small.leadUnitId).toBe(await unitId(h.t, "GT-SCJG"));
  });

  it("takes the first matching rule: mass labour disputes before mass disputes, red risk before everything", async () => {
    const massLabour = await decide((await routingCase(h, { region: `${A}-G01`, category: "LD", records: [{ people: 3 }, { people: 12 }] })).id);
    expect(massLabour.leadUnitId).toBe(await unitId(h.t, "GT-LDBZ"));
    expect(massLabour.coUnitIds).toEqual([await unitId(h.t, "GT-PCS"), await unitId(h.t, "GT-SFS"), await unitId(h.t, "GT-SZZX")]);
    expect(massLabour.reasons).toContain("涉及 12 人 ≥ 10 人（群体性）");
    const massNeighbours = await decide((await routingCase(h, { region: `${A}-G01`, category: "LL", records: [{ people: 15 }] })).id);
    expect(massNeighbours.leadUnitId).toBe(await unitId(h.t, "GT-SZZX"));
    const red = await decide((await routingCase(h, { region: `${A}-G01`, category: "LD", risk: "red", records: [{ people: 30 }] })).id);
    expect(red.leadUnitId).toBe(await unitId(h.t, "GT-SZZX"));
    expect(red.reasons).toContain("风险等级：红色");
    expect(red.reasons[0]).toMatch(/^职责矩阵第 1 版第 1 条/);
  });

  it("posts a case whose place is only the street on the claim board when its rule needs a community centre", async () => {
    const c = await routingCase(h, { region: STREET, category: "LL" });
    const d = await decide(c.id);
    expect(d).toMatchObject({ leadUnitId: null, openCall: true, level: "street", ruleId: null });
    expect(d.versionId).not.toBeNull();
    expect(d.reasons.some((r) => r.includes("没有可承办的村（社区）二级中心"))).toBe(true);
    // A street department still takes its type from anywhere in the street.
    const labour = await decide((await routingCase(h, { region: STREET, category: "LD" })).id);
    expect(labour.leadUnitId).toBe(await unitId(h.t, "GT-LDBZ"));
  });

  it("falls back to the community centre for unclassified cases", async () => {
    const d = await decide((await routingCase(h, { region: `${B}-G03`, category: null })).id);
    expect(d.leadUnitId).toBe(await unitId(h.t, `CC-${B}`));
    expect(d.reasons).toContain("未设特定条件（兜底规则）");
  });

  it("skips excluded units: the next rule that fits, else the claim board", async () => {
    const labour = await routingCase(h, { region: `${A}-G01`, category: "LD" });
    const d = await decide(labour.id, [await unitId(h.t, "GT-LDBZ")]);
    expect(d.leadUnitId).toBe(await unitId(h.t, `CC-${A}`));
    expect(d.reasons.some((r) => r.includes("已退回的单位除外"))).toBe(true);
    const neighbours = await routingCase(h, { region: `${A}-G01`, category: "LL" });
    const none = await decide(neighbours.id, [await unitId(h.t, `CC-${A}`)]);
    expect(none).toMatchObject({ leadUnitId: null, openCall: true });
  });

  it("matches channel and region conditions and named units in a new version", async () => {
    const studio = await unitId(h.t, "MS-LBSST");
    const base = GUTANG_MATRIX.slice(4);
    const unknownRegion = asSystem(h, (ctx) => saveMatrixVersion(ctx, { note: "坏", rules: [{ ...base[0], regionNodeId: -1 }] }));
    await expect(unknownRegion).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const bNode = await regionId(h.t, B);
    await asSystem(h, (ctx) =>
      saveMatrixVersion(ctx, {
        note: "试点",
        rules: [
          { ...base[0], category: null, leadUnitKind: "labour", coUnitKinds: [], channel: "ldbz", note: "劳动保障渠道" },
          { ...base[0], category: "LL", regionNodeId: bNode, leadUnitKind: null, leadUnitId: studio, coUnitKinds: ["community_centre"], level: "community", note: "团圈邻里纠纷由老兵说事厅" },
          ...base,
        ],
      }),
    );
    const viaChannel = await decide((await routingCase(h, { region: `${A}-G01`, category: "HY", records: [{ channel: "ldbz" }] })).id);
    expect(viaChannel).toMatchObject({ version: 2, leadUnitId: await unitId(h.t, "GT-LDBZ") });
    expect(viaChannel.reasons).toContain("来源渠道：劳动保障监察");
    const inB = await decide((await routingCase(h, { region: `${B}-G01`, category: "LL" })).id);
    expect(inB).toMatchObject({ leadUnitId: studio, coUnitIds: [await unitId(h.t, `CC-${B}`)] });
    expect(inB.reasons.some((r) => r.startsWith("地点：") && r.includes("团圈社区范围内"))).toBe(true);
    const inA = await decide((await routingCase(h, { region: `${A}-G01`, category: "LL" })).id);
    expect(inA.leadUnitId).toBe(await unitId(h.t, `CC-${A}`));
  });
});
