// Cuts a byte stream into decoded lines in bounded memory. An over-long line is reported once and skipped while
// being read, never held whole: a 2 GB export with no newline must not take the process down.
import iconv from "iconv-lite";
import type { Encoding } from "./encoding.js";
import { DEFAULT_MAX_RECORD_BYTES, PREVIEW_CHARS, type LineRecord } from "./types.js";

export type TextEncoding = Exclude<Encoding, "binary">;

interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** A streaming decoder: a multibyte character split across two chunks is kept until its second half arrives. */
export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === "utf8" || encoding === "utf8-bom") {
    const td = new TextDecoder("utf-8"); // strips a leading BOM by default
    return { write: (c) => td.decode(c, { stream: true }), end: () => td.decode() };
  }
  const dec = iconv.getDecoder(encoding === "gb18030" ? "gb18030" : encoding === "utf16le" ? "utf-16le" : "utf-16be");
  let first = true;
  return {
    write: (c) => {
      const s = dec.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      if (first && s.length > 0) {
        first = false;
        return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
      }
      return s;
    },
    end: () => dec.end() ?? "",
  };
}

export async function* decodeChunks(source: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const dec = createDecoder(encoding);
  for await (const chunk of source) {
    const s = dec.write(chunk);
    if (s) yield s;
  }
  const tail = dec.end();
  if (tail) yield tail;
}

/**
 * The synchronous core: feed decoded text, collect finished lines. The limit is counted in decoded characters:
 * every supported encoding spends at least one byte per character, so a line within `maxChars` bytes is never
 * refused, and what is held stays within two bytes per character.
 */
export class LineSplitter {
  private parts: string[] = [];
  private partLen = 0;
  private skipping = false;
  private head = "";
  private line = 1;

  constructor(private readonly maxChars: number) {}

  push(s: string, out: LineRecord[]): void {
    let start = 0;
    for (;;) {
      const nl = s.indexOf("\n", start);
      if (nl === -1) {
        this.carry(s, start);
        return;
      }
      this.finish(s, start, nl, out);
      start = nl + 1;
    }
  }

  end(out: LineRecord[]): void {
    if (this.skipping || this.partLen > 0) this.finish("", 0, 0, out, true);
  }

  private carry(s: string, start: number): void {
    if (start >= s.length || this.skipping) return;
    const len = s.length - start;
    if (this.partLen + len > this.maxChars) {
      this.skipping = true;
      this.head = (this.parts.join("") + s.slice(start, start + PREVIEW_CHARS)).slice(0, PREVIEW_CHARS);
      this.parts = [];
      this.partLen = 0;
      return;
    }
    this.parts.push(s.slice(start));
    this.partLen += len;
  }

  private finish(s: string, start: number, nl: number, out: LineRecord[], atEnd = false): void {
    const line = this.line;
    if (!atEnd) this.line++;
    const eol: LineRecord["eol"] = atEnd ? "" : "\n";
    if (this.skipping || this.partLen + (nl - start) > this.maxChars) {
      const text = this.skipping ? this.head : (this.parts.join("") + s.slice(start, Math.min(nl, start + PREVIEW_CHARS))).slice(0, PREVIEW_CHARS);
      this.reset();
      out.push({ text, line, eol, tooLarge: true });
      return;
    }
    let text = this.partLen > 0 ? this.parts.join("") + s.slice(start, nl) : s.slice(start, nl);
    this.reset();
    if (text.charCodeAt(text.length - 1) === 13) {
      text = text.slice(0, -1);
      out.push({ text, line, eol: atEnd ? "" : "\r\n" });
    } else out.push({ text, line, eol });
  }

  private reset(): void {
    this.parts = [];
    this.partLen = 0;
    this.skipping = false;
    this.head = "";
  }
}

/** Lines in batches, one per chunk read: callers loop synchronously inside a batch, which keeps reading fast. */
export async function* lineBatches(
  source: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<LineRecord[]> {
  const splitter = new LineSplitter(maxRecordBytes);
  for await (const s of decodeChunks(source, encoding)) {
    const out: LineRecord[] = [];
    splitter.push(s, out);
    if (out.length) yield out;
  }
  const out: LineRecord[] = [];
  splitter.end(out);
  if (out.length) yield out;
}

export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
): AsyncGenerator<LineRecord> {
  for await (const batch of lineBatches(source, encoding, maxRecordBytes)) yield* batch;
}
