// Cuts one big JSON array (or a run of concatenated JSON objects) into elements without parsing the whole file:
// it tracks strings, escapes and brackets, holds one element at a time, and survives a bad element or a cut-off end.
import { parseObject } from "./jsonl.js";
import { DEFAULT_MAX_RECORD_BYTES, errorRecord, preview, PREVIEW_CHARS, type ReadRecord } from "./types.js";

type Phase = "before" | "between" | "element" | "resync" | "after";

const indexOrEnd = (s: string, ch: string, from: number) => {
  const k = s.indexOf(ch, from);
  return k === -1 ? s.length : k;
};
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

/**
 * `array`: the file is `[ e1, e2, … ]`. `sequence`: whitespace-separated top-level values (a pretty-printed object,
 * or several). After a structural error it resynchronises at the next line that starts with `{`.
 */
export class JsonSplitter {
  private phase: Phase;
  private stack: number[] = [];
  private primitive = false;
  private inString = false;
  private escape = false;
  private parts: string[] = [];
  private partLen = 0;
  private tooLarge = false;
  private head = "";
  private line = 1;
  private elemLine = 1;
  private index = 0;
  private lineStart = true;
  private trailing = false;
  private nextQuote = -1;
  private nextSlash = -1;
  private nextNewline = -1;

  constructor(
    private readonly mode: "array" | "sequence",
    private readonly maxChars = DEFAULT_MAX_RECORD_BYTES,
  ) {
    this.phase = mode === "array" ? "before" : "between";
  }

  push(s: string, out: ReadRecord[]): void {
    this.nextQuote = this.nextSlash = this.nextNewline = -1;
    let from = this.phase === "element" ? 0 : -1;
    let i = 0;
    while (i < s.length) {
      if (this.phase === "element") {
        i = this.scan(s, i, from, out);
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 10) this.line++;
      switch (this.phase) {
        case "between":
          if (isSpace(c) || c === 44) break;
          if (c === 93 && this.mode === "array") this.phase = "after";
          else from = this.begin(c, i);
          break;
        case "before":
          if (isSpace(c)) break;
          if (c === 91) this.phase = "between";
          else {
            out.push(errorRecord(this.line, this.index++, s.slice(i, i + PREVIEW_CHARS), "malformed_row", "文件不是以 [ 开头的 JSON 数组"));
            this.phase = "resync";
            this.lineStart = false;
          }
          break;
        case "resync":
          if (c === 10) this.lineStart = true;
          else if (isSpace(c) || (c === 44 && this.lineStart)) break; // pretty printers may lead with the comma
          else if (this.lineStart && c === 123) from = this.begin(c, i);
          else if (this.lineStart && c === 93 && this.mode === "array") this.phase = "after";
          else this.lineStart = false;
          break;
        case "after":
          if (isSpace(c) || this.trailing) break;
          out.push(errorRecord(this.line, this.index++, s.slice(i, i + PREVIEW_CHARS), "malformed_row", `第 ${this.line} 行：数组结束后还有多余内容，已忽略`));
          this.trailing = true;
          break;
      }
      i++;
    }
    if (this.phase === "element") this.carry(s, from);
  }

