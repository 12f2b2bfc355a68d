// Where an ingest run spends its time, measured from outside the pipeline: the deps handed to ingestPaths are
// wrapped so that every pool checkout, query, hash, encryption and address lookup is timed. ingestChunk does its
// CPU work (read, map, standardise) before it checks out a client and its writes after, so the run's wall time
// splits into transactions (checkout → release), batch bookkeeping queries, and the rest: that CPU work.
import type pg from "pg";
import type { Db } from "../src/db/client.js";
import type { IntakeDeps } from "../src/intake/ingest.js";

export interface StageTimes {
  chunks: number;
  queries: number;
  /** Checkout → release of the chunk's client. */
  transactionMs: number;
  /** Awaiting PostgreSQL inside transactions (the driver's serialising included). */
  queryMs: number;
  /** createBatch / finishBatch: pool queries outside chunk transactions. */
  bookkeepingMs: number;
  resolveMs: number;
  hashOutsideTxMs: number;
  hashInsideTxMs: number;
  encryptMs: number;
  /** Awaiting PostgreSQL per kind of statement (its first words), inside transactions. */
  byStatement: Map<string, { ms: number; count: number }>;
}

export function emptyStageTimes(): StageTimes {
  return { chunks: 0, queries: 0, transactionMs: 0, queryMs: 0, bookkeepingMs: 0, resolveMs: 0, hashOutsideTxMs: 0, hashInsideTxMs: 0, encryptMs: 0, byStatement: new Map() };
}

/** The same deps, timed into `t`. Only what ingestPaths touches is wrapped ($client.query/connect, cipher, resolver). */
export function timedDeps(deps: IntakeDeps, t: StageTimes): IntakeDeps {
  const pool = deps.db.$client;
  let inTx = false;

  const record = (query: unknown, ms: number) => {
    t.queryMs += ms;
    t.queries++;
    const key = statementKind(query);
    const entry = t.byStatement.get(key) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count++;
    t.byStatement.set(key, entry);
  };

  const client = {
    query: (async (...args: Parameters<pg.Pool["query"]>) => {
      const s = performance.now();
      try {
        return await (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        t.bookkeepingMs += performance.now() - s;
      }
    }) as unknown as pg.Pool["query"],
    connect: async () => {
      const checkout = performance.now();
      inTx = true;
      const c = await pool.connect();
      return {
        query: async (...args: unknown[]) => {
          const s = performance.now();
          const q = args[0] as { callback?: (err: Error | null) => void } | undefined;
          if (typeof q?.callback === "function") {
            // A submittable that settles through its callback (intake's COPY): timed until it settles.
            const done = q.callback;
            q.callback = (err) => {
              record(args[0], performance.now() - s);
              done(err);
            };
            return (c.query as (...a: unknown[]) => unknown)(...args);
          }
          try {
            return await (c.query as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            record(args[0], performance.now() - s);
          }
        },
        release: (err?: Error | boolean) => {
          c.release(err);
          inTx = false;
          t.transactionMs += performance.now() - checkout;
          t.chunks++;
        },
      } as unknown as pg.PoolClient;
    },
  };
  // Only $client is read from db on this path; the rest of the drizzle handle stays reachable through the prototype.
  const db = Object.assign(Object.create(deps.db) as Db, { $client: client as unknown as pg.Pool });

  const timed = <A extends unknown[], R>(fn: (...a: A) => R, add: (ms: number) => void) => (...a: A): R => {
    const s = performance.now();
    try {
      return fn(...a);
    } finally {
      add(performance.now() - s);
    }
  };
  const cipher = {
    encrypt: timed((s: string) => deps.cipher.encrypt(s), (ms) => (t.encryptMs += ms)),
    decrypt: (s: string) => deps.cipher.decrypt(s),
    hash: timed((s: string) => deps.cipher.hash(s), (ms) => (inTx ? (t.hashInsideTxMs += ms) : (t.hashOutsideTxMs += ms))),
  };
  return {
    ...deps,
    db,
    cipher,
    resolveAddress: timed(deps.resolveAddress, (ms) => (t.resolveMs += ms)),
  };
}

/** "INSERT INTO records", "SELECT pg_advisory_xact_lock", "COMMIT" …: enough words to tell the statements apart. */
function statementKind(query: unknown): string {
  const text = typeof query === "string" ? query : ((query as { text?: string })?.text ?? "?");
  return text.replace(/\s+/g, " ").trim().split(" ").slice(0, 3).join(" ").replace(/\(.*$/, "");
}
