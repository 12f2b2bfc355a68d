// Signals are read from the language, not from any one phrasing: each case below says the same thing in
// different words, and the look-alikes that are not signals stay quiet.
import { describe, expect, it } from "vitest";
import { elderlyIn, groupSize, moneyIn, parseCount, signalsIn, type Signal } from "./signals.js";

const has = (text: string, s: Signal) => signalsIn(text).has(s);

describe("signalsIn", () => {
  it.each([
    ["threat", "他说要找几个兄弟上门收拾我们一家"],
    ["threat", "男方扬言谁也别想好过，大不了同归于尽"],
    ["threat", "对方恐吓说让我们家以后不得安宁"],
    ["weapon", "邻居抄起一把斧头站在院门口"],
    ["weapon", "对方手里拿着水果刀指着我"],
    ["self_harm", "老人说再拿不到钱就一死了之"],
    ["self_harm", "她站在楼顶说要跳楼"],
    ["injury", "两人扭打起来，老张鼻梁骨折，已送医院"],
    ["injury", "我被他打伤了，手臂流血"],
    ["group", "三十多名工人堵在公司门口要工资"],
    ["group", "上百人聚集在村委会"],
    ["pushing", "双方在楼道里发生肢体冲突"],
    ["insult", "她每天在院子里破口大骂"],
    ["harassment", "对方凌晨两点还在砸门"],
    ["petition_threat", "不解决我就到省里去上访"],
    ["police_before", "上个月已经报过警了"],
    ["emotion", "来电人情绪十分激动，一直在哭"],
    ["disabled", "我儿子是残疾人，坐轮椅"],
    ["pregnant", "我老婆怀孕六个月了"],
    ["minor", "孩子才8岁，吓得不敢出门"],
  ] as [Signal, string][])("%s in “%s”", (signal, text) => {
    expect(has(text, signal)).toBe(true);
  });

  it("does not read a dog bite, a traffic injury or a falling flowerpot as violence", () => {
    expect(has("被邻居家的狗咬伤了腿", "injury")).toBe(false);
    expect(has("电动车追尾，我的腿受伤了", "injury")).toBe(false);
    expect(has("楼上的花盆掉下来砸坏了我的车", "harassment")).toBe(false);
    expect(has("我在店里买了一把菜刀，用了两天就断了", "weapon")).toBe(false);
  });

  it("tells a threat of self-harm from a threat to others, and a threat to petition from both", () => {
    const selfHarm = signalsIn("他扬言要喝农药");
    expect(selfHarm.has("self_harm")).toBe(true);
    expect(selfHarm.has("threat")).toBe(false);
    const petition = signalsIn("她扬言要去市里上访");
    expect(petition.has("petition_threat")).toBe(true);
    expect(petition.has("threat")).toBe(false);
  });

  it("counts a crowd from the channel's own count or the text, but not months or money", () => {
    expect(signalsIn("工人讨薪", 12).has("group")).toBe(true);
    expect(signalsIn("工人讨薪", 4).has("group")).toBe(false);
    expect(groupSize("欠了十几个月的工资，一起来讨说法")).toBe(0);
    expect(groupSize("二十多户居民一起到社区反映")).toBe(20);
    expect(groupSize("5个邻居一起来了")).toBe(5);
  });
});

describe("numbers in words", () => {
  it("reads counts written in figures or characters", () => {
    expect(parseCount("37")).toBe(37);
    expect(parseCount("十几")).toBe(11);
    expect(parseCount("二十多")).toBe(20);
    expect(parseCount("三百")).toBe(300);
    expect(parseCount("两千")).toBe(2000);
  });

  it("finds the largest sum of money", () => {
    expect(moneyIn("欠款12万元，利息另算")).toBe(120_000);
    expect(moneyIn("修车花了8000元")).toBe(8000);
    expect(moneyIn("前后借了他十五万")).toBe(150_000);
    expect(moneyIn("没有提到钱")).toBeNull();
  });

  it("finds an age of seventy or more", () => {
    expect(elderlyIn("我今年78岁了")).toBe(true);
    expect(elderlyIn("老人年过八十")).toBe(true);
    expect(elderlyIn("我今年65岁")).toBe(false);
  });
});
