// Files that must not take the process down: a record far over the size limit, a huge file with no newline.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRows } from "./read-file.js";
import { tempDir } from "./test-fixtures.js";
import type { ReadRow } from "./types.js";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `mb` megabytes of `fill` after `prefix` without holding them in memory. */
function writeBig(name: string, prefix: string, mb: number, suffix = ""): string {
  const file = `${dir}/${name}`;
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, prefix);
  const block = Buffer.alloc(3 * 349_525, "长"); // ~1 MB of whole 3-byte characters
  for (let i = 0; i < mb; i++) fs.writeSync(fd, block);
  fs.writeSync(fd, suffix);
  fs.closeSync(fd);
  return file;
}

async function readWatchingMemory(file: string): Promise<{ rows: ReadRow[]; growth: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const rows: ReadRow[] = [];
  for await (const row of readRows(file)) {
    rows.push(row);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const growth = Math.max(peak, process.memoryUsage().rss) - before;
  if (process.env.SHOW_MEMORY) console.log(`${file}: RSS growth ${(growth / 2 ** 20).toFixed(1)} MB`);
  return { rows, growth };
}

describe("readRows on oversized input", () => {
  it("reports a 10 MB line as record_too_large and reads the lines around it", async () => {
    const file = writeBig("xf_long.csv", "编号,日期,方式,信访人,人数,住址,事由,诉求\nX-1,2025-03-05,来信,王小明,1,示例村,占道,恢复\nX-2,", 10, "\nX-3,2025-03-06,来访,李大伟,1,示例村,漏水,维修\n");
    const rows = await readAll(file);
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["X-1", "record_too_large", "X-3"]);
    expect(rows[1].text).toHaveLength(200);
    expect(rows[1].text.startsWith("X-2,长长")).toBe(true);
    expect(rows[1].origin.line).toBe(3);
  });

  it("reads a 50 MB file with no newline in constant memory", async () => {
    const file = writeBig("xf_nonewline.csv", "编号,日期,方式,信访人,人数,住址,事由,诉求\n", 50);
    const { rows, growth } = await readWatchingMemory(file);
    expect(rows.map((r) => r.error?.reason)).toEqual(["record_too_large"]);
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  });

  it("reads a 50 MB JSON array element in constant memory", async () => {
    const file = writeBig("zlf_huge.json", '[{"xfjbh":"Z1","djsj":"d","zyqq":"q"},\n{"xfjbh":"Z2","zyqq":"', 50, '"},\n{"xfjbh":"Z3","djsj":"d","zyqq":"q"}]');
    const { rows, growth } = await readWatchingMemory(file);
    expect(rows.map((r) => r.error?.reason ?? r.fields?.xfjbh)).toEqual(["Z1", "record_too_large", "Z3"]);
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  });
});

async function readAll(file: string): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  for await (const r of readRows(file)) out.push(r);
  return out;
}
