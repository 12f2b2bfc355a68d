import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { registerClassifierCommands } from "./cli.js";
import { saveModel } from "./shipped-model.js";
import { train } from "./train.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-classify-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tongban classify", () => {
  it("reads {id, text} lines and writes {id, category, confidence} lines, in order", async () => {
    const model = train(
      [
        ...["借款不还", "欠条到期", "借钱不还", "利息没给"].map((text) => ({ text, category: "HT" as const })),
        ...["拖欠工资", "老板不发工资", "工资被扣", "辞退没有补偿"].map((text) => ({ text, category: "LD" as const })),
        ...["楼上噪音", "邻居漏水", "邻居吵闹", "楼上装修"].map((text) => ({ text, category: "LL" as const })),
      ],
      { heldOut: 0 },
    );
    const modelFile = path.join(dir, "model.json");
    saveModel(model, modelFile);
    const input = path.join(dir, "in.jsonl");
    const output = path.join(dir, "out.jsonl");
    const lines = [
      { id: "a1", text: "朋友借钱一直不还" },
      { id: 2, text: "老板拖欠我三个月工资" },
      { id: "c3", text: "楼上邻居家半夜噪音", channel: "rmtj", channelWords: ["邻里纠纷"] },
    ];
    fs.writeFileSync(input, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");

    const program = new Command().exitOverride();
    registerClassifierCommands(program);
    await program.parseAsync(["classify", "--in", input, "--out", output, "--model", modelFile], { from: "user" });

    const out = fs.readFileSync(output, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.category])).toEqual([["a1", "HT"], [2, "LD"], ["c3", "LL"]]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(["id", "category", "confidence"]);
      expect(o.confidence).toBeGreaterThan(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
    }
  });
});
