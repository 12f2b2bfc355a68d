import { describe, expect, it } from "vitest";
import { parseModel, predict, serialiseModel } from "./model.js";
import { train, type TrainingExample } from "./train.js";

// Three categories, each with its own words, told in a few shared frames.
const WORDS = {
  HT: ["借款", "欠条", "还钱", "利息", "借条", "货款"],
  LD: ["工资", "老板", "加班费", "工地", "社保", "辞退"],
  LL: ["邻居", "楼上", "噪音", "漏水", "通道", "装修"],
} as const;
const FRAMES = ["申请人反映{}的问题，要求处理", "{}一事双方协商不成", "来电称{}，希望尽快解决", "关于{}的纠纷"];

function examples(): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const [category, words] of Object.entries(WORDS) as [keyof typeof WORDS, readonly string[]][]) {
    words.forEach((w, i) => {
      for (const f of FRAMES) out.push({ text: f.replace("{}", `${w}和${words[(i + 1) % words.length]}`), category, group: `${category}${i}` });
    });
  }
  return out;
}

describe("train", () => {
  const model = train(examples(), { heldOut: 0 });

  it("learns a small problem", () => {
    expect(predict(model, "他欠我的借款一直不还，利息也不给").category).toBe("HT");
    expect(predict(model, "老板拖欠三个月工资").category).toBe("LD");
    expect(predict(model, "楼上邻居家漏水").category).toBe("LL");
  });

  it("gives a confidence between 0 and 1 and a probability for every category", () => {
    const p = predict(model, "老板拖欠工资");
    expect(p.confidence).toBeGreaterThan(0);
    expect(p.confidence).toBeLessThanOrEqual(1);
    expect(Object.keys(p.scores)).toHaveLength(15);
    expect(Object.values(p.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it("fits a temperature on held-out groups", () => {
    const calibrated = train(examples(), { heldOut: 0.25 });
    expect(calibrated.temperature).toBeGreaterThan(0);
    expect(calibrated.info.heldOut).toMatchObject({ by: "group" });
  });
});

describe("serialiseModel", () => {
  it("round-trips: the parsed model answers as the trained one, to the stored precision", () => {
    const model = train(examples(), { heldOut: 0 });
    const again = parseModel(serialiseModel(model));
    for (const text of ["借条上写明了利息", "工地老板不发工资", "楼上装修噪音"]) {
      const a = predict(model, text);
      const b = predict(again, text);
      expect(b.category).toBe(a.category);
      expect(b.confidence).toBeCloseTo(a.confidence, 2);
    }
    expect(again.features).toEqual(model.features);
  });

  it("refuses a file that is not a classifier model", () => {
    expect(() => parseModel('{"format":"something-else"}')).toThrow();
  });
});

describe("channel words", () => {
  // Half the examples carry their channel's category word; the texts alone say little.
  const vague = ["双方发生争执", "要求对方给个说法", "协商多次没有结果", "情绪比较激动"];
  const data: TrainingExample[] = [...examples()];
  for (const [category, word] of [["LD", "劳动争议纠纷"], ["LL", "邻里纠纷"], ["HT", "合同纠纷"]] as const) {
    vague.forEach((text, i) => data.push({ text, category, channelWords: { channel: "rmtj", words: [word] }, group: `v${category}${i}` }));
  }
  const model = train(data, { heldOut: 0 });

  it("shift a prediction toward the category the channel filed it under", () => {
    const without = predict(model, "双方协商多次没有结果");
    const withWords = predict(model, "双方协商多次没有结果", { channel: "rmtj", words: ["劳动争议纠纷"] });
    expect(withWords.category).toBe("LD");
    expect(withWords.scores.LD).toBeGreaterThan(without.scores.LD);
  });

  it("count through the admins' table: a word the table maps says its category", () => {
    const table = { odr: { "wage-arrears": "LD" as const } };
    const p = predict(model, "双方协商多次没有结果", { channel: "odr", words: ["wage-arrears"] }, table);
    expect(p.scores.LD).toBeGreaterThan(predict(model, "双方协商多次没有结果").scores.LD);
  });

  it("are found in the table when they come without their channel", () => {
    expect(predict(model, "双方协商多次没有结果", ["劳动争议纠纷"]).category).toBe("LD");
  });
});
