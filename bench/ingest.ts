// End-to-end intake throughput: a large multi-channel delivery (generated, or --dir) through ingestPaths into a
// fresh PostgreSQL, beside a plain COPY of as many rows of the same size into a bare table of the same database.
// Prints records/s and peak RSS for ingest, rows/s for COPY, their ratio, and where the ingest time went.
//   npm run bench:ingest -- [--records N] [--dir PATH] [--keep] [--chunk-size N] [--workers N] [--profile FILE.cpuprofile]
// --workers: threads preparing chunks (default: one per core, as ingestPaths takes for a large delivery; 0: all on
// the main thread, which is the only way the stage table below sees inside the preparing).
// --profile records a CPU profile of the ingest phase only, main thread (summarise it with bench/profile-summary.ts).
// DATABASE_URL set: a fresh database is created on that server (dropped afterwards unless --keep); otherwise an
// embedded PostgreSQL is started on a temporary data folder.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import inspector from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance as nodePerformance } from "node:perf_hooks";
import pg from "pg";
import { closeDb, createDb, type Db } from "../src/db/client.js";
import { startEmbedded } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";
import { loadIntakeDeps } from "../src/intake/deps.js";
import { addCounts, createBatch, emptyCounts, finishBatch, ingestRows, type IntakeDeps } from "../src/intake/ingest.js";
import { readRows } from "../src/intake/read/read-file.js";
import { expandPaths, ingestPaths } from "../src/intake/run-files.js";
import { defaultPoolSize, startPreparePool, type PreparePool } from "../src/intake/prepare-pool.js";
import type { IntakeCounts } from "../src/intake/schema.js";
import { createCipher } from "../src/personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { inTransaction } from "../src/server/context.js";
import { COPY_TABLE_DDL, copyWithPsql, findPsql, writeTsv } from "./copy-baseline.js";
import type { GenerateSummary } from "./generate.js";
import { ownCpuSeconds, serverCpuSeconds } from "./cpu.js";
import { peakRssMb, resetPeakRss, sampleRss } from "./memory.js";
import { emptyStageTimes, timedDeps, type StageTimes } from "./stages.js";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH_DIR, "..");
const ACTOR_LABEL = "bench:ingest";

interface Args {
  records: number;
  dir?: string;
  keep: boolean;
  chunkSize?: number;
  workers: number;
  profile?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { records: 1_000_000, keep: false, workers: defaultPoolSize() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--records") args.records = Number(argv[++i]);
    else if (a === "--dir") args.dir = path.resolve(argv[++i]);
    else if (a === "--keep") args.keep = true;
    else if (a === "--chunk-size") args.chunkSize = Number(argv[++i]);
    else if (a === "--profile") args.profile = path.resolve(argv[++i]);
    else if (a === "--workers") args.workers = Number(argv[++i]);
    else throw new Error(`unknown argument: ${a} (usage: [--records N] [--dir PATH] [--keep] [--chunk-size N] [--workers N] [--profile FILE])`);
  }
  if (!Number.isInteger(args.records) || args.records < 1) throw new Error("--records must be a positive integer");
  if (!Number.isInteger(args.workers) || args.workers < 0) throw new Error("--workers must be a whole number ≥ 0");
  return args;
}

interface Database {
  url: string;
  label: string;
  /** The embedded cluster's folder, to read its CPU time; undefined on DATABASE_URL's server. */
  clusterDir?: string;
  close: (keep: boolean) => Promise<void>;
}

/** A fresh database: on DATABASE_URL's server when set, else on an embedded server in `work`. */
async function openFreshDatabase(work: string): Promise<Database> {
  const name = `tongban_bench_${Date.now()}`;
  const create = async (adminUrl: string) => {
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  };
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await create(configured);
    const url = new URL(configured);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      label: `${url.host}/${name} (DATABASE_URL's server)`,
      close: async (keep) => {
        if (keep) return;
        const admin = new pg.Client(configured);
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  }
  const dataDir = path.join(work, "pg");
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755); // the embedded server runs as `postgres` when we are root
  const server = await startEmbedded({ dataDir });
  process.once("SIGINT", () => void server.stop().then(() => process.exit(130)));
  await create(server.url("postgres"));
  return {
    url: server.url(name),
    label: `embedded PostgreSQL on port ${server.port}, data in ${server.dataDir}`,
    clusterDir: server.dataDir,
    close: () => server.stop(),
  };
}

