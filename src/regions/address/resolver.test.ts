// Addresses built from the shipped registry itself (its first compound, village group, road …), so that
// the tests follow the registry's rules rather than any particular sample text.
import { Converter } from "opencc-js";
import { describe, expect, it } from "vitest";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../import-registry.js";
import { compoundShortForm, PlaceSchema, RoadSchema, type Place } from "./address-index.js";
import { createAddressResolver, resolverInputFromRegistry, type AddressResolution } from "./resolver.js";

const registry = loadRegistryFile(SHIPPED_REGISTRY_PATH);
const places = registry.places.map((p) => PlaceSchema.parse(p));
const roads = registry.roads.map((r) => RoadSchema.parse(r));
const resolver = createAddressResolver(resolverInputFromRegistry(registry));
const resolve = (text: string) => resolver.resolve(text);
const first = (kind: string, test: (p: Place) => boolean = () => true) => places.find((p) => p.kind === kind && test(p))!;

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const chinese = (n: number): string =>
  n >= 100 ? `${CN[Math.floor(n / 100)]}百${n % 100 === 0 ? "" : n % 100 < 10 ? `零${CN[n % 10]}` : chinese(n % 100)}` : n < 10 ? CN[n] : `${n >= 20 ? CN[Math.floor(n / 10)] : ""}十${CN[n % 10]}`;

const compound = first("compound", (p) => (p.buildings?.length ?? 0) >= 3);
const building3 = compound.buildings!.find((b) => b.no === 3)!.microGrid;
const group = first("village-group", (p) => (p.houseNumbers?.length ?? 0) >= 2 && (p.groupNo ?? 0) >= 2);
const secondRange = group.houseNumbers![1];
const houseNo = secondRange.from + 1;
const streetRange = roads.flatMap((r) => r.ranges.map((x) => ({ road: r.name, ...x }))).find((x) => x.microGrid && x.to - x.from > 4)!;
const gate = roads.flatMap((r) => r.ranges.map((x) => ({ road: r.name, ...x }))).find((x) => x.gateOf)!;
const gateCompound = places.find((p) => p.id === gate.gateOf)!;

const expectAt = (res: AddressResolution, code: string, level: AddressResolution["level"], status: AddressResolution["status"]) =>
  expect({ code: res.code, level: res.level, status: res.status }).toEqual({ code, level, status });

describe("createAddressResolver: compounds and buildings", () => {
  it.each(["3幢", "3号楼", "3栋", "三幢", "3-2-301", "3幢2单元501室"])("a compound with building %s is that building's micro-grid", (b) => {
    const res = resolve(`${compound.name}${b}`);
    expectAt(res, building3, "micro_grid", "resolved");
    expect(res.confidence).toBe(1);
    expect(res.evidence).toEqual([`小区:${compound.name}`, "楼幢:3幢"]);
  });

  it("a compound without a building is the compound's grid", () => {
    const res = resolve(compound.name);
    expectAt(res, compound.grid, "grid", "partial");
    expect(res.confidence).toBeCloseTo(0.7);
  });

  it("a building the registry does not list still gives the compound's grid", () => {
    expectAt(resolve(`${compound.name}99幢`), compound.grid, "grid", "partial");
  });

  it("a compound's alias works like its name", () => {
    const aliased = first("compound", (p) => p.aliases.length > 0 && (p.buildings?.length ?? 0) >= 3);
    const res = resolve(`${aliased.aliases[0]}3号楼`);
    expectAt(res, aliased.buildings!.find((b) => b.no === 3)!.microGrid, "micro_grid", "resolved");
    expect(res.evidence).toContain(`别名:${aliased.aliases[0]}`);
  });
});

