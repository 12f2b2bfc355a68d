import { describe, expect, it } from "vitest";
import { segment, textFeatures } from "./tokenise.js";

describe("segment", () => {
  it("keeps the street's place names whole and marks them", () => {
    const tokens = segment("上傅家小区3幢楼上邻居天天半夜拖椅子");
    expect(tokens).toContainEqual({ word: "上傅家小区", place: "compound" });
    expect(tokens.find((t) => t.word === "邻居")).toEqual({ word: "邻居" });
  });

  it("knows roads, crossings and aliases", () => {
    expect(segment("开发大道与新城大道北路交叉口两车相撞")[0]).toEqual({ word: "开发大道与新城大道北路交叉口", place: "crossing" });
    expect(segment("在上傅五金上班被拖欠工资").some((t) => t.word === "上傅五金" && t.place === "factory")).toBe(true);
  });

  it("reads Traditional and full-width text as Simplified", () => {
    expect(segment("鄰居裝修噪音擾民").map((t) => t.word)).toEqual(segment("邻居装修噪音扰民").map((t) => t.word));
    expect(segment("ＫＴＶ唱歌").map((t) => t.word)).toContain("ktv");
  });
});

describe("textFeatures", () => {
  it("drops place names, with no word or bigram of them left", () => {
    const features = textFeatures("上傅家小区楼上漏水");
    expect(features).toContain("w:漏水");
    expect(features.some((f) => f.includes("上傅") || f.includes("小区"))).toBe(false);
  });

  it("gives the same features wherever the dispute is", () => {
    expect(textFeatures("阳光花苑楼上漏水").sort()).toEqual(textFeatures("上傅家小区楼上漏水").sort());
  });

  it("has words and character bigrams, without digits, punctuation, function words or anonymised names", () => {
    const features = textFeatures("张某向我借款5万元，至今未还。");
    expect(features).toEqual(expect.arrayContaining(["w:借款", "b:借款", "w:万元", "w:至今"]));
    expect(features.some((f) => /[0-9，。]/.test(f))).toBe(false);
    expect(features).not.toContain("w:我");
    expect(features).not.toContain("w:张某");
  });
});
