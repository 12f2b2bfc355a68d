// Measures the address resolver on a synthetic sample (shared/data/sample): per channel, how far each address
// resolves and how often that agrees with the truth file, plus throughput and the most common shapes of the
// addresses it could not place. The sample measures the rules; the rules are not tuned to its strings.
//   node --import tsx src/regions/address/evaluate.ts <sample-dir>
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../import-registry.js";
import { createAddressResolver, resolverInputFromRegistry, type AddressResolution } from "./resolver.js";

type Row = Record<string, unknown>;
interface Channel {
  name: string;
  read: (file: string) => Row[];
  id: (row: Row) => string;
  address: (row: Row) => string | undefined;
}

const csv = (encoding: "gbk" | "utf8") => (file: string) =>
  parse(iconv.decode(fs.readFileSync(file), encoding), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
const jsonLines = (file: string) =>
  fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const jsonArray = (file: string) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as Row[];
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

const CHANNELS: Channel[] = [
  { name: "110", read: csv("gbk"), id: (r) => String(r["接警编号"]), address: (r) => str(r["事发地址"]) },
  { name: "12345", read: jsonLines, id: (r) => String(r.gdbh), address: (r) => str(r.sfdz) },
  { name: "81890", read: csv("gbk"), id: (r) => String(r["服务单号"]), address: (r) => str(r["地址"]) },
  { name: "zlf", read: jsonArray, id: (r) => String(r.xfjbh), address: (r) => str(r.wtsd) },
  { name: "odr", read: jsonLines, id: (r) => String(r.caseNo), address: (r) => str((r.applicant as Row | undefined)?.address) },
  { name: "ldbz", read: csv("utf8"), id: (r) => String(r["投诉编号"]), address: (r) => str(r["单位地址"]) },
  { name: "xf", read: csv("utf8"), id: (r) => String(r["编号"]), address: (r) => str(r["住址"]) },
  // The mediation register has no address field: its narrative is resolved instead, for information only.
  { name: "rmtj", read: jsonLines, id: (r) => String(r.ajbh), address: (r) => str(r.jyqk) },
];

interface Truth {
  communityCode: string;
  gridCode: string;
  microGridCode: string;
}

const communityOf = (code: string) => (/^\d{12}/.test(code) ? code.slice(0, 12) : null);
const gridOf = (code: string) => /^\d{12}-[GZ]\d{2}/.exec(code)?.[0] ?? null;

function main() {
  const sampleDir = process.argv[2];
  if (!sampleDir) {
    console.error("usage: node --import tsx src/regions/address/evaluate.ts <sample-dir>");
    process.exit(2);
  }
  const truth = new Map<string, Truth>();
  for (const line of fs.readFileSync(path.join(sampleDir, "truth", "records.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as Truth & { channel: string; externalId: string };
    truth.set(`${t.channel}|${t.externalId}`, t);
  }

  const t0 = performance.now();
  // Without the memo: the throughput below loops over the same addresses, which would only time memo hits.
  const resolver = createAddressResolver(resolverInputFromRegistry(loadRegistryFile(SHIPPED_REGISTRY_PATH)), { memoSize: 0 });
  const buildMs = performance.now() - t0;

  const addresses: { channel: string; text: string; truth?: Truth }[] = [];
  for (const ch of CHANNELS) {
    const dir = path.join(sampleDir, "channels", ch.name);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      for (const row of ch.read(path.join(dir, file))) {
        addresses.push({ channel: ch.name, text: ch.address(row) ?? "", truth: truth.get(`${ch.name}|${ch.id(row)}`) });
      }
    }
  }

  const results = addresses.map((a) => ({ ...a, res: resolver.resolve(a.text) }));
  printTable(results);
  printThroughput(resolver, addresses.filter((a) => a.channel !== "rmtj").map((a) => a.text), buildMs);
  const noAddress = results.filter((r) => r.channel !== "rmtj" && !r.text).length;
  console.log(`${noAddress} records carry no address at all; they are left out of the shapes below.\n`);
  printShapes(results.filter((r) => r.channel !== "rmtj" && r.text && r.res.status === "unresolved"), "unresolved", 30);
  const missed = results.filter((r) => r.channel !== "rmtj" && r.res.level === "micro_grid" && r.truth && r.res.code !== r.truth.microGridCode);
  printShapes(missed, "resolved to a micro-grid other than the truth's", 10);
}

type Result = { channel: string; text: string; truth?: Truth; res: AddressResolution };

function printTable(results: Result[]) {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-").padStart(7);
  const head = ["channel", "n", "no addr", "micro", "grid", "comm", "street", "none", "resolved≥comm", "comm ok", "grid ok", "micro ok", "comm ok/all", "micro ok/all"];
  console.log("Resolution and agreement with truth. resolved≥comm: share of records resolved to a community or deeper.");
  console.log("X ok: same code as the truth at level X, among records resolved to X or deeper; ok/all: among all records.");
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(16) : h.padStart(i < 8 ? 8 : 14))).join(""));
  const channels = [...new Set(results.map((r) => r.channel)), "all (excl. rmtj)"];
  for (const channel of channels) {
    const rs = channel.startsWith("all") ? results.filter((r) => r.channel !== "rmtj") : results.filter((r) => r.channel === channel);
    const at = (level: string | null) => rs.filter((r) => r.text && r.res.level === level).length;
    const withTruth = rs.filter((r) => r.truth);
    const deep = (levels: string[]) => withTruth.filter((r) => levels.includes(r.res.level ?? ""));
    const commRes = deep(["micro_grid", "grid", "community"]);
    const gridRes = deep(["micro_grid", "grid"]);
    const microRes = deep(["micro_grid"]);
    const commOk = commRes.filter((r) => communityOf(r.res.code!) === r.truth!.communityCode).length;
    const gridOk = gridRes.filter((r) => gridOf(r.res.code!) === r.truth!.gridCode).length;
    const microOk = microRes.filter((r) => r.res.code === r.truth!.microGridCode).length;
    const label = channel === "rmtj" ? "rmtj (narrative)" : channel;
    console.log(
      [
        label.padEnd(16),
        ...[rs.length, rs.filter((r) => !r.text).length, at("micro_grid"), at("grid"), at("community"), at("street"), at(null)].map((n) => String(n).padStart(8)),
        ...[pct(commRes.length, withTruth.length), pct(commOk, commRes.length), pct(gridOk, gridRes.length), pct(microOk, microRes.length), pct(commOk, withTruth.length), pct(microOk, withTruth.length)].map((s) => s.padStart(14)),
      ].join(""),
    );
  }
  console.log();
}