describe("createAddressResolver: village groups", () => {
  const village = registry.communities.find((c) => c.code === group.community)!;
  const stem = village.name.replace(/(社区|村委会)$/, "");

  it("a group and a house number is the micro-grid of the range holding the number", () => {
    const res = resolve(`${group.name}${houseNo}号`);
    expectAt(res, secondRange.microGrid, "micro_grid", "resolved");
    expect(res.evidence).toEqual([`村民小组:${group.name}`, `门牌:${houseNo}号`]);
  });

  it.each([
    ["the official name", () => `${village.name}${group.groupNo}组${houseNo}号`],
    ["the short name", () => `${village.shortName}${group.groupNo}组${houseNo}号`],
    ["the stem", () => `${stem}${group.groupNo}组${houseNo}号`],
    ["Chinese numerals", () => `${village.shortName}${chinese(group.groupNo!)}组${houseNo}号`],
  ])("reads the group after the village's %s", (_, text) => {
    expectAt(resolve(text()), secondRange.microGrid, "micro_grid", "resolved");
  });

  it("a group above nine in Chinese numerals (十二组)", () => {
    const big = first("village-group", (p) => (p.groupNo ?? 0) >= 11);
    const v = registry.communities.find((c) => c.code === big.community)!;
    expectAt(resolve(`${v.shortName}${chinese(big.groupNo!)}组`), big.grid, "grid", "partial");
  });

  it("a group without a house number is the group's grid", () => {
    expectAt(resolve(group.name), group.grid, "grid", "partial");
  });
});

describe("createAddressResolver: roads, places, crossings", () => {
  it("a road and a house number is the range holding the number", () => {
    const n = streetRange.from + 2;
    const res = resolve(`${streetRange.road}${n}号`);
    expectAt(res, streetRange.microGrid!, "micro_grid", "resolved");
    expect(res.evidence).toEqual([`门牌:${streetRange.road}${n}号`]);
  });

  it("drops the full prefix, and the short forms of it", () => {
    const n = streetRange.from + 2;
    for (const prefix of ["浙江省宁波市慈溪市古塘街道", "浙江宁波慈溪", "慈溪古塘", "古塘"]) {
      expectAt(resolve(`${prefix}${streetRange.road}${n}号`), streetRange.microGrid!, "micro_grid", "resolved");
    }
  });

  it("a compound's gate number: with a building its micro-grid, without one the compound's grid", () => {
    const withBuilding = gateCompound.buildings![0];
    expectAt(resolve(`${gate.road}${gate.from}号${withBuilding.no}幢`), withBuilding.microGrid, "micro_grid", "resolved");
    const res = resolve(`${gate.road}${gate.from}号`);
    expectAt(res, gateCompound.grid, "grid", "partial");
    expect(res.evidence).toContain(`小区:${gateCompound.name}`);
  });

  it("a shop by its short name", () => {
    const shop = first("shop", (p) => p.aliases.length > 0 && p.microGrid !== null);
    const res = resolve(shop.aliases[0]);
    expectAt(res, shop.microGrid!, "micro_grid", "resolved");
    expect(res.confidence).toBeCloseTo(0.9);
    expect(res.evidence).toEqual([`商铺:${shop.name}`, `别名:${shop.aliases[0]}`]);
  });

  it("a landmark with 对面 is the landmark's micro-grid, a little less sure", () => {
    const landmark = first("landmark", (p) => p.microGrid !== null);
    const res = resolve(`${landmark.name}对面`);
    expectAt(res, landmark.microGrid!, "micro_grid", "resolved");
    expect(res.evidence).toEqual([`地标:${landmark.name}`, "方位:对面"]);
    expect(res.confidence).toBeLessThan(0.9);
  });

  it.each(["斜对面", "东侧", "旁", "前面", "向北走50米", "一带"])("a landmark with %s is near it: its micro-grid, a little less sure", (word) => {
    const landmark = first("landmark", (p) => p.microGrid !== null);
    const res = resolve(`${landmark.name}${word}`);
    expectAt(res, landmark.microGrid!, "micro_grid", "resolved");
    expect(res.evidence).toEqual([`地标:${landmark.name}`, `方位:${word}`]);
    expect(res.confidence).toBeLessThan(0.9);
  });

  it("a landmark with 门前 is at its door, as sure as the landmark", () => {
    const landmark = first("landmark", (p) => p.microGrid !== null);
    expect(resolve(`${landmark.name}门前`)).toMatchObject({ code: landmark.microGrid, confidence: 0.9, evidence: [`地标:${landmark.name}`, "方位:门前"] });
  });

  it("a crossing by its name, and by its two roads in the other order with 往北50米", () => {
    const crossing = first("crossing", (p) => /^(.+?)与(.+?)(交叉口|路口)$/.test(p.name));
    expectAt(resolve(crossing.name), crossing.microGrid!, "micro_grid", "resolved");
    const [, a, b] = /^(.+?)与(.+?)(交叉口|路口)$/.exec(crossing.name)!;
    expectAt(resolve(`${b}与${a}路口往北50米`), crossing.microGrid!, "micro_grid", "resolved");
  });

  it("in A旁边的B the place is B", () => {
    const landmark = first("landmark", (p) => p.microGrid !== null && p.community !== compound.community);
    expectAt(resolve(`${landmark.name}旁边的${compound.name}3幢`), building3, "micro_grid", "resolved");
    expectAt(resolve(`${compound.name}旁边的${landmark.name}`), landmark.microGrid!, "micro_grid", "resolved");
  });
});

