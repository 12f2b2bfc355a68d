// JSON Lines: one object per line. A line that is not a JSON object is reported with its text; the rest go on.
import { errorRecord, isBlank, type LineRecord, type ReadRecord } from "./types.js";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses one text as a JSON object record; the message names the line. */
export function parseObject(text: string, line: number, index: number): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return errorRecord(line, index, text, "malformed_row", `第 ${line} 行不是合法的 JSON：${(e as Error).message}`);
  }
  if (!isPlainObject(value)) return errorRecord(line, index, text, "malformed_row", `第 ${line} 行不是 JSON 对象`);
  return { line, index, text, fields: value };
}

/** The synchronous core, shared with readRows: blank lines are skipped and take no index. */
export class JsonlReader {
  private index = 0;

  push(l: LineRecord, out: ReadRecord[]): void {
    if (l.tooLarge) {
      out.push(errorRecord(l.line, this.index++, l.text, "record_too_large", `第 ${l.line} 行超过单条记录大小上限，已跳过`));
      return;
    }
    const text = l.text;
    if (isBlank(text)) return;
    out.push(parseObject(text, l.line, this.index++));
  }
}

export async function* readJsonl(lines: AsyncIterable<LineRecord>): AsyncGenerator<ReadRecord> {
  const reader = new JsonlReader();
  const out: ReadRecord[] = [];
  for await (const l of lines) {
    reader.push(l, out);
    if (out.length) yield* out.splice(0);
  }
}
