// Ingesting files and folders: one batch per file, counts per channel, progress as chunks commit.
import fs from "node:fs";
import path from "node:path";
import type { ReadRow } from "./read/types.js";
import { chunkPipeline } from "./chunk-pipeline.js";
import { addCounts, createBatch, DEFAULT_CHUNK_SIZE, emptyCounts, finishBatch, type IntakeDeps, type RowOutcome } from "./ingest.js";
import { defaultPoolSize, startPreparePool, type PreparePool } from "./prepare-pool.js";
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

/** Below this much input, starting worker threads (a second or so) costs more than it saves. */
const POOL_THRESHOLD_BYTES = 16 * 1024 * 1024;

async function inputBytes(paths: string[], channel?: ChannelCode): Promise<number> {
  let total = 0;
  for await (const { file } of expandPaths(paths, channel)) total += (await fs.promises.stat(file)).size;
  return total;
}

/**
 * Ingests files and folders, one batch per file, in order. `workers`: threads preparing chunks beside this one (0:
 * all on this thread); by default one per core (at most two) for a delivery of 16 MB or more, none below. `pool`: the caller's
 * own pool instead (left open).
 */
export async function ingestPaths(
  deps: IntakeDeps,
  paths: string[],
  opts: { channel?: ChannelCode; actorLabel: string; source?: "file" | "demo"; workers?: number; pool?: PreparePool; onProgress?: (p: FileProgress) => void },
): Promise<RunSummary> {
  if (opts.pool) return ingestEach(deps, paths, opts, opts.pool);
  const workers = opts.workers ?? ((await inputBytes(paths, opts.channel)) >= POOL_THRESHOLD_BYTES ? defaultPoolSize() : 0);
  const pool = workers > 0 ? await startPreparePool(deps.db, deps.cipher, workers) : undefined;
  try {
    return await ingestEach(deps, paths, opts, pool);
  } finally {
    await pool?.close();
  }
}

/**
 * Every file through one pipeline, so that preparing runs ahead across file boundaries (a delivery is often many
 * small files). A file's batch is finished once its last chunk has committed; if anything fails, every batch not
 * finished by then is marked failed.
 */
async function ingestEach(
  deps: IntakeDeps,
  paths: string[],
  opts: { channel?: ChannelCode; actorLabel: string; source?: "file" | "demo"; onProgress?: (p: FileProgress) => void },
  pool: PreparePool | undefined,
): Promise<RunSummary> {
  const summary: RunSummary = { files: 0, byChannel: new Map(), total: emptyCounts() };
  const pipeline = chunkPipeline(deps, { pool });
  const unfinished = new Set<number>();
  try {
    for await (const { file, label, channel } of expandPaths(paths, opts.channel)) {
      summary.files++;
      const batchId = await createBatch(deps.db, { source: opts.source ?? "file", channel: channel ?? null, fileName: label, actorLabel: opts.actorLabel });
      unfinished.add(batchId);
      let fileCounts = emptyCounts();
      const onCommitted = (outcomes: RowOutcome[]) => {
        const chunk = emptyCounts();
        for (const o of outcomes) {
          const key = o.channel ?? "?";
          const c = summary.byChannel.get(key) ?? emptyCounts();
          c.read++;
          c[o.status]++;
          summary.byChannel.set(key, c);
          chunk.read++;
          chunk[o.status]++;
        }
        fileCounts = addCounts(fileCounts, chunk);
        summary.total = addCounts(summary.total, chunk);
        opts.onProgress?.({ file, counts: fileCounts, total: summary.total });
      };
      let chunk: ReadRow[] = [];
      for await (const row of readRows(file, { channel })) {
        row.origin.file = label;
        chunk.push(row);
        if (chunk.length >= DEFAULT_CHUNK_SIZE) {
          await pipeline.push(batchId, chunk, onCommitted);
          chunk = [];
        }
      }
      if (chunk.length) await pipeline.push(batchId, chunk, onCommitted);
      await pipeline.after(async () => {
        await finishBatch(deps.db, batchId, "done");
        unfinished.delete(batchId);
      });
    }
    await pipeline.drain();
  } catch (err) {
    await pipeline.drain().catch(() => undefined);
    for (const batchId of unfinished) await finishBatch(deps.db, batchId, "failed").catch(() => undefined);
    throw err;
  }
  return summary;
}