describe("createAddressResolver: communities, the street and beyond", () => {
  const shequ = registry.communities.find((c) => c.kind === "社区")!;
  const cun = registry.communities.find((c) => c.kind === "村")!;

  it("only a community name is the community", () => {
    const res = resolve(`宁波市慈溪市古塘街道${shequ.name}`);
    expectAt(res, shequ.code, "community", "partial");
    expect(res.confidence).toBeCloseTo(0.5);
    expectAt(resolve(shequ.name.replace(/社区$/, "")), shequ.code, "community", "partial");
    expectAt(resolve(`慈溪市古塘街道${cun.shortName}`), cun.code, "community", "partial");
  });

  it("a village committee's official name is the village, not the committee's office", () => {
    expectAt(resolve(`宁波市慈溪市古塘街道${cun.name}`), cun.code, "community", "partial");
  });

  it("only the street is the street, unresolved below it", () => {
    const res = resolve("浙江省宁波市慈溪市古塘街道");
    expect(res).toMatchObject({ code: registry.street.code, level: "street", status: "unresolved" });
  });

  it("nothing it knows is unresolved", () => {
    expect(resolve("不知道在哪里")).toMatchObject({ code: null, level: null, status: "unresolved", confidence: 0 });
    expect(resolve("")).toMatchObject({ code: null, status: "unresolved" });
  });

  it.each(["慈溪市宗汉街道", "浙江省杭州市西湖区", "宁波市江北区"])("an address in %s is outside the street", (prefix) => {
    const res = resolve(`${prefix}${streetRange.road}${streetRange.from}号`);
    expect(res).toMatchObject({ code: null, status: "unresolved", evidence: ["街道外地址"] });
  });
});

describe("createAddressResolver: messy text", () => {
  const toTraditional = Converter({ from: "cn", to: "tw" });

  it("Traditional characters and full-width digits resolve like the plain address", () => {
    const text = `浙江省宁波市慈溪市古塘街道${compound.name}3幢2单元501室`;
    const traditional = toTraditional(text);
    expect(traditional).not.toBe(text);
    expectAt(resolve(traditional), building3, "micro_grid", "resolved");
    const fullWidth = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expectAt(resolve(fullWidth), building3, "micro_grid", "resolved");
    expectAt(resolve(toTraditional(`${group.name}${houseNo}号`)), secondRange.microGrid, "micro_grid", "resolved");
    expect(resolve(`${compound.name} 3 幢（2单元）`).code).toBe(building3);
  });

  it("one wrong character in a long name is tolerated, with less confidence", () => {
    // The second character: changing the fourth of 上傅家小区 would leave 上傅家社区 just as near.
    const typo = `${compound.name.slice(0, 1)}某${compound.name.slice(2)}`;
    const res = resolve(`${typo}3幢`);
    expectAt(res, building3, "micro_grid", "resolved");
    expect(res.confidence).toBeLessThan(1);
    expect(res.evidence.some((e) => e.startsWith("近似:"))).toBe(true);
  });

  describe("a road with one wrong character", () => {
    const oneApart = (a: string, b: string) => a.length === b.length && a.at(-1) === b.at(-1) && [...a].filter((ch, i) => ch !== b[i]).length === 1;
    const alone = roads.find((r) => r.ranges.some((x) => x.microGrid) && !roads.some((o) => o !== r && oneApart(`某${r.name.slice(1)}`, o.name)))!;
    const range = alone.ranges.find((x) => x.microGrid)!;

    it("is that road when a house number follows, with less confidence", () => {
      const res = resolve(`某${alone.name.slice(1)}${range.from}号`);
      expectAt(res, range.microGrid!, "micro_grid", "resolved");
      expect(res.confidence).toBeCloseTo(0.8);
      expect(res.evidence).toEqual([`门牌:${alone.name}${range.from}号`, `近似:某${alone.name.slice(1)}→${alone.name}`]);
    });

    it("is not guessed without a house number", () => {
      expect(resolve(`某${alone.name.slice(1)}`).code).toBeNull();
    });

    it("a road written right, with a number it does not have, is not taken for the road one character away", () => {
      // Two roads one character apart, numbered apart: 东岸路 has 1-10, 西岸路 11-20.
      const [m1, m2] = registry.microGrids.filter((m) => m.kind === "street");
      const range = (from: number, to: number, m: typeof m1) => ({ from, to, community: m.community, grid: m.grid, microGrid: m.code });
      const input = { ...resolverInputFromRegistry(registry), roads: [{ name: "东岸路", ranges: [range(1, 10, m1)] }, { name: "西岸路", ranges: [range(11, 20, m2)] }] };
      const twoRoads = createAddressResolver(input);
      expect(twoRoads.resolve("西岸路15号").code).toBe(m2.code);
      expect(twoRoads.resolve("东岸路15号").code).not.toBe(m2.code);
      expect(twoRoads.resolve("北岸路15号").code).toBeNull(); // both are one character away: no guess
    });
  });

  it("one missing character in a long name is tolerated", () => {
    const shop = first("shop", (p) => p.name.length >= 6 && !p.name.startsWith("慈溪") && p.microGrid !== null);
    const res = resolve(shop.name.slice(0, 3) + shop.name.slice(4));
    expectAt(res, shop.microGrid!, "micro_grid", "resolved");
    expect(res.confidence).toBeLessThan(0.9);
  });

  it("a learned alias resolves to its code", () => {
    const target = registry.microGrids.find((m) => m.kind === "street")!;
    const learned = createAddressResolver(resolverInputFromRegistry(registry, [{ alias: "老桥头大樟树", code: target.code }]));
    const res = learned.resolve("古塘老桥头大樟树下");
    expectAt(res, target.code, "micro_grid", "resolved");
    expect(res.evidence[0]).toBe("别名:老桥头大樟树");
  });
});

