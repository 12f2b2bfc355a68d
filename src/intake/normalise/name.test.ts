import { describe, expect, it } from "vitest";
import { normaliseName } from "./name.js";

describe("normaliseName", () => {
  it("keeps a plain name and reads its surname", () => {
    expect(normaliseName("王晓明")).toEqual({ name: "王晓明", titleOnly: false, surname: "王", isOrganisation: false, given: "王晓明" });
    expect(normaliseName("欧阳小红").surname).toBe("欧阳");
  });

  it.each([
    ["王 晓 明", "王晓明"],
    ["王　晓明", "王晓明"],
    [" 王晓明 ", "王晓明"],
    ["陳國華", "陈国华"],
    ["陳 國 華", "陈国华"],
    ["王晓明\u200b", "王晓明"],
  ])("normalises %j to %j", (input, name) => {
    expect(normaliseName(input)).toMatchObject({ name, titleOnly: false, given: input });
  });

  it.each([
    ["王先生", "王"], ["李女士", "李"], ["张阿姨", "张"], ["陈师傅", "陈"], ["刘老板", "刘"], ["赵大爷", "赵"],
    ["孙某", "孙"], ["周某某", "周"], ["老王", "王"], ["小李", "李"], ["欧阳先生", "欧阳"], ["钱老板娘", "钱"],
    ["吴工", "吴"], ["陳先生", "陈"], ["王 先生", "王"], ["王先生（业主）", "王"],
  ])("reads %j as a title form of %s", (input, surname) => {
    expect(normaliseName(input)).toMatchObject({ titleOnly: true, surname, isOrganisation: false });
  });

  it.each(["师傅", "老先生", "阿姨", "老奶奶", "大哥"])("reads the bare title %j as a title form with no surname", (input) => {
    expect(normaliseName(input)).toMatchObject({ name: input, titleOnly: true, surname: null });
  });

  it("keeps a given name that looks like 小 + character (小明) as a name", () => {
    expect(normaliseName("小明")).toMatchObject({ titleOnly: false });
  });

  it.each([
    "慈溪市某某电器有限公司", "古塘街道某某农机专业合作社", "金桥社区居民委员会", "宁波某某商行", "某某五金店", "慈溪某某塑料厂",
    "慈溪市某某医院", "某某超市", "慈溪市某某物业服务有限公司",
  ])("flags the organisation %j", (input) => {
    expect(normaliseName(input)).toMatchObject({ name: input, isOrganisation: true, titleOnly: false, surname: null });
  });

  it("does not take a person for an organisation", () => {
    expect(normaliseName("王德行").isOrganisation).toBe(false);
  });

  it.each(["匿名", "无", "不详", "", "  ", null, undefined, "NULL", "匿名用户"])("treats %j as anonymous", (input) => {
    expect(normaliseName(input)).toMatchObject({ name: null, titleOnly: false, surname: null, given: input ?? "" });
  });

  it("leaves a Latin name with its single spaces", () => {
    expect(normaliseName("  John   Smith ").name).toBe("John Smith");
  });
});
