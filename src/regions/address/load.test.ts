import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../../test/db.js";
import { seedRegionTree, shippedRegistry } from "../../test/regions-fixture.js";
import { regionNodes } from "../schema.js";
import { PlaceSchema } from "./address-index.js";
import type { LearnedAlias } from "./address-index.js";
import { loadResolverInput } from "./load.js";
import { createAddressResolver, resolverInputFromRegistry } from "./resolver.js";

describe("the resolver built from the database (loadResolverInput)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedRegionTree(t);
  });
  afterAll(() => t.close());

  const loadAddressResolver = async (db: TestDatabase["db"], opts: { aliases?: LearnedAlias[] } = {}) => createAddressResolver(await loadResolverInput(db, opts.aliases));
  const registry = shippedRegistry();
  const compound = registry.places.map((p) => PlaceSchema.parse(p)).find((p) => p.kind === "compound" && (p.buildings?.length ?? 0) >= 3)!;
  const building3 = compound.buildings!.find((b) => b.no === 3)!.microGrid;

  it("resolves from the imported tree as from the registry file", async () => {
    const fromDb = await loadAddressResolver(t.db);
    const fromFile = createAddressResolver(resolverInputFromRegistry(registry));
    const texts = [
      `${compound.name}3幢`,
      compound.name,
      ...registry.places.slice(0, 60).map((p) => `慈溪市古塘街道${p.name}`),
      ...registry.roads.map((r) => `${r.name}${(r.ranges[0] as { from: number }).from}号`),
      ...registry.communities.map((c) => c.name),
      "浙江省宁波市慈溪市古塘街道",
    ];
    for (const text of texts) expect(fromDb.resolve(text), text).toEqual(fromFile.resolve(text));
    expect(fromDb.resolve(`${compound.name}3幢`).code).toBe(building3);
  });

  it("takes learned aliases", async () => {
    const resolver = await loadAddressResolver(t.db, { aliases: [{ alias: "大樟树底下", code: building3 }] });
    expect(resolver.resolve("大樟树底下")).toMatchObject({ code: building3, level: "micro_grid", status: "resolved" });
  });

  it("never resolves to a retired node: the building's micro-grid gone, the compound's grid remains", async () => {
    await t.db.update(regionNodes).set({ retiredAt: sql`now()` }).where(eq(regionNodes.code, building3));
    const resolver = await loadAddressResolver(t.db);
    expect(resolver.resolve(`${compound.name}3幢`)).toMatchObject({ code: compound.grid, level: "grid", status: "partial" });
  });
});
