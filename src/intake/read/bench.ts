// Throughput check for reading + mapping: writes a 200k-row file per container to a temp folder, reads each back
// through readRows and the channel's map, and prints rows/s and the peak RSS. Run: npx tsx src/intake/read/bench.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { FORMATS } from "../formats/index.js";
import { readRowBatches, readRows } from "./read-file.js";
import type { ReadRow } from "./types.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NAMES = ["赵一鸣", "钱二丽", "孙三强", "李四芳", "周五华"];
const pick = (i: number) => NAMES[i % NAMES.length];
const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;

interface Case {
  name: string;
  head: string;
  row: (i: number) => string;
  sep: string;
  tail: string;
  encoding?: "gb18030";
}

const CASES: Case[] = [
  {
    name: "110_bench.csv",
    encoding: "gb18030",
    head: "接警编号,报警时间,报警人,联系电话,身份证号,事发地址,警情类别,报警内容,处警单位,处警民警,处警结果,是否非警务\r\n",
    // One row in ten has a quoted field with commas, as real exports do.
    row: (i) => `B${i},2025-03-05 14:05:00,${pick(i)},${phone(i)},,示例路${i % 300}号,纠纷-邻里纠纷,${i % 10 === 0 ? '"报警人称邻居家装修噪音很大,影响休息,要求处理。"' : "报警人称楼上漏水到其家，要求民警协调。"},示例派出所,民警甲,已调解,是`,
    sep: "\r\n",
    tail: "\r\n",
  },
  {
    name: "xf_bench.csv",
    head: "编号,日期,方式,信访人,人数,住址,事由,诉求\n",
    row: (i) => `X-${i},2025-03-05,来访,${pick(i)},1,示例村${i % 20}组${i % 99}号,信访人反映邻居占用通道。,要求恢复通行。`,
    sep: "\n",
    tail: "\n",
  },
  {
    name: "12345_bench.jsonl",
    head: "",
    row: (i) => JSON.stringify({ gdbh: `G${i}`, slsj: "20250305140500", ldr: pick(i), lxdh: phone(i), sqlx: "投诉", sqbt: "关于噪音扰民的投诉", sqnr: "来电人反映楼下商铺夜间噪音很大，要求处理。", sfdz: `示例路${i % 300}号`, cbdw: "示例局", blsx: 7 }),
    sep: "\n",
    tail: "\n",
  },
  {
    name: "zlf_bench.json",
    head: "[\n",
    row: (i) => JSON.stringify({ xfjbh: `Z${i}`, djsj: "2025-03-05 14:05:00", xfrxm: pick(i), zjhm: "", lxdh: phone(i), wtsd: "示例街道", nrfl: "城乡建设-房屋管理", xfmd: "求决", zyqq: "邻居在通道上砌墙，要求拆除。", xfrs: 1 }),
    sep: ",\n",
    tail: "\n]\n",
  },
];

/** Writes the file in slices, so generating it does not inflate the RSS being measured. */
function write(file: string, c: Case): void {
  const enc = (s: string) => (c.encoding ? iconv.encode(s, c.encoding) : Buffer.from(s));
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, enc(c.head));
  for (let i = 0; i < ROWS; i += 10_000) {
    const part: string[] = [];
    for (let k = i; k < Math.min(i + 10_000, ROWS); k++) part.push(c.row(k));
    fs.writeSync(fd, enc((i > 0 ? c.sep : "") + part.join(c.sep)));
  }
  fs.writeSync(fd, enc(c.tail));
  fs.closeSync(fd);
}

/** CPU seconds of the main thread alone (Linux), so other processes on a shared machine and GC helper threads
 * do not count; elsewhere, the process's CPU time. */
function mainThreadCpu(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
}

async function readAndMap(file: string, batched: boolean): Promise<{ ok: number; bad: number }> {
  let ok = 0;
  let bad = 0;
  const take = (row: ReadRow) => {
    if (row.channel === null || row.error || !row.fields) bad++;
    else if (FORMATS[row.channel].map(row.fields).ok) ok++;
    else bad++;
  };
  if (batched) for await (const batch of readRowBatches(file)) batch.forEach(take);
  else for await (const row of readRows(file)) take(row);
  return { ok, bad };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-bench-"));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    for (const c of CASES) {
      const file = path.join(dir, c.name);
      write(file, c);
      const mb = fs.statSync(file).size / 1e6;
      global.gc?.();
      const base = process.memoryUsage().rss;
      peak = base;
      for (const batched of [false, true]) {
        // Best of several runs: the machine is shared, and the first run also pays for compiling the hot paths.
        let best = { wall: Infinity, cpu: Infinity, ok: 0, bad: 0 };
        for (let run = 0; run < RUNS; run++) {
          const cpu0 = mainThreadCpu();
          const t0 = performance.now();
          const { ok, bad } = await readAndMap(file, batched);
          const wall = (performance.now() - t0) / 1000;
          const cpu = mainThreadCpu() - cpu0;
          best = { wall: Math.min(best.wall, wall), cpu: Math.min(best.cpu, cpu), ok, bad };
        }
        peak = Math.max(peak, process.memoryUsage().rss);
        const n = best.ok + best.bad;
        const fmt = (x: number) => Math.round(x).toLocaleString("en");
        console.log(
          `${c.name.padEnd(18)} ${mb.toFixed(1).padStart(5)} MB ${batched ? "readRowBatches" : "readRows      "} ` +
            `${best.ok} ok ${best.bad} bad  ${best.wall.toFixed(2)} s: ${fmt(n / best.wall)} rows/s (${fmt(n / best.cpu)} rows per main-thread CPU s)  ` +
            `RSS ${(base / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`,
        );
      }
      fs.rmSync(file);
    }
  } finally {
    clearInterval(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
