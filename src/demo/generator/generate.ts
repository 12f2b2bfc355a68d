// A deterministic year of channel records for 古塘街道, with the truth behind them.
//   generateDemo(opts)      → files (channels/<code>/<code>_<yyyymm>.<ext>) and truth, in memory
//   writeDemo(dir, opts)    → the same on disk, streamed: half a million disputes fit in constant memory
import path from "node:path";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../../regions/import-registry.js";
import { GenContext } from "./context.js";
import { renderReport } from "./channels.js";
import { serialise } from "./formats.js";
import { DiskSink, MemorySink, type Sink } from "./output.js";
import { Places } from "./places.js";
import { planDispute } from "./plan.js";
import { Rng } from "./prng.js";
import { breakRecord, correct, ID_FIELD } from "./redeliver.js";
import { externalId } from "./render.js";
import { truthDispute, type TruthDispute, type TruthRecord } from "./truth.js";

export interface GenerateOptions {
  seed?: number;
  disputes?: number;
  from?: Date;
  to?: Date;
}

export interface GeneratedDemo {
  files: { path: string; bytes: Buffer }[];
  truth: { records: TruthRecord[]; disputes: TruthDispute[] };
}

export const DEFAULT_SEED = 20250101;
export const DEFAULT_DISPUTES = 1200;

const REDELIVERY = 0.03;
const CORRECTION = 0.01;
const BROKEN = 0.003;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;

/** Default span: from the first day of the month eleven months back to today's midnight (Beijing). */
export function resolveSpan(opts: GenerateOptions, now = new Date()): { fromMs: number; toMs: number } {
  const toMs = opts.to?.getTime() ?? Math.floor((now.getTime() + BEIJING) / DAY) * DAY - BEIJING;
  if (opts.from) return { fromMs: opts.from.getTime(), toMs };
  const end = new Date(toMs - 1 + BEIJING);
  const fromMs = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1) - BEIJING;
  return { fromMs, toMs };
}

let places: Places | null = null;
function registryPlaces(): Places {
  places ??= new Places(loadRegistryFile(SHIPPED_REGISTRY_PATH));
  return places;
}

export interface RunSummary {
  disputes: number;
  records: number;
  rows: number;
}

/** Plans each dispute and sends its rows and truth lines to the sink, one dispute at a time. */
export function runGenerator(opts: GenerateOptions, sink: Sink): RunSummary {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const n = opts.disputes ?? DEFAULT_DISPUTES;
  const { fromMs, toMs } = resolveSpan(opts);
  if (!(toMs > fromMs)) throw new Error("generateDemo: `to` must be after `from`");
  const ctx = new GenContext(registryPlaces(), seed, fromMs, toMs);
  const latest = (ms: number) => Math.min(ms, toMs - 1000);
  const summary: RunSummary = { disputes: 0, records: 0, rows: 0 };
  const emit = (channel: TruthRecord["channel"], deliveredAt: number, line: string, truth: TruthRecord) => {
    sink.row({ channel, deliveredAt, line });
    sink.record(JSON.stringify(truth));
    summary.rows++;
  };

  for (let i = 0; i < n; i++) {
    const rng = new Rng(seed, i + 1);
    const d = planDispute(ctx, i, rng);
    ctx.remember(d);
    sink.dispute(JSON.stringify(truthDispute(d)));
    summary.disputes++;
    d.reports.forEach((rep, k) => {
      const r = renderReport(ctx, rng, d, rep, k);
      const line = serialise(r.channel, r.fields);
      emit(r.channel, rep.at, line, r.truth);
      summary.records++;
      if (rng.chance(REDELIVERY)) {
        emit(r.channel, latest(rep.at + rng.int(HOUR, 25 * DAY)), line, { ...r.truth, isRedelivery: true });
      } else if (rng.chance(CORRECTION)) {
        const c = correct(rng, r.channel, r.fields);
        const truth = { ...r.truth, isCorrection: true, correctedField: c.field };
        emit(r.channel, latest(rep.at + rng.int(DAY, 20 * DAY)), serialise(r.channel, c.fields), truth);
      }
      if (rng.chance(BROKEN)) {
        const id = externalId(ctx, r.channel, rep.at);
        const bad = breakRecord(rng, r.channel, r.fields, ID_FIELD[r.channel], id, rep.at);
        emit(r.channel, latest(rep.at + rng.int(60_000, 6 * HOUR)), bad.line, { ...r.truth, externalId: id, defect: bad.defect });
      }
    });
  }
  return summary;
}

export function generateDemo(opts: GenerateOptions = {}): GeneratedDemo {
  const sink = new MemorySink();
  runGenerator(opts, sink);
  return {
    files: sink.outputFiles(),
    truth: { records: sink.records.map((l) => JSON.parse(l) as TruthRecord), disputes: sink.disputes.map((l) => JSON.parse(l) as TruthDispute) },
  };
}

/** Writes channels/<code>/<code>_<yyyymm>.<ext>, truth/records.jsonl and truth/disputes.jsonl under `dir`. */
export function writeDemo(dir: string, opts: GenerateOptions = {}): RunSummary & { files: number } {
  const sink = new DiskSink(path.resolve(dir));
  const summary = runGenerator(opts, sink);
  sink.finish();
  return { ...summary, files: sink.files };
}
