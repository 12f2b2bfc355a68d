// Helpers for the readers' tests: temp folders and invented rows written in each channel's own format.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import type { ReadRow } from "./types.js";

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tongban-read-"));
}

/** One CSV line, quoting a value only when it needs it, as the exporters do. */
export function csvLine(values: Array<string | number>): string {
  return values
    .map((v) => {
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}

export function csvText(header: string[], rows: Array<Array<string | number>>, eol = "\r\n"): string {
  return [header, ...rows].map(csvLine).join(eol) + eol;
}

export function writeFile(dir: string, rel: string, data: string | Uint8Array, encoding?: "gb18030" | "utf8-bom" | "utf16le"): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let bytes: Uint8Array;
  if (typeof data !== "string") bytes = data;
  else if (encoding === "gb18030") bytes = iconv.encode(data, "gb18030");
  else if (encoding === "utf8-bom") bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(data)]);
  else if (encoding === "utf16le") bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(data, "utf-16le")]);
  else bytes = Buffer.from(data);
  fs.writeFileSync(file, bytes);
  return file;
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A byte source that delivers `data` in pieces of `size` bytes, to split characters across chunks. */
export async function* inPieces(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

export function errors(rows: ReadRow[]) {
  return rows.filter((r) => r.error).map((r) => ({ reason: r.error!.reason, line: r.origin.line, text: r.text }));
}
