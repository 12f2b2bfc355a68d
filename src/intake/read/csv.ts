// CSV records with their verbatim text, from physical lines. A quoted field may span lines; a broken row is
// reported and reading goes on from the next line, so one bad row never hides the rows after it.
import { DEFAULT_MAX_RECORD_BYTES, errorRecord, isBlank, type LineRecord, type ReadRecord } from "./types.js";

const QUOTE = 34;
const COMMA = 44;
/** How far a quoted field may run before we call its opening quote a stray one. */
export const MAX_QUOTED_LINES = 200;

/** Splits one complete record; null when it is malformed (an unterminated quote, text after a closing quote). */
export function splitCsvRecord(text: string): string[] | null {
  if (text.indexOf('"') === -1) return text.split(",");
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === n) return fields;
      if (text.charCodeAt(i) !== COMMA) return null;
      i++;
    } else {
      // A quote inside an unquoted field is taken literally, as most exporters mean it.
      const c = text.indexOf(",", i);
      if (c === -1) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, c));
      i = c + 1;
    }
  }
}

/** Whether a record is still inside a quoted field at the end of `text`, given the state it started in. */
function endsInQuotes(text: string, inQuotes: boolean): boolean {
  let fieldStart = !inQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
    } else if (c === COMMA) fieldStart = true;
    else {
      if (c === QUOTE && fieldStart) inQuotes = true;
      fieldStart = false;
    }
  }
  return inQuotes;
}

/** The synchronous core: push lines, get records. The first non-blank line is the header. */
export class CsvReader {
  header: string[] | null = null;
  private open: LineRecord[] = [];
  private openChars = 0;
  private index = 0;

  constructor(private readonly maxChars: number) {}

  push(l: LineRecord, out: ReadRecord[]): void {
    if (this.open.length === 0) {
      this.start(l, out);
      return;
    }
    this.open.push(l);
    this.openChars += l.text.length + 1;
    if (l.tooLarge || this.open.length > MAX_QUOTED_LINES || this.openChars > this.maxChars) {
      this.giveUp(out);
      return;
    }
    if (!endsInQuotes(l.text, true)) this.complete(out);
  }

  end(out: ReadRecord[]): void {
    while (this.open.length > 0) this.giveUp(out);
  }

  private start(l: LineRecord, out: ReadRecord[]): void {
    if (l.tooLarge) {
      out.push(errorRecord(l.line, this.index++, l.text, "record_too_large", `第 ${l.line} 行超过单条记录大小上限，已跳过`));
      return;
    }
    if (isBlank(l.text)) return;
    // Fast path: a line without quotes is a whole record.
    if (l.text.indexOf('"') === -1 || !endsInQuotes(l.text, false)) {
      this.emit([l], out);
      return;
    }
    this.open = [l];
    this.openChars = l.text.length;
  }

  private complete(out: ReadRecord[]): void {
    const lines = this.open;
    this.open = [];
    this.openChars = 0;
    if (!this.emit(lines, out)) this.replay(lines.slice(1), out);
  }

  /** The quote on the first line never closed properly: report that line alone and read on from the next. */
  private giveUp(out: ReadRecord[]): void {
    const [first, ...rest] = this.open;
    this.open = [];
    this.openChars = 0;
    out.push(errorRecord(first.line, this.index++, first.text, "malformed_row", `第 ${first.line} 行引号未闭合`));
    this.replay(rest, out);
  }

  private replay(lines: LineRecord[], out: ReadRecord[]): void {
    for (const l of lines) this.push(l, out);
  }

  /** Emits a record; false when a multi-line record was malformed and only its first line was reported. */
  private emit(lines: LineRecord[], out: ReadRecord[]): boolean {
    const first = lines[0];
    let text = first.text;
    for (let k = 1; k < lines.length; k++) text += (lines[k - 1].eol || "\n") + lines[k].text;
    const values = splitCsvRecord(text);
    if (this.header === null) {
      if (values === null) {
        out.push(errorRecord(first.line, this.index++, first.text, "malformed_row", `第 ${first.line} 行表头无法解析`));
        return lines.length === 1;
      }
      this.header = values.map((v, i) => v.replace(/^\uFEFF/, "").trim() || `列${i + 1}`);
      return true;
    }
    const header = this.header;
    if (values === null || values.length !== header.length) {
      const why = values === null ? "引号格式错误" : `列数不符：应为 ${header.length} 列，实际 ${values.length} 列`;
      out.push(errorRecord(first.line, this.index++, lines.length === 1 ? text : first.text, "malformed_row", `第 ${first.line} 行${why}`));
      return lines.length === 1;
    }
    const fields: Record<string, string> = {};
    for (let k = 0; k < header.length; k++) fields[header[k]] = values[k];
    out.push({ line: first.line, index: this.index++, text, fields });
    return true;
  }
}

export async function* readCsv(lines: AsyncIterable<LineRecord>, maxChars = DEFAULT_MAX_RECORD_BYTES): AsyncGenerator<ReadRecord> {
  const reader = new CsvReader(maxChars);
  const out: ReadRecord[] = [];
  for await (const l of lines) {
    reader.push(l, out);
    if (out.length) yield* out.splice(0);
  }
  reader.end(out);
  yield* out;
}
