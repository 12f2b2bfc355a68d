// Jobs and timers live in PostgreSQL (pg-boss, schema "pgboss", over the app's own pool). An area contributes a
// Sweep: a function that finds what is due and acts on each item idempotently (claiming its row first), run on a
// cron by pg-boss. Running a sweep twice, or on two app processes at once, never does a thing twice.
import PgBoss from "pg-boss";
import type { Db } from "../db/client.js";

export interface Sweep {
  /** Queue name, e.g. "deadlines.sweep". */
  name: string;
  /** Cron expression (pg-boss's granularity is one minute). */
  cron: string;
  run: (db: Db, now: Date) => Promise<unknown>;
}

export interface Jobs {
  boss: PgBoss;
  /** Runs a sweep now, outside its schedule (after a change that may have made something due). */
  runNow: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

export async function startJobs(db: Db, sweeps: Sweep[], opts: { onError?: (err: unknown) => void } = {}): Promise<Jobs> {
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
    await boss.work(s.name, async () => {
      await s.run(db, new Date());
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
