import { describe, expect, it } from "vitest";
import { ConverterBuilder } from "opencc-js/core";
import * as t2cnPreset from "opencc-js/preset/t2cn";
import { cleanText, containsMarkup, matchKey, toHalfWidth, toSimplified } from "./text.js";

describe("toHalfWidth", () => {
  it("folds full-width letters, digits, signs and the ideographic space", () => {
    expect(toHalfWidth("ＡＢＣ１２３　ａｂｃ＃＠－")).toBe("ABC123 abc#@-");
  });
  it("keeps Chinese punctuation in narratives", () => {
    expect(toHalfWidth("楼上漏水，多次协商：无果；“怎么办”？（已报警）。、！")).toBe("楼上漏水，多次协商：无果；“怎么办”？（已报警）。、！");
  });
  it("folds that punctuation too when asked for all", () => {
    expect(toHalfWidth("（慈溪）有限公司，！", { all: true })).toBe("(慈溪)有限公司,!");
  });
  it("returns the very string when there is nothing to fold", () => {
    const s = "王小明 13957412345";
    expect(toHalfWidth(s)).toBe(s);
  });
});

describe("toSimplified", () => {
  const convert = ConverterBuilder(t2cnPreset)({ from: "t", to: "cn" });

  it("converts Traditional text", () => {
    expect(toSimplified("鄰居裝修噪音擾民，樓上漏水")).toBe("邻居装修噪音扰民，楼上漏水");
    expect(toSimplified("陳國華")).toBe("陈国华");
    expect(toSimplified("裡面")).toBe("里面"); // a Taiwan variant
    expect(toSimplified("請回覆")).toBe("请回复"); // a phrase rewrite beside a Traditional character
  });

  it("leaves Simplified text alone, including words the phrase table would corrupt", () => {
    for (const s of ["显著", "著名", "乾隆", "邻居打坏了窗户", "沈国华", "怎么办", "王小明", "", "abc 123"]) expect(toSimplified(s)).toBe(s);
    expect(convert("邻居打坏了窗户")).toBe("邻居打坯了窗户"); // what the fast path saves us from
  });

  it("gives what the converter gives on Traditional text, converting it piece by piece", () => {
    const samples = ["樓上衛生間漏水，雙方發生爭執。", "鄰居違章搭建（已報警）", "聯繫電話13957412345，地址：古塘街道", "請回覆 謝謝\n裝修款未結清"];
    for (const s of samples) expect(toSimplified(s)).toBe(convert(s));
  });

  it("converts only the pieces that hold a Traditional character", () => {
    expect(toSimplified("邻居打坏了窗户，樓上漏水")).toBe("邻居打坏了窗户，楼上漏水");
  });
});

describe("cleanText", () => {
  it("trims and collapses runs of spaces and tabs", () => {
    expect(cleanText("  楼上   漏水\t\t已报警  ")).toBe("楼上 漏水 已报警");
  });
  it("keeps one line break where a run of whitespace holds one", () => {
    expect(cleanText("第一行  \r\n\r\n  第二行\n")).toBe("第一行\n第二行");
  });
  it("removes zero-width and control characters", () => {
    expect(cleanText("王\u200b小明\u0007\ufeff")).toBe("王小明");
    expect(cleanText("\u00a0楼上\u3000漏水\u00a0")).toBe("楼上 漏水");
  });
  it("composes to NFC", () => {
    expect(cleanText("Cafe\u0301")).toBe("Caf\u00e9");
  });
  it("returns clean text unchanged", () => {
    expect(cleanText("楼上漏水，已报警。")).toBe("楼上漏水，已报警。");
  });
});

describe("matchKey", () => {
  it("makes the same key of width, script, case and spacing variants", () => {
    const key = matchKey("古塘街道某小区3幢2单元");
    expect(matchKey(" 古塘街道某小區３幢　2單元 ")).toBe(key);
    expect(matchKey("古塘街道某小区 3幢 2单元")).toBe(key);
    expect(matchKey("ＡＢＣ Trading（慈溪）")).toBe("abc trading(慈溪)");
    expect(matchKey("楼上漏水，协商无果！")).toBe("楼上漏水，协商无果！"); // sentence marks stay as toHalfWidth keeps them
  });
});

describe("containsMarkup", () => {
  it.each([
    "<script>alert(1)</script>",
    "楼上漏水<img src=x onerror=alert(1)>",
    "<b>加粗</b>",
    "点击 javascript:alert(1)",
    "王小明'; DROP TABLE cases; --",
    "1 UNION SELECT password FROM accounts",
    "admin' OR 1=1",
    "x' or 'a'='a",
  ])("flags %j", (s) => {
    expect(containsMarkup(s)).toBe(true);
  });
  it.each([
    "楼上漏水，多次协商无果，要求社区协调。",
    "欠薪1.2万元，时间2025-03-05 14:05",
    "面积<100平方米，租金>2000元",
    "a=b的说法不对",
    "邮箱 wang@example.com",
    "＜ｓｃｒｉｐｔ＞", // full-width look-alikes are inert
    "协商无果；要求赔偿",
  ])("does not flag %j", (s) => {
    expect(containsMarkup(s)).toBe(false);
  });
});