  /**
   * The hot loop: runs through one element, with its state in locals. Returns where the outer loop goes on: past
   * the element's last character, or at a primitive's terminator so the outer loop sees it too.
   */
  private scan(s: string, i: number, from: number, out: ReadRecord[]): number {
    const n = s.length;
    const stack = this.stack;
    const primitive = this.primitive;
    let inString = this.inString;
    let escape = this.escape;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === 34) inString = false;
        else if (c === 92) escape = true;
        else if (c === 10) {
          // A raw newline is illegal inside a JSON string: a quote went missing, so this element is lost.
          this.line++;
          this.fail(s, from, i, out, "字符串中有未转义的换行（引号缺失）");
          this.lineStart = true;
          return i + 1;
        } else i = this.skipPlain(s, i) - 1;
      } else if (primitive) {
        if (c === 44 || c === 93 || c === 125 || isSpace(c)) {
          this.complete(s, from, i, out);
          return i;
        }
        if (c === 34) inString = true;
      } else if (c === 34) inString = true;
      else if (c === 123) stack.push(125);
      else if (c === 91) stack.push(93);
      else if (c === 125 || c === 93) {
        if (stack.pop() !== c) {
          this.fail(s, from, i, out, "括号不匹配");
          this.lineStart = false;
          return i + 1;
        }
        if (stack.length === 0) {
          this.complete(s, from, i + 1, out);
          return i + 1;
        }
      } else if (c === 10) this.line++;
    }
    this.inString = inString;
    this.escape = escape;
    return n;
  }

  /**
   * Inside a string, the index of the next quote, backslash or newline (or the chunk's end): string text is most
   * of a file, and native indexOf crosses it far faster than a loop. The positions are kept per chunk, so a
   * one-line array does not rescan its megabyte for every element.
   */
  private skipPlain(s: string, i: number): number {
    if (this.nextQuote < i) this.nextQuote = indexOrEnd(s, '"', i);
    if (this.nextSlash < i) this.nextSlash = indexOrEnd(s, "\\", i);
    if (this.nextNewline < i) this.nextNewline = indexOrEnd(s, "\n", i);
    return Math.min(this.nextQuote, this.nextSlash, this.nextNewline);
  }

  end(out: ReadRecord[]): void {
    if (this.phase === "element" && this.primitive) this.complete("", 0, 0, out);
    if (this.phase === "element") {
      const text = this.tooLarge ? this.head : preview(this.parts.join(""));
      const msg = `文件在第 ${this.line} 行被截断：第 ${this.index + 1} 个元素（自第 ${this.elemLine} 行起）不完整，之前的元素已读取`;
      out.push(errorRecord(this.elemLine, this.index++, text, "truncated_file", msg));
    } else if (this.mode === "array" && (this.phase === "between" || this.phase === "resync")) {
      const msg = `文件在第 ${this.line} 行结束，但数组没有结束（缺少 ]），可能被截断`;
      out.push(errorRecord(this.line, this.index++, "", "truncated_file", msg));
    }
    this.reset();
    this.phase = "after";
  }

  private begin(c: number, i: number): number {
    this.phase = "element";
    this.elemLine = this.line;
    this.primitive = !(c === 123 || c === 91);
    if (c === 34) this.inString = true; // a string element: still an error later, but its quotes must be honoured
    if (!this.primitive) this.stack.push(c === 123 ? 125 : 93);
    return i;
  }

  private carry(s: string, from: number): void {
    if (this.tooLarge) return;
    const len = s.length - from;
    if (this.partLen + len > this.maxChars) {
      this.tooLarge = true;
      this.head = preview(this.parts.join("") + s.slice(from, from + 200));
      this.parts = [];
      this.partLen = 0;
      return;
    }
    this.parts.push(s.slice(from));
    this.partLen += len;
  }

  private complete(s: string, from: number, to: number, out: ReadRecord[]): void {
    const index = this.index++;
    if (this.tooLarge || this.partLen + (to - from) > this.maxChars) {
      const text = this.tooLarge ? this.head : preview(this.parts.join("") + s.slice(from, Math.min(to, from + 200)));
      out.push(errorRecord(this.elemLine, index, text, "record_too_large", `第 ${index + 1} 个元素（第 ${this.elemLine} 行）超过单条记录大小上限，已跳过`));
    } else {
      const text = this.partLen > 0 ? this.parts.join("") + s.slice(from, to) : s.slice(from, to);
      const rec = parseObject(text, this.elemLine, index);
      if (rec.error) rec.error.message = `第 ${index + 1} 个元素（第 ${this.elemLine} 行）不是合法的 JSON 对象`;
      out.push(rec);
    }
    this.reset();
    this.phase = "between";
  }

  private fail(s: string, from: number, to: number, out: ReadRecord[], why: string): void {
    const text = this.tooLarge ? this.head : this.parts.join("") + s.slice(from, to);
    const index = this.index++;
    out.push(errorRecord(this.elemLine, index, text, "malformed_row", `第 ${index + 1} 个元素（第 ${this.elemLine} 行）${why}`));
    this.reset();
    this.phase = "resync";
  }

  private reset(): void {
    this.stack = [];
    this.primitive = false;
    this.inString = false;
    this.escape = false;
    this.parts = [];
    this.partLen = 0;
    this.tooLarge = false;
    this.head = "";
  }
}

export async function* readJsonArray(
  chunks: AsyncIterable<string>,
  mode: "array" | "sequence" = "array",
  maxChars = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<ReadRecord> {
  const splitter = new JsonSplitter(mode, maxChars);
  const out: ReadRecord[] = [];
  for await (const s of chunks) {
    splitter.push(s, out);
    if (out.length) yield* out.splice(0);
  }
  splitter.end(out);
  yield* out;
}
