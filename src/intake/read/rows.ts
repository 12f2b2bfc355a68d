// The pipeline shared by files on disk and uploads held in memory: sniff the head, then cut the bytes into rows
// of the right container, each tagged with its channel and where it came from.
import type { ChannelCode } from "../channels.js";
import type { RawRow } from "../draft.js";
import { CsvReader } from "./csv.js";
import { JsonSplitter } from "./json-array.js";
import { JsonlReader } from "./jsonl.js";
import { decodeChunks, lineBatches } from "./lines.js";
import { sniff } from "./sniff.js";
import { DEFAULT_MAX_RECORD_BYTES, type ReadRecord, type ReadRow, type RowError } from "./types.js";

export interface ReadOptions {
  /** The channel, when the caller knows it; otherwise it is told from the path, then from the content. */
  channel?: ChannelCode;
  maxRecordBytes?: number;
  maxFileBytes?: number;
}

export interface ByteSource {
  /** The file name or path, for the origin of every row and for telling the channel. */
  file?: string;
  size: number;
  /** The first 64 KB (or the whole file when smaller). */
  head: Uint8Array;
  open(): AsyncIterable<Uint8Array>;
}

/** One row standing for the whole file: it was not read (too large, not text, channel unknown). */
export function fileErrorRow(file: string | undefined, channel: ChannelCode | null, error: RowError): ReadRow {
  const origin = { file, index: 0 };
  return channel ? { channel, origin, text: "", fields: null, error } : { channel: null, origin, text: "", fields: null, error };
}

/**
 * Rows a chunk (1 MB) at a time: a consumer that loops over each batch synchronously skips the per-row cost of an
 * async generator, a good part of the time per row. `prepare` opens the source, or answers with the one row that
 * stands for an unreadable file; it runs in here so that callers need no generator of their own around this one.
 */
export async function* rowBatchesFromSource(
  prepare: () => Promise<ByteSource | ReadRow>,
  opts: ReadOptions = {},
): AsyncGenerator<ReadRow[]> {
  const max = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const src = await prepare();
  if (!("open" in src)) {
    yield [src];
    return;
  }
  const s = sniff(src.head, src.size, src.file, opts.channel);
  if (!s.ok) {
    yield [fileErrorRow(src.file, s.channel, s.error)];
    return;
  }
  if (s.container === null) return; // empty or blank: nothing to read
  const { channel } = s;
  const file = src.file;
  const toRow = (r: ReadRecord): RawRow => {
    const row: RawRow = { channel, origin: { file, line: r.line, index: r.index }, text: r.text, fields: r.fields };
    if (r.error) row.error = r.error;
    return row;
  };

  if (s.container === "json-array" || s.container === "json") {
    const splitter = new JsonSplitter(s.container === "json-array" ? "array" : "sequence", max);
    for await (const chunk of decodeChunks(src.open(), s.encoding)) {
      const out: ReadRecord[] = [];
      splitter.push(chunk, out);
      if (out.length) yield out.map(toRow);
    }
    const out: ReadRecord[] = [];
    splitter.end(out);
    if (out.length) yield out.map(toRow);
    return;
  }

  const reader = s.container === "csv" ? new CsvReader(max) : new JsonlReader();
  for await (const lines of lineBatches(src.open(), s.encoding, max)) {
    const out: ReadRecord[] = [];
    for (const l of lines) reader.push(l, out);
    if (out.length) yield out.map(toRow);
  }
  const out: ReadRecord[] = [];
  if (reader instanceof CsvReader) reader.end(out);
  if (out.length) yield out.map(toRow);
}

export async function* flatten(batches: AsyncIterable<ReadRow[]>): AsyncGenerator<ReadRow> {
  for await (const batch of batches) for (const row of batch) yield row;
}