/** Runs the generator in its own process, so that its memory is not counted as the ingest's. */
function generate(out: string, records: number): GenerateSummary {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", path.join(BENCH_DIR, "generate.ts"), "--out", out, "--records", String(records)], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as GenerateSummary;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) total += folderBytes(full);
    else if (e.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** ingestPaths' loop with another chunk size (ingestPaths itself always uses ingestRows' default). */
async function ingestWithChunkSize(deps: IntakeDeps, dir: string, chunkSize: number, pool: PreparePool | undefined, onChunk: (read: number) => void) {
  let total = emptyCounts();
  for await (const { file, channel } of expandPaths([dir])) {
    const batchId = await createBatch(deps.db, { source: "file", channel: channel ?? null, fileName: file, actorLabel: ACTOR_LABEL });
    const before = total;
    const counts = await ingestRows(deps, batchId, readRows(file, { channel }), { chunkSize, pool, onChunk: (c) => onChunk(before.read + c.read) });
    await finishBatch(deps.db, batchId, "done");
    total = addCounts(total, counts);
  }
  return total;
}

/** A CPU profile of what runs between start and stop, written where asked. */
async function startProfile(file: string | undefined) {
  if (!file) return { stop: async () => undefined };
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function scalar<T>(db: Db, text: string): Promise<T> {
  const { rows } = await db.$client.query(text);
  return Object.values(rows[0])[0] as T;
}

const walPosition = (db: Db) => scalar<string>(db, "SELECT pg_current_wal_lsn()::text");
const walSince = (db: Db, from: string) => scalar<string>(db, `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '${from}')::bigint`).then(Number);
const relationBytes = (db: Db, tables: string[]) =>
  scalar<string>(db, `SELECT sum(pg_total_relation_size(t::regclass))::bigint FROM unnest(ARRAY['${tables.join("','")}']) AS t`).then(Number);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function table(rows: (string | number)[][]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("   "));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-bench-"));
  fs.chmodSync(work, 0o755);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; work folder ${work}`);

  let delivery = args.dir;
  let inputBytes: number;
  if (delivery) {
    // The sample's root also holds truth/ files, which are not deliveries.
    if (fs.existsSync(path.join(delivery, "channels"))) delivery = path.join(delivery, "channels");
    inputBytes = folderBytes(delivery);
  } else {
    delivery = path.join(work, "delivery", "channels");
    const started = performance.now();
    log(`generating ${fmt(args.records)} records …`);
    const made = generate(path.dirname(delivery), args.records);
    inputBytes = made.bytes;
    log(`generated ${fmt(made.records)} records, ${mb(made.bytes)} MB in ${made.files} files, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const database = await openFreshDatabase(work);
  const db = createDb(database.url, 4);
  let pool: PreparePool | undefined;
  try {
    log(`database: ${database.label}`);
    const setupStarted = performance.now();
    await applyMigrations(db);
    const cipher = createCipher(crypto.randomBytes(32));
    await inTransaction({ db, cipher }, { actor: { kind: "system", label: "bench" }, correlationId: crypto.randomUUID() }, (ctx) =>
      importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH)),
    );
    const deps = await loadIntakeDeps(db, cipher);
    pool = args.workers > 0 ? await startPreparePool(db, cipher, args.workers) : undefined;
    log(`migrations, registry, resolver and ${args.workers} worker thread(s): ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    const times: StageTimes = emptyStageTimes();
    const timed = timedDeps(deps, times);
    const walBefore = await walPosition(db);
    const hwmReset = resetPeakRss();
    const rss = sampleRss(100);
    const cpuBefore = { node: ownCpuSeconds(), server: database.clusterDir ? serverCpuSeconds(database.clusterDir) : null };
    const eluBefore = nodePerformance.eventLoopUtilization();
    const profiler = await startProfile(args.profile);
    const started = performance.now();
    let lastLog = started;
    const progress = (read: number) => {
      const now = performance.now();
      if (now - lastLog < 5000) return;
      lastLog = now;
      log(`  ${fmt(read)} records, ${fmt(read / ((now - started) / 1000))}/s, RSS ${rss.current().toFixed(0)} MB`);
    };
    let total: IntakeCounts;
    if (args.chunkSize) {
      total = await ingestWithChunkSize(timed, delivery, args.chunkSize, pool, progress);
    } else {
      total = (await ingestPaths(timed, [delivery], { actorLabel: ACTOR_LABEL, pool, workers: 0, onProgress: (p) => progress(p.total.read) })).total;
    }
    await pool?.close();
    const ingestMs = performance.now() - started;
    const elu = nodePerformance.eventLoopUtilization(eluBefore).utilization;
    const nodeCpu = ownCpuSeconds() - cpuBefore.node;
    const serverCpuAfter = database.clusterDir ? serverCpuSeconds(database.clusterDir) : null;
    const serverCpu = serverCpuAfter !== null && cpuBefore.server !== null ? serverCpuAfter - cpuBefore.server : null;
    const loadAfter = os.loadavg()[0];
    const sampledPeak = rss.stop();
    const kernelPeak = peakRssMb();
    await profiler.stop();
    const ingestWal = await walSince(db, walBefore);
    const ingestBytes = await relationBytes(db, ["raw_records", "records", "record_people", "quarantined_rows", "intake_batches"]);

    let copy: { rows: number; seconds: number; serverCpu: number | null; wal: number; bytes: number } | null = null;
    const psql = findPsql();
    if (psql) {
      const tsv = path.join(work, "copy.tsv");
      writeTsv(tsv, total.read, inputBytes / total.read);
      await db.$client.query(COPY_TABLE_DDL("bench_copy"));
      const walCopy = await walPosition(db);
      log(`COPY of ${fmt(total.read)} rows through psql …`);
      const serverBefore = database.clusterDir ? serverCpuSeconds(database.clusterDir) : null;
      const seconds = await copyWithPsql(psql, database.url, "bench_copy", tsv);
      const serverAfter = database.clusterDir ? serverCpuSeconds(database.clusterDir) : null;
      copy = {
        rows: Number(await scalar<string>(db, "SELECT count(*) FROM bench_copy")),
        seconds,
        serverCpu: serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null,
        wal: await walSince(db, walCopy),
        bytes: await relationBytes(db, ["bench_copy"]),
      };
      fs.rmSync(tsv, { force: true });
    } else {
      log("psql not found: the COPY baseline is skipped");
    }

    const seconds = ingestMs / 1000;
    const rate = total.read / seconds;
    console.log(`\nIntake bench: ${fmt(total.read)} records, ${mb(inputBytes)} MB of channel files (${(inputBytes / total.read).toFixed(0)} B/record)`);
    console.log(`accepted ${fmt(total.accepted)}, redelivered ${fmt(total.redelivered)}, corrected ${fmt(total.corrected)}, quarantined ${fmt(total.quarantined)}\n`);
    table([
      ["", "rows", "seconds", "rows/s", "peak RSS MB", "WAL MB", "table MB"],
      [args.chunkSize ? `ingest (chunks of ${args.chunkSize})` : "ingest (ingestPaths)", fmt(total.read), seconds.toFixed(1), fmt(rate), `${kernelPeak?.toFixed(0) ?? "?"} (sampled ${sampledPeak.toFixed(0)})`, mb(ingestWal), mb(ingestBytes)],
      ...(copy ? [["COPY, bare table (psql)", fmt(copy.rows), copy.seconds.toFixed(1), fmt(copy.rows / copy.seconds), "-", mb(copy.wal), mb(copy.bytes)]] : []),
    ]);
    if (copy) console.log(`ratio ingest / COPY: ${((rate / (copy.rows / copy.seconds)) * 100).toFixed(1)}%  (target ≥ 25,000 records/s: ${rate >= 25_000 ? "met" : "not met"})`);
    if (args.profile) console.log(`CPU profile of the ingest phase: ${args.profile}`);
    if (!hwmReset) console.log("(VmHWM could not be reset: it includes set-up before the ingest)");

    const perRecord = (cpu: number | null, n: number) => (cpu === null ? "?" : `${cpu.toFixed(1)} s = ${((cpu * 1e6) / n).toFixed(0)} µs/record`);
    console.log(
      `\nCPU during ingest: node ${perRecord(nodeCpu, total.read)} (main thread busy ${(elu * 100).toFixed(0)}% of wall), ` +
        `PostgreSQL ${perRecord(serverCpu, total.read)}; ${seconds.toFixed(1)} s wall on ${os.cpus().length} cores`,
    );
    if (copy) console.log(`CPU during COPY: PostgreSQL ${perRecord(copy.serverCpu, copy.rows)} (psql's own CPU not counted)`);
    console.log(`load average ${loadAfter.toFixed(2)} at the end of the ingest (other work on the machine slows everything above)`);
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const pct = (ms: number) => `${((ms / ingestMs) * 100).toFixed(0)}%`;
    const cpuMs = ingestMs - times.transactionMs - times.bookkeepingMs;
    const txJsMs = times.transactionMs - times.queryMs;
    console.log(`\nWhere the main thread's time went (${times.chunks} chunks, ${times.queries} queries in them):`);
    if (pool) console.log(`(${args.workers} worker thread(s) prepared the chunks: their map, standardise, hashing and encryption is not in this table, and "outside transactions" is mostly reading the files and waiting for them)`);
    table([
      ["stage", "seconds", "share"],
      ["read + map + standardise (JS, outside transactions)", s(cpuMs), pct(cpuMs)],
      ["  of which address resolution", s(times.resolveMs), pct(times.resolveMs)],
      ["  of which content hash (HMAC-SHA-256)", s(times.hashOutsideTxMs), pct(times.hashOutsideTxMs)],
      ["in transactions: JS between queries", s(txJsMs), pct(txJsMs)],
      ["  of which encryption (AES-256-GCM)", s(times.encryptMs), pct(times.encryptMs)],
      ["  of which person hashes (HMAC-SHA-256)", s(times.hashInsideTxMs), pct(times.hashInsideTxMs)],
      ["in transactions: awaiting PostgreSQL", s(times.queryMs), pct(times.queryMs)],
      ["batch bookkeeping (createBatch, finishBatch)", s(times.bookkeepingMs), pct(times.bookkeepingMs)],
    ]);
    console.log("\nAwaiting PostgreSQL, by statement:");
    table([
      ["statement", "count", "seconds", "ms each"],
      ...[...times.byStatement.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([kind, e]) => [kind, e.count, s(e.ms), (e.ms / e.count).toFixed(1)]),
    ]);
  } finally {
    await pool?.close();
    await closeDb(db);
    await database.close(args.keep);
    if (args.keep) console.log(`\nkept: ${work}${args.dir ? "" : " (generated delivery in ./delivery)"}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