/**
 * Best of three one-second runs, counted per second of this process's CPU time as well as of wall time:
 * on a shared machine the wall clock also counts time the process spent waiting for a core.
 */
function printThroughput(resolver: ReturnType<typeof createAddressResolver>, texts: string[], buildMs: number) {
  const run = (list: string[]) => {
    let wall = 0;
    let cpu = 0;
    for (let round = 0; round < 3; round++) {
      let n = 0;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      while (performance.now() - start < 1000) for (const t of list) (resolver.resolve(t), n++);
      const used = process.cpuUsage(cpuStart);
      wall = Math.max(wall, (n / (performance.now() - start)) * 1000);
      cpu = Math.max(cpu, (n / (used.user + used.system)) * 1e6);
    }
    const f = (x: number) => Math.round(x).toLocaleString("en");
    return `${f(wall)} resolutions/s wall clock, ${f(cpu)} per CPU second`;
  };
  const typical = texts.filter((t) => t && resolver.resolve(t).confidence >= 0.7);
  const latencies = typical.map((t) => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) resolver.resolve(t);
    return ((performance.now() - start) / 50) * 1000;
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`Build: ${buildMs.toFixed(0)} ms (registry parse, character map from OpenCC's dictionaries, indexes)`);
  console.log(`Throughput, all ${texts.length} sample addresses: ${run(texts)}`);
  console.log(`Throughput, ${typical.length} typical (confidence ≥ 0.7): ${run(typical)}`);
  console.log(`Latency per typical address: median ${at(0.5)} µs, p99 ${at(0.99)} µs`);
  console.log();
}

/** Digits become N so that addresses of one form count together. */
function printShapes(rows: Result[], title: string, top: number) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const shape = `${r.channel}: ${r.res.normalised.replace(/\d+/g, "N") || "(nothing after the prefix)"}${r.res.level === "street" ? " [street only]" : ""}${r.res.evidence.includes("街道外地址") ? " [街道外]" : ""}`;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  console.log(`${top} most frequent shapes ${title} (${rows.length} addresses):`);
  for (const [shape, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(n).padStart(6)}  ${shape}`);
  console.log();
}

main();
