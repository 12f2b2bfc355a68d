// Reads a channel file from disk as rows, and walks a delivery folder. Nothing here holds a whole file: files up
// to 2 GB stream through in 1 MB chunks.
import fs from "node:fs";
import path from "node:path";
import type { ChannelCode } from "../channels.js";
import { detectChannelFromPath } from "../formats/detect.js";
import { fileErrorRow, flatten, rowBatchesFromSource, type ReadOptions } from "./rows.js";
import { CHUNK_BYTES, DEFAULT_MAX_FILE_BYTES, SNIFF_BYTES, type ReadRow } from "./types.js";

export type { ReadOptions } from "./rows.js";

async function readHead(file: string, size: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The rows of a channel file, one by one. */
export function readRows(file: string, opts: ReadOptions = {}): AsyncGenerator<ReadRow> {
  return flatten(readRowBatches(file, opts));
}

/** The same rows, a chunk's worth at a time, for consumers that want every row per second (bulk import). */
export function readRowBatches(file: string, opts: ReadOptions = {}): AsyncGenerator<ReadRow[]> {
  return rowBatchesFromSource(async () => {
    const stat = await fs.promises.stat(file);
    const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const channel = opts.channel ?? detectChannelFromPath(file);
    if (!stat.isFile()) return fileErrorRow(file, channel, { reason: "unsupported_file", message: "不是普通文件（可能是文件夹）" });
    if (stat.size > maxFileBytes) {
      const message = `文件过大：${stat.size} 字节，超过上限 ${maxFileBytes} 字节，未读取`;
      return fileErrorRow(file, channel, { reason: "file_too_large", message });
    }
    const head = await readHead(file, stat.size);
    return { file, size: stat.size, head, open: () => fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }) };
  }, opts);
}

export interface FolderEntry {
  file: string;
  channel?: ChannelCode;
}

/**
 * The files of a delivery folder, depth first, sorted by name (monthly files then come in delivery order), with
 * the channel their place tells: `channels/<code>/…`, `<code>/…` or `<code>_….csv`. Hidden files and symlinked
 * folders are skipped.
 */
export async function* readFolder(root: string): AsyncGenerator<FolderEntry> {
  const rootAbs = path.resolve(root);
  async function* walk(dir: string): AsyncGenerator<FolderEntry> {
    const entries = (await fs.promises.readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) yield* walk(full);
      else if (e.isFile()) {
        const channel = detectChannelFromPath(full, rootAbs);
        yield channel ? { file: full, channel } : { file: full };
      }
    }
  }
  yield* walk(rootAbs);
}
