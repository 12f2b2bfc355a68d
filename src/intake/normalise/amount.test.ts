import { describe, expect, it } from "vitest";
import { chineseNumeral, extractAmount, extractPeopleCount, parseAmount } from "./amount.js";

describe("parseAmount", () => {
  it.each([
    [11000, 11000], ["11000", 11000], ["1.1万", 11000], ["11,000元", 11000], ["1.1万元", 11000], ["三万元", 30000],
    ["三万", 30000], ["￥11,000.50", 11000.5], ["约5000元", 5000], ["１１０００", 11000], [" 8.9万 ", 89000], [0, 0],
  ])("reads %j as %d", (input, value) => {
    expect(parseAmount(input)).toBe(value);
  });
  it.each([null, undefined, "", "  ", "不详", Number.NaN, -5])("gives null for %j", (input) => {
    expect(parseAmount(input)).toBeNull();
  });
});

describe("extractAmount", () => {
  it.each([
    ["被拖欠工资2.9万元，多次讨要未果", 29000],
    ["借款6100块至今未还", 6100],
    ["工程款13万元，另有押金700元", 130000],
    ["赔偿700元", 700],
    ["要求退还1.2万", 12000],
    ["借给对方三万元", 30000],
    ["装修款8.9万元未结", 89000],
    ["欠款两万五千元", 25000],
    ["10多万元货款", 100000],
    ["一万多元", 10000],
    ["押金1,500元", 1500],
    ["人民币5000", 5000],
    ["损失约１２０００元", 12000],
  ])("finds the money in %j", (text, value) => {
    expect(extractAmount(text)).toBe(value);
  });

  it.each([
    "2025年3月5日14时，古塘街道某小区3幢2单元501室漏水",
    "太屺村5组村民反映，10多人聚集",
    "联系电话13957412345，住3幢",
    "打碎两块玻璃，占了三块地",
    "该小区有1.2万人", // 万 counting people, not money
    "",
  ])("finds no money in %j", (text) => {
    expect(extractAmount(text)).toBeNull();
  });

  it("takes the largest figure", () => {
    expect(extractAmount("先付了3000元，还欠2.5万元，另有利息800元")).toBe(25000);
  });
});

describe("extractPeopleCount", () => {
  it.each([
    ["十几人聚集在厂门口", 10],
    ["10多名工人讨薪", 10],
    ["20余人到街道上访", 20],
    ["三十多户居民联名反映", 30],
    ["几十位村民", 20],
    ["两人发生口角", 2],
    ["3名代表和20余名工人", 20],
  ])("reads %j", (text, n) => {
    expect(extractPeopleCount(text)).toBe(n);
  });
  it.each(["楼上漏水，要求赔偿人民币5000元", "3幢501室", "", "住户反映噪音"])("finds no count in %j", (text) => {
    expect(extractPeopleCount(text)).toBeNull();
  });
});

describe("chineseNumeral", () => {
  it.each([["十五", 15], ["三十", 30], ["一千二百", 1200], ["两万五千", 25000], ["一亿二千万", 120_000_000], ["十万", 100_000]])(
    "reads %s",
    (s, n) => expect(chineseNumeral(s)).toBe(n),
  );
});
