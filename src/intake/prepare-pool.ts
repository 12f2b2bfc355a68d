// The CPU half of intake (map, standardise, hash, encrypt) on worker threads, so that a large delivery uses more
// than one core: the main thread reads the files and commits chunks in order, the workers prepare the next ones.
// Each worker builds its own resolver and cipher from plain data; nothing it holds is shared.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { Db } from "../db/client.js";
import { cipherKey, type Cipher } from "../personal-data/cipher.js";
import { loadPrepareData, type PrepareData } from "./deps.js";
import type { PreparedChunk } from "./ingest.js";
import type { ReadRow } from "./read/types.js";

export interface PreparePool {
  readonly size: number;
  prepare(rows: ReadRow[], now: Date): Promise<PreparedChunk>;
  close(): Promise<void>;
}

export interface WorkerSetup extends PrepareData {
  key: Buffer;
}

export type WorkerRequest = { id: number; rows: ReadRow[]; now: number };
export type WorkerReply = { id: number; chunk: PreparedChunk } | { id: number; error: { message: string; stack?: string } };

// A worker thread cannot load TypeScript by itself: the boot file registers tsx in it first.
const BOOT = new URL("./prepare-worker-boot.mjs", import.meta.url);
const ENTRY = new URL("./prepare-worker.ts", import.meta.url).href;
/** Young-generation room per worker: a chunk's short-lived strings die there instead of being copied out. */
const YOUNG_GENERATION_MB = 32;

/**
 * Workers worth starting on this machine: one per core, at most `limit`. Each costs about 150–200 MB (its own heap,
 * resolver and chunks in hand); two keep a run under 1 GB, so more than two must be asked for (--workers).
 */
export function defaultPoolSize(limit = 2): number {
  return Math.max(1, Math.min(limit, os.availableParallelism()));
}

/** A Buffer crosses threads as a plain Uint8Array: wrapped again, without copying. */
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

function asBuffers(chunk: PreparedChunk): PreparedChunk {
  const { raw, records, people } = chunk.rows;
  return { ...chunk, rows: { raw: asBuffer(raw), records: asBuffer(records), people: asBuffer(people) } };
}

export async function startPreparePool(db: Db, cipher: Cipher, size = defaultPoolSize()): Promise<PreparePool> {
  return startPoolWith({ key: cipherKey(cipher), ...(await loadPrepareData(db)) }, size);
}

export async function startPoolWith(setup: WorkerSetup, size: number): Promise<PreparePool> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a prepare pool needs at least one worker, not ${size}`);
  const waiting = new Map<number, { resolve: (c: PreparedChunk) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const backlog: { request: WorkerRequest; resolve: (c: PreparedChunk) => void; reject: (e: Error) => void }[] = [];
  let nextId = 1;
  let failure: Error | undefined;

  const dispatch = (worker: Worker) => {
    const job = backlog.shift();
    if (!job) return idle.push(worker);
    waiting.set(job.request.id, { resolve: job.resolve, reject: job.reject });
    worker.postMessage(job.request);
  };
  const fail = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
    for (const j of backlog.splice(0)) j.reject(failure);
  };

  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let k = 0; k < size; k++) {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, setup }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    workers.push(worker);
    ready.push(
      new Promise<void>((resolve, reject) => {
        const onReady = (m: unknown) => {
          if (m && typeof m === "object" && "ready" in m) {
            worker.off("message", onReady);
            worker.off("error", reject);
            resolve();
          }
        };
        worker.on("message", onReady);
        worker.once("error", reject);
      }),
    );
    worker.on("message", (reply: WorkerReply | { ready: true }) => {
      if ("ready" in reply) return;
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      if ("error" in reply) pending.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      else pending.resolve(asBuffers(reply.chunk));
      dispatch(worker);
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`an intake worker thread stopped with code ${code}`));
    });
  }
  try {
    await Promise.all(ready);
  } catch (err) {
    // One could not start: none is left running (a live worker would keep the process from ending).
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  idle.push(...workers);

  return {
    size,
    prepare(rows, now) {
      if (failure) return Promise.reject(failure);
      return new Promise<PreparedChunk>((resolve, reject) => {
        backlog.push({ request: { id: nextId++, rows, now: now.getTime() }, resolve, reject });
        const worker = idle.shift();
        if (worker) dispatch(worker);
      });
    },
    async close() {
      failure ??= new Error("the intake worker pool is closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
