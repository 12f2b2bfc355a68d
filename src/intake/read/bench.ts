// Throughput check for reading + mapping: writes a 200k-row file per container to a temp folder, reads each back
// through readRows and the channel's map, and prints rows/s and the peak RSS. Run: npx tsx src/intake/read/bench.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { FORMATS } from "../formats/index.js";
import { readRows } from "./read-file.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const NAMES = ["赵一鸣", "钱二丽", "孙三强", "李四芳", "周五华"];
const pick = (i: number) => NAMES[i % NAMES.length];
const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;

function gen110(): Buffer {
  const lines = ["接警编号,报警时间,报警人,联系电话,身份证号,事发地址,警情类别,报警内容,处警单位,处警民警,处警结果,是否非警务"];
  for (let i = 0; i < ROWS; i++) {
    const story = i % 10 === 0 ? `"报警人称邻居家装修噪音很大,影响休息,要求处理。"` : "报警人称楼上漏水到其家，要求民警协调。";
    lines.push(`B${i},2025-03-05 14:05:00,${pick(i)},${phone(i)},,示例路${i % 300}号,纠纷-邻里纠纷,${story},示例派出所,民警甲,已调解,是`);
  }
  return iconv.encode(lines.join("\r\n") + "\r\n", "gb18030");
}

function genXf(): Buffer {
  const lines = ["编号,日期,方式,信访人,人数,住址,事由,诉求"];
  for (let i = 0; i < ROWS; i++) lines.push(`X-${i},2025-03-05,来访,${pick(i)},1,示例村${i % 20}组${i % 99}号,信访人反映邻居占用通道。,要求恢复通行。`);
  return Buffer.from(lines.join("\n") + "\n");
}

function gen12345(): Buffer {
  const out: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    out.push(JSON.stringify({ gdbh: `G${i}`, slsj: "20250305140500", ldr: pick(i), lxdh: phone(i), sqlx: "投诉", sqbt: "关于噪音扰民的投诉", sqnr: "来电人反映楼下商铺夜间噪音很大，要求处理。", sfdz: `示例路${i % 300}号`, cbdw: "示例局", blsx: 7 }));
  }
  return Buffer.from(out.join("\n") + "\n");
}

function genZlf(): Buffer {
  const out: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    out.push(JSON.stringify({ xfjbh: `Z${i}`, djsj: "2025-03-05 14:05:00", xfrxm: pick(i), zjhm: "", lxdh: phone(i), wtsd: "示例街道", nrfl: "城乡建设-房屋管理", xfmd: "求决", zyqq: "邻居在通道上砌墙，要求拆除。", xfrs: 1 }));
  }
  return Buffer.from("[\n" + out.join(",\n") + "\n]\n");
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-bench-"));
  const cases: Array<[string, () => Buffer]> = [
    ["110_bench.csv", gen110],
    ["xf_bench.csv", genXf],
    ["12345_bench.jsonl", gen12345],
    ["zlf_bench.json", genZlf],
  ];
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    for (const [name, gen] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, gen());
      const mb = fs.statSync(file).size / 1e6;
      const t0 = performance.now();
      let ok = 0;
      let bad = 0;
      for await (const row of readRows(file)) {
        if (row.channel === null || row.error || !row.fields) bad++;
        else if (FORMATS[row.channel].map(row.fields).ok) ok++;
        else bad++;
      }
      const s = (performance.now() - t0) / 1000;
      peak = Math.max(peak, process.memoryUsage().rss);
      const rate = Math.round((ok + bad) / s).toLocaleString("en");
      console.log(`${name.padEnd(18)} ${mb.toFixed(1)} MB  ${ok} ok ${bad} bad  ${s.toFixed(2)} s  ${rate} rows/s  peak RSS ${(peak / 1e6).toFixed(0)} MB`);
      fs.rmSync(file);
    }
  } finally {
    clearInterval(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