describe("createAddressResolver: the memo", () => {
  it("answers a repeated address the same, and a caller changing its answer does not change the next one", () => {
    const memoised = createAddressResolver(resolverInputFromRegistry(registry), { memoSize: 10 });
    const first = memoised.resolve(`${compound.name}3幢`);
    first.evidence.push("改动");
    first.code = "changed";
    const again = memoised.resolve(`${compound.name}3幢`);
    expectAt(again, building3, "micro_grid", "resolved");
    expect(again.evidence).toEqual([`小区:${compound.name}`, "楼幢:3幢"]);
  });

  it("keys by the normalised text: a prefix or Traditional form reads from the same answer, 古塘 alone stays the street", () => {
    const memoised = createAddressResolver(resolverInputFromRegistry(registry), { memoSize: 10 });
    expect(memoised.resolve(`慈溪市${compound.name}3幢`)).toEqual(resolve(`慈溪市${compound.name}3幢`));
    expect(memoised.resolve(`${compound.name}3幢`)).toEqual(resolve(`${compound.name}3幢`));
    expect(memoised.resolve("不知道在哪里").code).toBeNull();
    expect(memoised.resolve("古塘街道不知道在哪里")).toMatchObject({ code: registry.street.code, level: "street" });
  });

  it("with and without the memo, every kind of address resolves alike", () => {
    const bare = createAddressResolver(resolverInputFromRegistry(registry), { memoSize: 0 });
    const memoised = createAddressResolver(resolverInputFromRegistry(registry), { memoSize: 3 });
    const texts = [`${compound.name}3幢`, `${group.name}${houseNo}号`, `${streetRange.road}${streetRange.from}号`, gateCompound.name, "古塘", "不知道在哪里"];
    for (const round of [1, 2]) for (const t of texts) expect(memoised.resolve(t), `${t} (round ${round})`).toEqual(bare.resolve(t));
  });
});

