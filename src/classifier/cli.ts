// `tongban classify` (JSON Lines {id, text} → {id, category, confidence}) and `tongban classifier train | eval-text |
// eval-sample`. Staff corrections reach training through the loader the caller registers (the database's
// labelled_examples), so that this module needs no database.
import fs from "node:fs";
import readline from "node:readline";
import type { Command } from "commander";
import { evaluateSample } from "./evaluate-sample.js";
import { evaluateTextFile } from "./evaluate-text.js";
import type { ChannelWordsInput } from "./features.js";
import { formatCalibration, formatScores } from "./metrics.js";
import { predict, type Model } from "./model.js";
import { loadModel, loadShippedModel, saveModel, SHIPPED_MODEL_PATH } from "./shipped-model.js";
import { train } from "./train.js";
import { gatherExamples, type LabelledExampleLoader } from "./training-data.js";

export interface ClassifierCommandOptions {
  /** Staff corrections and other labelled examples kept by the hub, when a database is reachable. */
  labelledExamples?: LabelledExampleLoader;
}

function modelFrom(file: string | undefined): Model {
  if (file) return loadModel(file);
  const model = loadShippedModel();
  if (!model) throw new Error(`没有找到分类模型 ${SHIPPED_MODEL_PATH}，请先运行 tongban classifier train`);
  return model;
}

interface ClassifyLine {
  id?: unknown;
  text?: unknown;
  channel?: unknown;
  channelWords?: unknown;
}

function channelWordsOf(line: ClassifyLine): ChannelWordsInput | undefined {
  const words = Array.isArray(line.channelWords) ? line.channelWords.filter((w): w is string => typeof w === "string") : [];
  if (words.length === 0) return undefined;
  return typeof line.channel === "string" ? { channel: line.channel, words } : words;
}

/**
 * Classifies JSON Lines: each `{id, text}` (optionally `channel` and `channelWords`) becomes `{id, category,
 * confidence}`. A line that is not such an object is reported on stderr and skipped; the count comes back.
 */
export async function classifyLines(
  model: Model,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  warn: (message: string) => void = (m) => console.error(m),
): Promise<{ classified: number; skipped: number }> {
  let n = 0;
  let classified = 0;
  let skipped = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (raw.trim() === "") continue;
    let line: ClassifyLine;
    try {
      line = JSON.parse(raw) as ClassifyLine;
    } catch {
      warn(`第 ${n} 行不是 JSON，已跳过 (line ${n}: not JSON)`);
      skipped++;
      continue;
    }
    if (typeof line !== "object" || line === null || typeof line.text !== "string") {
      warn(`第 ${n} 行缺少 text 字段，已跳过 (line ${n}: no text)`);
      skipped++;
      continue;
    }
    const p = predict(model, line.text, channelWordsOf(line));
    write(JSON.stringify({ id: line.id ?? null, category: p.category, confidence: Math.round(p.confidence * 1000) / 1000 }));
    classified++;
  }
  return { classified, skipped };
}

export function registerClassifierCommands(program: Command, options: ClassifierCommandOptions = {}) {
  program
    .command("classify")
    .description("按文本判断纠纷类别：读 JSON Lines {id, text}，写 {id, category, confidence} (classify dispute texts)")
    .option("--in <file>", "input JSON Lines (default: stdin)")
    .option("--out <file>", "output JSON Lines (default: stdout)")
    .option("--model <file>", "a model file instead of the shipped one")
    .action(async (opts: { in?: string; out?: string; model?: string }) => {
      try {
        const model = modelFrom(opts.model);
        const input = opts.in ? fs.createReadStream(opts.in) : process.stdin;
        const out = opts.out ? fs.createWriteStream(opts.out) : null;
        const write = out ? (l: string) => out.write(`${l}\n`) : (l: string) => process.stdout.write(`${l}\n`);
        const r = await classifyLines(model, input, write);
        if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
        if (r.skipped > 0) process.exitCode = 1;
      } catch (err) {
        console.error(`分类失败 classify failed: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });

  const classifier = program.command("classifier").description("纠纷分类模型：训练与评估 (the dispute classifier)");

  classifier
    .command("train")
    .description("重新训练分类模型：种子样例 + 演示数据 + 人工更正 (+ 样本) (retrain the classifier)")
    .option("--sample <dir>", "also train on a generated delivery folder with truth/ (e.g. ../shared/data/sample)")
    .option("--out <file>", "where to write the model", SHIPPED_MODEL_PATH)
    .option("--demo <n>", "disputes to generate for training (0: none)", "3000")
    .option("--demo-seed <n>", "the demo generator's seed", "101")
    .option("--no-labelled", "leave out the hub's labelled examples (staff corrections)")
    .action(async (opts: { sample?: string; out: string; demo: string; demoSeed: string; labelled: boolean }) => {
      try {
        const started = Date.now();
        const examples = await gatherExamples({
          demoDisputes: Number(opts.demo),
          demoSeed: Number(opts.demoSeed),
          sampleDir: opts.sample,
          labelled: opts.labelled ? options.labelledExamples : undefined,
        });
        const model = train(examples, { info: { sample: opts.sample ?? null, demoDisputes: Number(opts.demo) } });
        saveModel(model, opts.out);
        const sources = Object.entries(model.info.sources).map(([k, v]) => `${k} ${v}`).join("，");
        console.log(`已训练 trained: ${examples.length} 条样例 (${sources})，${model.features.length} 个特征，温度 ${model.temperature.toFixed(2)}`);
        console.log(`留出集准确率 held-out accuracy: ${JSON.stringify(model.info.heldOut)}  → ${opts.out}  ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (err) {
        console.error(`训练失败 training failed: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });

  classifier
    .command("eval-text")
    .description("在带标注的文本文件上评估 (JSON Lines {id, text, category, accept}) (evaluate on labelled texts)")
    .argument("<file>")
    .option("--model <file>", "a model file instead of the shipped one")
    .action((file: string, opts: { model?: string }) => {
      try {
        evaluateTextFile(file, modelFrom(opts.model));
      } catch (err) {
        console.error(`评估失败 evaluation failed: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });

  classifier
    .command("eval-sample")
    .description("在生成的样本目录上评估：逐条记录与逐个纠纷 (evaluate on a generated sample folder)")
    .argument("<dir>")
    .option("--model <file>", "a model file instead of the shipped one")
    .option("--no-channel-words", "ignore the channels' own category words")
    .action(async (dir: string, opts: { model?: string; channelWords: boolean }) => {
      try {
        const e = await evaluateSample(dir, modelFrom(opts.model), { channelWords: opts.channelWords });
        console.log(formatScores("记录 records", e.records));
        console.log(formatScores("纠纷 disputes (majority of records)", e.disputes));
        console.log(formatCalibration(e.calibration));
      } catch (err) {
        console.error(`评估失败 evaluation failed: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}
