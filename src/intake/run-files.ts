// Ingesting files and folders: one batch per file, counts per channel, progress as chunks commit.
import fs from "node:fs";
import path from "node:path";
import type { ReadRow } from "./read/types.js";
import { createBatch, finishBatch, ingestRows, addCounts, emptyCounts, type IntakeDeps } from "./ingest.js";
import type { ChannelCode } from "./channels.js";
import { readFolder, readRows } from "./read/read-file.js";
import type { IntakeCounts } from "./schema.js";

export interface FileProgress {
  file: string;
  counts: IntakeCounts;
  total: IntakeCounts;
}

export interface RunSummary {
  files: number;
  byChannel: Map<string, IntakeCounts>;
  total: IntakeCounts;
}

/** Expands paths into files (folders walked in name order), each with the channel its place tells, if any. */
/**
 * Expands paths into files (folders walked in name order), each with the channel its place tells, if any, and the
 * name staff see for it: the path from the delivered folder down (`channels/110/110_202501.csv`), not where it
 * happened to be unpacked.
 */
export async function* expandPaths(paths: string[], channel?: ChannelCode): AsyncGenerator<{ file: string; label: string; channel?: ChannelCode }> {
  for (const p of paths) {
    const st = await fs.promises.stat(p);
    if (st.isDirectory()) {
      const base = path.dirname(path.resolve(p));
      for await (const entry of readFolder(p)) yield { file: entry.file, label: path.relative(base, path.resolve(entry.file)), channel: channel ?? entry.channel };
    } else {
      yield { file: p, label: path.basename(p), channel };
    }
  }
}

async function* labelled(rows: AsyncIterable<ReadRow>, label: string): AsyncGenerator<ReadRow> {
  for await (const row of rows) {
    row.origin.file = label;
    yield row;
  }
}

export async function ingestPaths(
  deps: IntakeDeps,
  paths: string[],
  opts: { channel?: ChannelCode; actorLabel: string; source?: "file" | "demo"; onProgress?: (p: FileProgress) => void },
): Promise<RunSummary> {
  const summary: RunSummary = { files: 0, byChannel: new Map(), total: emptyCounts() };
  for await (const { file, label, channel } of expandPaths(paths, opts.channel)) {
    summary.files++;
    const batchId = await createBatch(deps.db, { source: opts.source ?? "file", channel: channel ?? null, fileName: label, actorLabel: opts.actorLabel });
    let fileCounts = emptyCounts();
    try {
      await ingestRows(deps, batchId, labelled(readRows(file, { channel }), label), {
        onChunk: (_running, outcomes) => {
          for (const o of outcomes) {
            const key = o.channel ?? "?";
            const c = summary.byChannel.get(key) ?? emptyCounts();
            c.read++;
            c[o.status]++;
            summary.byChannel.set(key, c);
          }
          const chunk = outcomes.reduce((c, o) => ((c.read++, c[o.status]++), c), emptyCounts());
          fileCounts = addCounts(fileCounts, chunk);
          summary.total = addCounts(summary.total, chunk);
          opts.onProgress?.({ file, counts: fileCounts, total: summary.total });
        },
      });
      await finishBatch(deps.db, batchId, "done");
    } catch (err) {
      await finishBatch(deps.db, batchId, "failed").catch(() => undefined);
      throw err;
    }
  }
  return summary;
}
