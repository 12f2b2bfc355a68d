// Case formation for every record that has none yet, oldest report first, one former at a time (advisory lock),
// in transactions of a few hundred records. Safe to run after any intake and again after a crash: it picks up
// exactly the records still without a case.
import { drizzle } from "drizzle-orm/node-postgres";
import type { Db } from "../../db/client.js";
import { scoreCases } from "../../risk/score-case.js";
import { transferNonPolice } from "../../transfers/transfer-records.js";
import { formRecord, type Decision, type FormationDeps, type RecordRow } from "./form-record.js";
import { loadTreeIndex } from "./tree.js";
import { possibleNames } from "./references.js";

const LOCK = 7402;

export interface FormationSummary {
  records: number;
  newCases: number;
  joined: number;
  recurrences: number;
  corrections: number;
  /** Milliseconds per record. */
  timings: number[];
}

export async function formationDeps(db: Db, classify?: FormationDeps["classify"]): Promise<FormationDeps> {
  possibleNames(""); // loads jieba's dictionary now rather than during the first record
  return { tree: await loadTreeIndex(db.$client), classify };
}

export async function formPendingCases(db: Db, deps: FormationDeps, opts: { batch?: number; onProgress?: (s: FormationSummary) => void } = {}): Promise<FormationSummary> {
  const summary: FormationSummary = { records: 0, newCases: 0, joined: 0, recurrences: 0, corrections: 0, timings: [] };
  const batch = opts.batch ?? 200;
  for (;;) {
    const client = await db.$client.connect();
    let done = 0;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
      const { rows } = await client.query<RecordRow>(
        `SELECT id, channel, external_id, version, reported_at, narrative, narrative_key, region_node_id, category_words, address_text
           FROM records WHERE case_id IS NULL AND is_current ORDER BY reported_at, id LIMIT $1`,
        [batch],
      );
      /** The cases this batch touched, with the time of the latest report each received. */
      const touched = new Map<number, Date>();
      for (const r of rows) {
        const started = performance.now();
        const d: Decision = await formRecord(client, deps, { ...r, id: Number(r.id) });
        summary.timings.push(performance.now() - started);
        const latest = touched.get(d.caseId);
        if (!latest || r.reported_at > latest) touched.set(d.caseId, r.reported_at);
        summary.records++;
        if (d.decision === "new_case") summary.newCases++;
        else if (d.decision === "joined") summary.joined++;
        else if (d.decision === "recurrence") summary.recurrences++;
        else summary.corrections++;
      }
      // The cases this batch touched are re-scored before it commits: risk follows every record at once.
      const tx = drizzle(client);
      await transferNonPolice(tx, rows.map((r) => Number(r.id)), new Date());
      await scoreCases(tx, [...touched.keys()], new Date(), touched);
      await client.query("COMMIT");
      done = rows.length;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    opts.onProgress?.(summary);
    if (done < batch) return summary;
  }
}
