// The live path: after intake commits, records are formed into cases in the background. The state that matters
// (records without a case) is in PostgreSQL, so a sweep at start and every minute picks up anything a crash left.
import type { Db } from "../../db/client.js";
import { loadClassifier } from "../classify-case.js";
import { formationDeps, formPendingCases } from "./form-pending.js";
import type { FormationDeps } from "./form-record.js";

export interface CaseFormer {
  /** Asks for a sweep soon; calls while one runs coalesce into one more sweep. */
  trigger(): void;
  /** Resolves when no sweep is running or pending (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function startCaseFormer(
  db: Db,
  opts: { intervalMs?: number; onError?: (err: unknown) => void; /** Runs after each sweep: new cases are routed at once. */ afterSweep?: () => Promise<unknown> } = {},
): CaseFormer {
  let deps: Promise<FormationDeps> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const sweep = async () => {
    deps ??= loadClassifier().then((classify) => formationDeps(db, classify));
    await formPendingCases(db, await deps);
    await opts.afterSweep?.();
  };
  const trigger = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sweep()
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  const timer = setInterval(trigger, opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    trigger,
    idle: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
