// `tongban eval <dir>`: ingests <dir>/channels into a fresh temporary database (never the user's data), forms
// cases, exports them and compares with <dir>/truth. Prints the figures the issues' targets are stated in.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { createDb, closeDb, type Db } from "../../db/client.js";
import { startEmbedded, type EmbeddedServer } from "../../db/embedded.js";
import { applyMigrations } from "../../db/migrate.js";
import { loadIntakeDeps } from "../../intake/deps.js";
import { ingestPaths } from "../../intake/run-files.js";
import { createCipher } from "../../personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../../regions/import-registry.js";
import { inTransaction } from "../../server/context.js";
import { exportRecords, type ExportedRecord } from "../export-records.js";
import { formationDeps, formPendingCases } from "../formation/form-pending.js";
import type { FormationDeps } from "../formation/form-record.js";
import { classification, levelPR, pairwise, sharedMemberPairs } from "./metrics.js";

export interface TruthRecord {
  channel: string;
  externalId: string;
  disputeId: string;
  category: string;
  riskLevel: string;
  communityCode: string;
  gridCode: string;
  personKeys: string[];
  isRedelivery: boolean;
}

async function readJsonl<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) out.push(JSON.parse(line));
  return out;
}

/** A throwaway database: on DATABASE_URL's server when set, else an embedded server in a temp folder. */
async function temporaryDatabase(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `tongban_eval_${crypto.randomBytes(4).toString("hex")}`;
  let embedded: EmbeddedServer | undefined;
  let dir: string | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-eval-"));
    fs.chmodSync(dir, 0o755);
    embedded = await startEmbedded({ dataDir: dir });
    adminUrl = embedded.url("postgres");
  }
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = createDb(u.toString(), 6);
  return {
    db,
    drop: async () => {
      await closeDb(db);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface EvalOptions {
  classify?: FormationDeps["classify"];
  log?: (line: string) => void;
  /** Writes here, as JSON Lines, every compared record whose place or category differs from the truth. */
  missesFile?: string;
}

export async function evaluateDir(dir: string, opts: EvalOptions = {}) {
  const log = opts.log ?? ((l: string) => console.log(l));
  const truth = await readJsonl<TruthRecord>(path.join(dir, "truth", "records.jsonl"));
  const { db, drop } = await temporaryDatabase();
  try {
    await applyMigrations(db);
    const cipher = createCipher(crypto.randomBytes(32));
    await inTransaction({ db, cipher }, { actor: { kind: "system", label: "eval" }, correlationId: "eval" }, (ctx) => importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH)));
    let t0 = Date.now();
    const intake = await ingestPaths(await loadIntakeDeps(db, cipher), [path.join(dir, "channels")], { actorLabel: "eval" });
    const ingestSeconds = (Date.now() - t0) / 1000;
    t0 = Date.now();
    const formation = await formPendingCases(db, await formationDeps(db, opts.classify));
    const formSeconds = (Date.now() - t0) / 1000;
    const exported: ExportedRecord[] = [];
    for await (const r of exportRecords(db)) exported.push(r);
    const figures = compare(truth, exported);
    if (opts.missesFile) fs.writeFileSync(opts.missesFile, misses(truth, exported).map((m) => `${JSON.stringify(m)}\n`).join(""));
    log(`records read ${intake.total.read}, accepted ${intake.total.accepted}, redelivered ${intake.total.redelivered}, corrected ${intake.total.corrected}, quarantined ${intake.total.quarantined} (${ingestSeconds.toFixed(1)} s)`);
    const t = [...formation.timings].sort((a, b) => a - b);
    const pct = (p: number) => (t.length ? t[Math.min(t.length - 1, Math.floor(p * t.length))].toFixed(1) : "-");
    log(`cases formed: ${formation.newCases} new, ${formation.joined} joined, ${formation.recurrences} recurrences, ${formation.corrections} corrections (${formSeconds.toFixed(1)} s; per record p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms)`);
    printFigures(figures, log);
    return figures;
  } finally {
    await drop();
  }
}

export interface Miss {
  channel: string;
  externalId: string;
  wrong: ("communityCode" | "gridCode" | "category")[];
  truth: Pick<TruthRecord, "communityCode" | "gridCode" | "category">;
  hub: Pick<ExportedRecord, "communityCode" | "gridCode" | "category">;
}

