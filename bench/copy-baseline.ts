// The physical limit to compare ingest with: the same number of rows, of the same average size, spread over ten
// text columns, streamed by psql's \copy into a bare table (no keys, no indexes) of the same database.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { STORIES } from "./fake.js";

const COLUMNS = 10;

export function findPsql(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v psql"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Writes `rows` tab-separated rows of about `rowBytes` bytes each, in slices. */
export function writeTsv(file: string, rows: number, rowBytes: number): number {
  const pool = STORIES.map((s) => s.text({ other: "王某", amount: 12000, place: "金桥数码城", n: 3 }) + s.demand).join("");
  // Column 1 is a unique id; the other nine share what is left of the row, in UTF-8 (3 bytes a character).
  const charsPerColumn = Math.max(1, Math.round((rowBytes - 12) / 3 / (COLUMNS - 1)));
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  let parts: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = [`R${i}`];
    for (let c = 1; c < COLUMNS; c++) {
      const at = (i * 7 + c * 131) % (pool.length - charsPerColumn);
      cells.push(pool.slice(at, at + charsPerColumn));
    }
    parts.push(cells.join("\t"));
    if (parts.length === 5000 || i === rows - 1) {
      const buf = Buffer.from(parts.join("\n") + "\n", "utf8");
      fs.writeSync(fd, buf);
      bytes += buf.length;
      parts = [];
    }
  }
  fs.closeSync(fd);
  return bytes;
}

/** Times `\copy table FROM file` through psql (connection set-up included, a few milliseconds). */
export async function copyWithPsql(psql: string, url: string, table: string, file: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", `\\copy ${table} FROM '${file}'`], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy failed (${code}): ${out.slice(-500)}`))));
  });
  return (performance.now() - started) / 1000;
}

export const COPY_TABLE_DDL = (table: string) =>
  `CREATE TABLE ${table} (${Array.from({ length: COLUMNS }, (_, i) => `c${i + 1} text`).join(", ")})`;
