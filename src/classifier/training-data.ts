// Where the classifier's training examples come from: the hand-written seed set, the demo generator's labelled
// records, a generated sample's truth (optional), and staff corrections kept as labelled examples (optional, through
// a loader the caller passes, so that this module needs no database).
import type { CategoryCode } from "../cases/categories.js";
import { readBuffer } from "../intake/read/read-buffer.js";
import { joinTruth, loadSampleRecords, type SampleRecord, type TruthLine } from "./sample-records.js";
import { seedTrainingExamples } from "./seed-examples.js";
import type { TrainingExample } from "./train.js";

/** A labelled example as staff corrections keep it (the `labelled_examples` table). */
export interface LabelledExample {
  text: string;
  category: CategoryCode;
  source: string;
  channel?: string | null;
  channelWords?: string[] | null;
}

export type LabelledExampleLoader = () => Promise<LabelledExample[]>;

export interface TrainingSources {
  /** Disputes to generate with the demo generator (0: none). */
  demoDisputes?: number;
  demoSeed?: number;
  /** A generated delivery folder with truth/ (the shared sample), to train on its records too. */
  sampleDir?: string;
  labelled?: LabelledExampleLoader;
  /** Staff corrections count this many times an ordinary example: a person looked at each. */
  correctionWeight?: number;
  /** Told when a source cannot be read (no database reachable): training goes on without it. */
  warn?: (message: string) => void;
}

export function fromRecords(records: SampleRecord[], source: string): TrainingExample[] {
  return records.map((r) => ({ text: r.text, category: r.category, channelWords: r.channelWords, source, group: `${source}:${r.disputeId}` }));
}

/** The demo generator's records with their truth, read through intake's own readers and mappers. */
export async function demoRecords(opts: { seed: number; disputes: number }): Promise<SampleRecord[]> {
  const { generateDemo } = await import("../demo/generator/generate.js");
  const demo = generateDemo({ seed: opts.seed, disputes: opts.disputes });
  const files = demo.files.map((f) => readBuffer(f.bytes, f.path));
  return joinTruth(demo.truth.records as unknown as TruthLine[], files);
}

export async function gatherExamples(sources: TrainingSources = {}): Promise<TrainingExample[]> {
  const out = seedTrainingExamples();
  if ((sources.demoDisputes ?? 0) > 0) {
    out.push(...fromRecords(await demoRecords({ seed: sources.demoSeed ?? 101, disputes: sources.demoDisputes ?? 0 }), "demo"));
  }
  if (sources.sampleDir) out.push(...fromRecords(await loadSampleRecords(sources.sampleDir), "sample"));
  if (sources.labelled) {
    const weight = sources.correctionWeight ?? 3;
    let labelled: LabelledExample[] = [];
    try {
      labelled = await sources.labelled();
    } catch (err) {
      (sources.warn ?? console.warn)(`未能读取人工标注样例，本次训练不含这部分 (labelled examples unavailable): ${(err as Error).message}`);
    }
    for (const e of labelled) {
      const words = e.channelWords ?? [];
      const channelWords = words.length === 0 ? undefined : e.channel ? { channel: e.channel, words } : words;
      out.push({ text: e.text, category: e.category, channelWords, source: e.source, weight, group: `${e.source}:${e.text}` });
    }
  }
  return out;
}