describe("createAddressResolver: other ways of writing groups, numbers and compounds", () => {
  const village = registry.communities.find((c) => c.code === group.community)!;
  const stem = village.name.replace(/(社区|村委会)$/, "");
  const n = group.groupNo!;

  it.each([
    ["第N组", () => `${village.shortName}第${n}组${houseNo}号`],
    ["N小组", () => `${village.shortName}${n}小组${houseNo}号`],
    ["第N村民小组 in Chinese numerals", () => `${village.shortName}第${chinese(n)}村民小组${houseNo}号`],
    ["N队", () => `${village.shortName}${n}队${houseNo}号`],
    ["the stem with 村", () => `${stem}村${n}组${houseNo}号`],
    ["the stem with 社区", () => `${stem}社区${n}组${houseNo}号`],
    ["a natural village between village and group", () => `${village.shortName}下王自然村${n}组${houseNo}号`],
    ["第H号", () => `${village.shortName}${n}组第${houseNo}号`],
    ["a house number in Chinese numerals", () => `${village.shortName}${n}组${chinese(houseNo)}号`],
  ])("a village group written %s", (_, text) => {
    const res = resolve(text());
    expectAt(res, secondRange.microGrid, "micro_grid", "resolved");
    expect(res.evidence).toContain(`门牌:${houseNo}号`);
  });

  it("a Chinese numeral not followed by 号 is not a house number", () => {
    expectAt(resolve(`${group.name}${chinese(houseNo)}`), group.grid, "grid", "partial");
  });

  it.each([
    ["in Chinese numerals", (road: string, no: number) => `${road}${chinese(no)}号`],
    ["with 第", (road: string, no: number) => `${road}第${no}号`],
    ["with #", (road: string, no: number) => `${road}${no}#`],
    ["after the road's 东段", (road: string, no: number) => `${road}东段${no}号`],
  ])("a road's house number %s", (_, text) => {
    const no = streetRange.from + 2;
    const res = resolve(text(streetRange.road, no));
    expectAt(res, streetRange.microGrid!, "micro_grid", "resolved");
    expect(res.evidence).toEqual([`门牌:${streetRange.road}${no}号`]);
  });

  it("a compound written with a redundant 小区 before the building", () => {
    expect(compound.name.endsWith("小区")).toBe(true);
    const other = first("compound", (p) => !p.name.endsWith("小区") && (p.buildings?.length ?? 0) >= 3);
    expectAt(resolve(`${other.name}小区3幢`), other.buildings!.find((b) => b.no === 3)!.microGrid, "micro_grid", "resolved");
  });

  it("a compound by its stem and 小区 (X新村 → X小区), unless two compounds share the stem", () => {
    const shortForms = new Map<string, Place[]>();
    for (const p of places.filter((x) => x.kind === "compound")) {
      const short = compoundShortForm(p.name);
      if (short) shortForms.set(short, [...(shortForms.get(short) ?? []), p]);
    }
    const named = new Set(places.flatMap((p) => [p.name, ...p.aliases]));
    const [unique, [p]] = [...shortForms].find(([k, ps]) => ps.length === 1 && !named.has(k) && (ps[0].buildings?.length ?? 0) > 0)!;
    const b = p.buildings![0];
    expectAt(resolve(`${unique}${b.no}幢`), b.microGrid, "micro_grid", "resolved");
    const shared = [...shortForms].find(([k, ps]) => ps.length > 1 && !named.has(k));
    if (shared) expect(resolve(shared[0]).evidence.some((e) => e.startsWith("小区:"))).toBe(false);
  });

  it("a crossing written with a slash between its roads", () => {
    const crossing = first("crossing", (p) => /^(.+?)与(.+?)(交叉口|路口)$/.test(p.name));
    const [, a, b] = /^(.+?)与(.+?)(交叉口|路口)$/.exec(crossing.name)!;
    expectAt(resolve(`${a}/${b}路口`), crossing.microGrid!, "micro_grid", "resolved");
  });

  it("a grid named by number after a community is not overridden by a near-miss of a group's name", () => {
    // 团圈社区1网格 is one character from the group alias 团圈社区1组: the grid as written wins.
    const alias = places.flatMap((p) => (p.kind === "village-group" ? p.aliases.map((a) => ({ a, p })) : [])).find(({ a, p }) => {
      const c = registry.communities.find((x) => x.code === p.community)!;
      return a === `${c.name}${p.groupNo}组` && registry.grids.some((g) => g.code === `${c.code}-G0${p.groupNo}` && g.code !== p.grid);
    })!;
    const c = registry.communities.find((x) => x.code === alias.p.community)!;
    const res = resolve(`${c.name}${alias.p.groupNo}网格`);
    expectAt(res, `${c.code}-G0${alias.p.groupNo}`, "grid", "partial");
    expect(res.evidence.some((e) => e.startsWith("近似:"))).toBe(false);
  });
});

