// Where a record's matter is: the address field read by what the channel says it is, and the places the story names.
// Against the shipped registry of 古塘街道, with sentences of our own (not the sample's).
import { describe, expect, it } from "vitest";
import { createAddressResolver, resolverInputFromRegistry } from "../regions/address/resolver.js";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../regions/import-registry.js";
import { FORMATS } from "./formats/index.js";
import { choosePlace, standardise } from "./standardise.js";

const resolver = createAddressResolver(resolverInputFromRegistry(loadRegistryFile(SHIPPED_REGISTRY_PATH)));
const texts: string[] = [];
const resolve = (t: string) => (texts.push(t), resolver.resolve(t));

const HOME = "浙江省宁波市慈溪市古塘街道舒苑新村14幢2单元301室"; // 330282006010-G01-W07
const FACTORY = "330282006204-G09-W02"; // 慈溪市潮塘化纤厂
const SHOP = "330282006201-G03-W03"; // 太屺小超市

describe("the channels' address fields", () => {
  it("say where the matter is, where a party lives, or nothing, as each channel documents", () => {
    const means = Object.fromEntries(Object.values(FORMATS).map((f) => [f.code, f.addressMeans]));
    expect(means).toEqual({
      "110": "matter", "12345": "matter", "81890": "party", zlf: "matter", odr: "party", ldbz: "matter", xf: "party", rmtj: "none",
      grid: "matter", portal: "matter", window: "matter",
    });
  });
});

describe("choosePlace: a party's address", () => {
  it("gives way to the place the story names for the matter", () => {
    const p = choosePlace("party", HOME, "去年我进了潮塘化纤厂当搬运工，老板到现在还欠着三个月的工钱。", resolve);
    expect(p).toMatchObject({ code: FACTORY, source: "story", normalised: expect.stringContaining("舒苑新村") });
    expect(p.evidence[0]).toBe("叙述中的地点");
  });

  it("stays the best guess when the story names no place, marked as a party's address and less sure", () => {
    const p = choosePlace("party", HOME, "对方借了我两万块钱，说好年底还，现在电话也不接。", resolve);
    expect(p).toMatchObject({ code: "330282006010-G01-W07", source: "party_address", confidence: 0.7 });
    expect(p.evidence[0]).toBe("当事人地址");
  });

  it("is not displaced by where the story says someone lives, nor by a public body complained about", () => {
    expect(choosePlace("party", HOME, "我家住在锦绣华庭5幢，对方一直不还钱。", resolve)).toMatchObject({ code: "330282006010-G01-W07", source: "party_address" });
    expect(choosePlace("party", HOME, "慈溪市古塘街道石桥头村村民委员会一直不给我家审批宅基地。", resolve)).toMatchObject({ source: "party_address" });
  });

  it("prefers the workplace to the home when the story names both", () => {
    const p = choosePlace("party", null, "我在潮塘化纤厂上班，厂里拖欠我三个月工资，我住锦绣华庭5幢。", resolve);
    expect(p).toMatchObject({ code: FACTORY, source: "story" });
  });

  it("reads on past an area word that opens a story (我在慈溪市…)", () => {
    expect(choosePlace("party", HOME, "我在慈溪市潮塘化纤厂做了半年，工资一直没发。", resolve)).toMatchObject({ code: FACTORY, source: "story" });
  });
});

describe("choosePlace: the matter's own address", () => {
  it("does not read the story when the field names a micro-grid", () => {
    texts.length = 0;
    const p = choosePlace("matter", "古塘街道锦绣华庭5幢", "在太屺超市买的牛奶过期了。", resolve);
    expect(p).toMatchObject({ code: "330282006002-G05-W05", source: "address" });
    expect(p.evidence[0]).toBe("地址字段");
    expect(texts).toEqual(["古塘街道锦绣华庭5幢"]);
  });

  it("is narrowed by the story to a place inside it", () => {
    const p = choosePlace("matter", "宁波市慈溪市古塘街道", "上个月在太屺超市买的牛奶过期了，店家不肯退。", resolve);
    expect(p).toMatchObject({ code: SHOP, source: "story", level: "micro_grid" });
    expect(choosePlace("matter", "古塘街道太屺村委会", "上个月在太屺超市买的牛奶过期了。", resolve)).toMatchObject({ code: SHOP, source: "story" });
  });

  it("keeps its own node when the story's place lies elsewhere", () => {
    const p = choosePlace("matter", "古塘街道金桥社区", "上个月在太屺超市买的牛奶过期了。", resolve);
    expect(p).toMatchObject({ code: "330282006011", source: "address" });
  });

  it("takes where the teller lives inside its area when the story names nothing else", () => {
    const p = choosePlace("matter", "慈溪市古塘街道", "本人姓王，家住舒苑新村14幢，楼上天天半夜拖椅子。", resolve);
    expect(p).toMatchObject({ code: "330282006010-G01-W07", source: "story_home", confidence: 0.6 });
    expect(p.evidence[0]).toBe("叙述中的住址");
  });

  it("places a quarrel with a village committee in that village, not at its office", () => {
    const p = choosePlace("matter", "慈溪市古塘街道", "慈溪市古塘街道石桥头村村民委员会把我家的低保取消了。", resolve);
    expect(p).toMatchObject({ code: "330282006202", level: "community", source: "story" });
  });

  it("stays outside the street when the field says so", () => {
    const p = choosePlace("matter", "宁波市鄞州区中山路1号", "在太屺超市门口吵架。", resolve);
    expect(p).toMatchObject({ code: null, status: "unresolved" });
  });
});

describe("standardise", () => {
  const now = new Date("2025-06-01T00:00:00Z");
  it("keeps the address as given beside the place it chose", () => {
    const draft = { externalId: "A1", reportedAt: "2025-05-01 10:00:00", people: [], addressText: HOME, narrative: "我在潮塘化纤厂上班，厂里拖欠工资。", categoryWords: [], amount: null, peopleCount: null, extra: {} };
    const r = standardise("odr", draft, { resolveAddress: resolve, now });
    expect(r.ok && r.record).toMatchObject({ addressText: HOME, place: { code: FACTORY, source: "story" } });
  });

  it("reads the story of a channel without an address field", () => {
    const draft = { externalId: "T1", reportedAt: "2025-05-01", people: [], addressText: null, narrative: "申请人与被申请人系邻居，被申请人家住锦绣华庭5幢，空调外机噪音扰民。", categoryWords: [], amount: null, peopleCount: null, extra: {} };
    const r = standardise("rmtj", draft, { resolveAddress: resolve, now });
    expect(r.ok && r.record.place).toMatchObject({ code: "330282006002-G05-W05", source: "story_home" });
    const none = standardise("rmtj", { ...draft, narrative: "双方因借款发生纠纷。" }, { resolveAddress: resolve, now });
    expect(none.ok && none.record).toMatchObject({ place: { code: null, source: "none" }, flags: ["address_unresolved"] });
  });
});
