// Reads an upload held in memory (the web upload, files up to ~50 MB) through the same pipeline as files on disk.
import { fileErrorRow, flatten, rowBatchesFromSource, type ReadOptions } from "./rows.js";
import { CHUNK_BYTES, DEFAULT_MAX_FILE_BYTES, SNIFF_BYTES, type ReadRow } from "./types.js";
import { detectChannelFromPath } from "../formats/detect.js";

async function* chunks(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += CHUNK_BYTES) yield data.subarray(i, i + CHUNK_BYTES);
}

/** `fileName` is the uploaded file's name: it can tell the channel (`110_202411.csv`) and labels every row. */
export function readBuffer(data: Uint8Array, fileName: string, opts: ReadOptions = {}): AsyncGenerator<ReadRow> {
  return flatten(rowBatchesFromSource(async () => {
    const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (data.length > maxFileBytes) {
      const channel = opts.channel ?? detectChannelFromPath(fileName);
      const message = `文件过大：${data.length} 字节，超过上限 ${maxFileBytes} 字节，未读取`;
      return fileErrorRow(fileName, channel, { reason: "file_too_large", message });
    }
    return { file: fileName, size: data.length, head: data.subarray(0, SNIFF_BYTES), open: () => chunks(data) };
  }, opts));
}
