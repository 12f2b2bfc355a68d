// Jobs and timers live in PostgreSQL (pg-boss, schema "pgboss", over the app's own pool). An area contributes a
// Sweep: a function that finds what is due and acts on each item idempotently (claiming its row first), run on a
// cron by pg-boss. Running a sweep twice, or on two app processes at once, never does a thing twice.
import PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";

/** What a sweep works with: the database and the cipher (webhook secrets, personal data). */
export interface SweepServices {
  db: Db;
  cipher: Cipher;
}

export interface Sweep {
  /** Queue name, e.g. "deadlines.sweep". */
  name: string;
  /** Cron expression (pg-boss's granularity is one minute). */
  cron: string;
  run: (services: SweepServices, now: Date) => Promise<unknown>;
}

export interface Jobs {
  boss: PgBoss;
  /** Runs a sweep now, outside its schedule (after a change that may have made something due). */
  runNow: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

export interface JobOptions {
  onError?: (err: unknown) => void;
  /** How often a worker looks for a job (pg-boss's default is 2 s; tests use 0.5). */
  pollingIntervalSeconds?: number;
}

export async function startJobs(services: SweepServices, sweeps: Sweep[], opts: JobOptions = {}): Promise<Jobs> {
  const { db } = services;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => db.$client.query(text, values) },
    schema: "pgboss",
    supervise: true,
    schedule: true,
  });
  boss.on("error", (err) => opts.onError?.(err));
  await boss.start();
  for (const s of sweeps) {
    await boss.createQueue(s.name, { name: s.name, policy: "singleton" });
    await boss.schedule(s.name, s.cron, {}, { tz: "Asia/Shanghai" });
    await boss.work(s.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async () => {
      await s.run(services, new Date());
    });
  }
  return {
    boss,
    runNow: async (name) => {
      await boss.send(name, {});
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/** Runs a sweep once, now, in this process (tests; the CLI after an outage). The same idempotent path as the cron. */
export async function sweepOnce(services: SweepServices, sweep: Sweep, now = new Date()): Promise<unknown> {
  return sweep.run(services, now);
}