/** The compared records whose community, grid or category the hub got wrong: what the truth says, what the hub said. */
export function misses(truth: TruthRecord[], exported: ExportedRecord[]): Miss[] {
  const byKey = new Map(truth.filter((t) => !t.isRedelivery).map((t) => [`${t.channel}\u0000${t.externalId}`, t]));
  const out: Miss[] = [];
  for (const e of exported) {
    const t = byKey.get(`${e.channel}\u0000${e.externalId}`);
    if (!t) continue;
    const wrong = (["communityCode", "gridCode", "category"] as const).filter((k) => e[k] !== t[k]);
    if (wrong.length === 0) continue;
    out.push({
      channel: e.channel,
      externalId: e.externalId,
      wrong,
      truth: { communityCode: t.communityCode, gridCode: t.gridCode, category: t.category },
      hub: { communityCode: e.communityCode, gridCode: e.gridCode, category: e.category },
    });
  }
  return out;
}

export function compare(truth: TruthRecord[], exported: ExportedRecord[]) {
  const key = (c: string, id: string) => `${c}\u0000${id}`;
  const truthByKey = new Map<string, TruthRecord>();
  for (const t of truth) if (!t.isRedelivery && !truthByKey.has(key(t.channel, t.externalId))) truthByKey.set(key(t.channel, t.externalId), t);
  const joined = exported.map((e) => ({ e, t: truthByKey.get(key(e.channel, e.externalId)) })).filter((x): x is { e: ExportedRecord; t: TruthRecord } => Boolean(x.t));
  const grouping = pairwise(joined.map(({ e, t }) => ({ truth: t.disputeId, predicted: String(e.rootCaseId ?? `none-${e.channel}-${e.externalId}`) })));
  const persons = sharedMemberPairs(joined.map(({ e, t }) => ({ truth: t.personKeys, predicted: e.personIds.map(String) })));
  // Dispute type per case: each true dispute against the category of the case holding most of its records.
  const byDispute = new Map<string, { category: string; votes: Map<string, number> }>();
  for (const { e, t } of joined) {
    const d = byDispute.get(t.disputeId) ?? { category: t.category, votes: new Map() };
    const c = e.category ?? "none";
    d.votes.set(c, (d.votes.get(c) ?? 0) + 1);
    byDispute.set(t.disputeId, d);
  }
  const categories = classification([...byDispute.values()].map((d) => ({ truth: d.category, predicted: [...d.votes.entries()].sort((a, b) => b[1] - a[1])[0][0] })));
  const community = joined.filter(({ e, t }) => e.communityCode === t.communityCode).length / (joined.length || 1);
  const grid = joined.filter(({ e, t }) => e.gridCode === t.gridCode).length / (joined.length || 1);
  const risk = joined.some(({ e }) => e.riskLevel)
    ? Object.fromEntries(["red", "yellow", "green"].map((l) => [l, levelPR(joined.map(({ e, t }) => ({ truth: t.riskLevel, predicted: e.riskLevel })), l)]))
    : null;
  return { records: joined.length, unmatched: exported.length - joined.length, grouping, persons, categories, community, grid, risk };
}

function printFigures(f: ReturnType<typeof compare>, log: (l: string) => void) {
  const p = (x: number) => x.toFixed(3);
  log(`\nmeasure                         value      target`);
  log(`record grouping precision       ${p(f.grouping.precision)}      ≥ 0.97`);
  log(`record grouping recall          ${p(f.grouping.recall)}`);
  log(`record grouping F1              ${p(f.grouping.f1)}      ≥ 0.95`);
  log(`person resolution precision     ${p(f.persons.precision)}`);
  log(`person resolution recall        ${p(f.persons.recall)}`);
  log(`person resolution F1            ${p(f.persons.f1)}      ≥ 0.95`);
  log(`category accuracy (per case)    ${p(f.categories.accuracy)}`);
  log(`category macro-F1 (per case)    ${p(f.categories.macroF1)}      ≥ 0.85`);
  log(`community accuracy              ${p(f.community)}`);
  log(`grid accuracy                   ${p(f.grid)}      ≥ 0.95`);
  if (f.risk) {
    const targets: Record<string, [string, string]> = { red: ["≥ 0.60", "≥ 0.90"], yellow: ["", "≥ 0.75"], green: ["", ""] };
    for (const [level, m] of Object.entries(f.risk)) {
      log(`risk ${level.padEnd(7)} precision      ${p(m.precision)}      ${targets[level]?.[0] ?? ""}`.trimEnd());
      log(`risk ${level.padEnd(7)} recall         ${p(m.recall)}      ${targets[level]?.[1] ?? ""}`.trimEnd());
    }
  }
  log(`(${f.records} records compared${f.unmatched ? `, ${f.unmatched} not in the truth` : ""})`);
}
