// Chunks on their way to PostgreSQL: each is prepared (on this thread, or on a pool's worker threads a few chunks
// ahead) and committed in the order it was pushed, one transaction at a time, so that a later correction always gets
// the later version. Pushing waits while too many chunks are waiting, so memory stays flat however long the input.
import { commitChunk, prepareChunk, type IntakeActor, type IntakeDeps, type PreparedChunk, type RowOutcome } from "./ingest.js";
import type { PreparePool } from "./prepare-pool.js";
import type { ReadRow } from "./read/types.js";

export interface ChunkPipeline {
  /** Queues one chunk of a batch; `onCommitted` runs when its transaction has committed. */
  push(batchId: number, rows: ReadRow[], onCommitted?: (outcomes: RowOutcome[]) => void): Promise<void>;
  /** Queues work to run after every chunk pushed so far has committed (a batch's closing bookkeeping). */
  after(step: () => Promise<void>): Promise<void>;
  /** Waits for everything queued; rethrows the first failure. After a failure nothing more is committed. */
  drain(): Promise<void>;
}

export function chunkPipeline(deps: IntakeDeps, opts: { pool?: PreparePool; actor?: IntakeActor } = {}): ChunkPipeline {
  const { pool, actor } = opts;
  // Chunks prepared or being prepared but not yet committed, beyond which pushing waits.
  const ahead = pool ? pool.size + 1 : 1;
  const queue: Promise<void>[] = [];

  const enqueue = async (step: (previous: Promise<void>) => Promise<void>) => {
    const done = step(queue.at(-1) ?? Promise.resolve());
    done.catch(() => undefined); // handled: drain() or a later push awaits it and rethrows
    queue.push(done);
    while (queue.length > ahead) await queue.shift();
  };

  return {
    async push(batchId, rows, onCommitted) {
      const now = deps.now?.() ?? new Date();
      let prepared: Promise<PreparedChunk>;
      if (pool) prepared = pool.prepare(rows, now);
      // On this thread: prepared now, while the previous chunk's commit awaits PostgreSQL.
      else prepared = Promise.resolve(prepareChunk(deps, rows, now));
      prepared.catch(() => undefined);
      await enqueue(async (previous) => {
        await previous;
        const outcomes = await commitChunk(deps, batchId, await prepared, actor);
        onCommitted?.(outcomes);
      });
    },
    after(step) {
      return enqueue(async (previous) => {
        await previous;
        await step();
      });
    },
    async drain() {
      while (queue.length) await queue.shift();
    },
  };
}
