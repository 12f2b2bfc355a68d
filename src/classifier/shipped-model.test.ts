import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../cases/categories.js";
import { predict } from "./model.js";
import { loadShippedModel } from "./shipped-model.js";

describe("loadShippedModel", () => {
  const model = loadShippedModel();

  it("loads the model that ships with the project, once", () => {
    expect(model).not.toBeNull();
    expect(model!.categories).toEqual(CATEGORIES);
    expect(loadShippedModel()).toBe(model);
  });

  it("files plain accounts of the common kinds of dispute", () => {
    const cases: [string, string][] = [
      ["在厂里干了半年，老板一直拖欠工资不发", "LD"],
      ["丈夫经常酗酒打人，妻子要求离婚", "HY"],
      ["骑电动车在路口被一辆轿车撞倒，腿部骨折", "JT"],
      ["朋友借了我两万元写了借条，到期不还", "HT"],
      ["物业公司乱收停车费，小区电梯坏了也不修", "WY"],
    ];
    for (const [text, category] of cases) expect([text, predict(model!, text).category]).toEqual([text, category]);
  });
});
