import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedRegistry } from "../../test/regions-fixture.js";
import { createAccount, unitId, type TestApp } from "../../test/app.js";
import { MEDIATION_STUDIOS } from "../../units/gutang-units.js";
import { MEDIATOR_KINDS } from "../kinds.js";
import { mediators } from "../schema.js";
import { generateMediators, GUTANG_FORCE, seedMediators } from "./seed-mediators.js";
import { asSystem, createMediatorTestApp } from "./test-support.js";

const asOf = new Date("2026-03-06T00:00:00Z");
const communities = shippedRegistry().communities.map((c) => ({ code: c.code, kind: c.kind ?? null }));

describe("generateMediators", () => {
  const force = generateMediators(GUTANG_FORCE.size, GUTANG_FORCE.seed, { communities, asOf });

  it("is deterministic: the same seed gives the same force, another seed another", () => {
    expect(generateMediators(GUTANG_FORCE.size, GUTANG_FORCE.seed, { communities, asOf })).toEqual(force);
    expect(generateMediators(GUTANG_FORCE.size, 7, { communities, asOf }).map((m) => m.name)).not.toEqual(force.map((m) => m.name));
  });

  it("makes ~150 of all eight kinds in sensible proportions", () => {
    expect(force).toHaveLength(150);
    const count = (k: string) => force.filter((m) => m.kind === k).length;
    for (const k of MEDIATOR_KINDS) expect(count(k)).toBeGreaterThan(0);
    expect(count("judicial")).toBe(12);
    expect(count("professional")).toBe(12);
    expect(count("legal_aid")).toBe(10);
    expect(count("police")).toBe(10);
    expect(count("grid_worker")).toBe(communities.length * 2);
    expect(count("notable")).toBe(20);
    expect(count("volunteer")).toBe(30);
    // Every community has 1–2 cadres and 2 grid workers of its own, working at its centre.
    for (const c of communities) {
      const local = force.filter((m) => m.homeCommunityCode === c.code);
      expect(local.filter((m) => m.kind === "cadre").length).toBeGreaterThanOrEqual(1);
      expect(local.filter((m) => m.kind === "cadre").length).toBeLessThanOrEqual(2);
      expect(local.filter((m) => m.kind === "grid_worker")).toHaveLength(2);
      for (const m of local.filter((x) => x.kind === "cadre" || x.kind === "grid_worker")) expect(m.unitCode).toBe(`CC-${c.code}`);
    }
    expect(new Set(force.map((m) => m.name)).size).toBe(150);
  });

  it("fills the five studios as the practice names them", () => {
    const studio = (code: string) => force.filter((m) => m.studioCode === code);
    for (const s of MEDIATION_STUDIOS) expect(studio(s.code).length).toBeGreaterThanOrEqual(5);
    const huang = force.find((m) => m.name === "黄新华")!;
    expect(huang).toMatchObject({ studioCode: "MS-HXH", grade: "gold", accountUsername: "tiaojie" });
    for (const m of studio("MS-LBSST")) expect(asOf.getUTCFullYear() - m.birthYear).toBeGreaterThanOrEqual(60);
    for (const m of studio("MS-YFTJD")) expect(asOf.getUTCFullYear() - m.birthYear).toBeGreaterThanOrEqual(60);
    for (const m of studio("MS-YHYG")) {
      expect(m.fields).toEqual(expect.arrayContaining(["HT", "SC"]));
      expect(m.employerCreditCode).toMatch(/^[0-9A-Z]{18}$/);
    }
    for (const m of studio("MS-XYTJS")) expect(m.dialects.length).toBeGreaterThanOrEqual(4);
  });

  it("gives each kind its unit and fitting fields", () => {
    for (const m of force.filter((x) => x.kind === "police")) expect(m.unitCode).toBe("GT-PCS");
    for (const m of force.filter((x) => x.kind === "judicial")) expect(m.unitCode).toBe("GT-SFS");
    for (const m of force.filter((x) => ["legal_aid", "notable", "professional", "volunteer"].includes(x.kind))) expect(m.unitCode).toBeNull();
    for (const m of force.filter((x) => x.kind === "legal_aid")) expect(m.fields.every((f) => ["HT", "LD", "HY", "SH", "JT", "YL", "SC"].includes(f))).toBe(true);
    expect(force.some((m) => m.leaveFrom)).toBe(true);
  });

  it("scales to the benchmark's 10,000 with the same generator", () => {
    const big = generateMediators(10_000, 1, { communities, asOf });
    expect(big).toHaveLength(10_000);
    expect(big.filter((m) => m.name === "黄新华")).toHaveLength(1);
    for (const k of MEDIATOR_KINDS) expect(big.filter((m) => m.kind === k).length).toBeGreaterThan(300);
  });
});

describe("seedMediators", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createMediatorTestApp();
  });
  afterAll(() => h.close());

  it("seeds the street's force once, resolves units and studios, and links the demo mediator's account", async () => {
    expect(await asSystem(h.t, (ctx) => seedMediators(ctx), asOf)).toBe(150);
    const account = await createAccount(h.t, "mediator", "330282006", "MS-HXH", "tiaojie");
    // Second run: nothing inserted, but the account that now exists is linked.
    expect(await asSystem(h.t, (ctx) => seedMediators(ctx), asOf)).toBe(0);
    const [{ n }] = await h.t.db.select({ n: sql<number>`count(*)::int` }).from(mediators);
    expect(n).toBe(150);

    const [huang] = await h.t.db.select().from(mediators).where(eq(mediators.name, "黄新华"));
    expect(huang).toMatchObject({ accountId: account.id, grade: "gold", studioUnitId: await unitId(h.t, "MS-HXH") });
    const rows = await h.t.db.select().from(mediators);
    for (const s of MEDIATION_STUDIOS) {
      const id = await unitId(h.t, s.code);
      expect(rows.filter((m) => m.studioUnitId === id).length).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(rows.map((m) => m.kind)).size).toBe(8);
    expect(rows.every((m) => m.homeRegionNodeId != null)).toBe(true);
    const police = await unitId(h.t, "GT-PCS");
    expect(rows.filter((m) => m.kind === "police").every((m) => m.unitId === police)).toBe(true);
  });
});
