// Risk changes with time too: an open case grows "久拖未决" by the month. Once a day the open cases are re-scored.
import { sql } from "drizzle-orm";
import type { Sweep, SweepServices } from "../jobs/boss.js";
import { scoreCases } from "./score-case.js";

export async function rescoreOpenCases(services: SweepServices, now = new Date()): Promise<number> {
  let changed = 0;
  let after = 0;
  for (;;) {
    const { rows } = await services.db.execute<{ id: number }>(sql`
      SELECT id FROM cases WHERE id > ${after} AND merged_into_id IS NULL AND status IN ('open', 'in_progress') AND handling_level IS NOT NULL
       ORDER BY id LIMIT 500`);
    if (!rows.length) return changed;
    await services.db.transaction(async (tx) => {
      changed += (await scoreCases(tx, rows.map((r) => r.id), now)).length;
    });
    after = rows[rows.length - 1].id;
  }
}

export const riskRescoreSweep: Sweep = { name: "risk.rescore-open", cron: "17 2 * * *", run: (services, now) => rescoreOpenCases(services, now) };
