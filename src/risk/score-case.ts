// Scoring cases: the facts are read from PostgreSQL in three set-based queries (the cases, their current records,
// their parties' other cases), the rules applied (rules.ts), and only what changed is written — with a
// `risk_changed` event on the case's timeline when the colour moves. Runs in the caller's transaction: formation
// scores the cases a batch touched before it commits, and the timeline re-scores a case on the events that matter.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import type { RiskFactor, RiskLevel } from "./levels.js";
import { assessRisk, beijingDay, type RiskAssessment, type RiskReport } from "./rules.js";
import { moneyIn, signalsIn } from "./signals.js";

export interface RiskChange {
  caseId: number;
  from: RiskLevel | null;
  to: RiskLevel;
  score: number;
}

const DAY = 86_400_000;

/**
 * Re-scores these cases as of `now`; returns the cases whose colour changed (a first green does not count).
 * `changedAt` dates a change on the timeline when it is known better than `now`: formation passes the time of the
 * report that brought it (the same moment on the live path; the report's own time when a past year is taken in).
 */
export async function scoreCases(db: Pick<DbOrTx, "execute">, caseIds: readonly number[], now: Date, changedAt?: ReadonlyMap<number, Date>): Promise<RiskChange[]> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return [];
  const { rows: caseRows } = await db.execute<{
    id: number; risk_level: RiskLevel | null; risk_score: number | null; risk_factors: RiskFactor[] | null; recurrence_of_id: number | null;
    status: string; handling_level: string | null; first_reported_at: Date | null; closed_at: Date | null;
  }>(sql`SELECT id, risk_level, risk_score, risk_factors, recurrence_of_id, status, handling_level, first_reported_at, closed_at
           FROM cases WHERE id = ANY(${sql.param(ids)}::int[]) AND merged_into_id IS NULL`);
  if (!caseRows.length) return [];
  const { rows: recordRows } = await db.execute<{
    case_id: number; channel: string; reported_at: Date; narrative_key: string; amount: number | string | null; people_count: number | null; attended: boolean;
  }>(sql`SELECT case_id, channel, reported_at, narrative_key, amount, people_count,
                (channel = '110' AND coalesce(nullif(extra->>'处警结果', ''), nullif(extra->>'处警民警', '')) IS NOT NULL) AS attended
           FROM records WHERE case_id = ANY(${sql.param(ids)}::int[]) AND is_current`);
  const { rows: historyRows } = await db.execute<{ case_id: number; n: number }>(
    sql`SELECT cp.case_id, count(DISTINCT cp2.case_id)::int AS n
          FROM case_parties cp
          JOIN people p ON p.id = cp.person_id AND p.kind = 'person'
          JOIN case_parties cp2 ON cp2.person_id = cp.person_id AND cp2.case_id <> cp.case_id
          JOIN cases c ON c.id = cp.case_id
          JOIN cases c2 ON c2.id = cp2.case_id AND c2.merged_into_id IS NULL
                       AND coalesce(c2.root_case_id, c2.id) <> coalesce(c.root_case_id, c.id)
                       AND c2.first_reported_at BETWEEN c.first_reported_at - interval '365 days' AND c.first_reported_at + interval '365 days'
         WHERE cp.case_id = ANY(${sql.param(ids)}::int[])
         GROUP BY cp.case_id`,
  );
  const reportsByCase = new Map<number, RiskReport[]>();
  for (const r of recordRows) {
    const list = reportsByCase.get(r.case_id) ?? [];
    const at = new Date(r.reported_at);
    const amount = Math.max(Number(r.amount ?? 0), moneyIn(r.narrative_key) ?? 0);
    list.push({ day: beijingDay(at.getTime()), at, channel: r.channel, signals: signalsIn(r.narrative_key, r.people_count), amount: amount || null, policeAttended: r.attended });
    reportsByCase.set(r.case_id, list);
  }
  const history = new Map(historyRows.map((h) => [h.case_id, h.n]));

  const changes: RiskChange[] = [];
  const updates: { id: number; a: RiskAssessment }[] = [];
  for (const c of caseRows) {
    const unresolved = c.handling_level !== null && (c.status === "open" || c.status === "in_progress") && c.first_reported_at !== null;
    const a = assessRisk({
      reports: reportsByCase.get(c.id) ?? [],
      recurrence: c.recurrence_of_id !== null,
      openDays: unresolved ? Math.max(0, Math.floor((now.getTime() - new Date(c.first_reported_at!).getTime()) / DAY)) : 0,
      partyCases: history.get(c.id) ?? 0,
    });
    if (a.level === c.risk_level && a.score === c.risk_score && sameFactors(a.factors, c.risk_factors)) continue;
    updates.push({ id: c.id, a });
    // A first colour of green is no news; every other first colour and every change is on the timeline.
    if (a.level !== c.risk_level && !(c.risk_level === null && a.level === "green")) changes.push({ caseId: c.id, from: c.risk_level, to: a.level, score: a.score });
  }
  if (updates.length) {
    await db.execute(sql`
      UPDATE cases c SET risk_level = u.level, risk_score = u.score, risk_factors = u.factors, risk_scored_at = ${now}
        FROM jsonb_to_recordset(${JSON.stringify(updates.map(({ id, a }) => ({ id, level: a.level, score: a.score, factors: a.factors })))}::jsonb)
             AS u(id int, level text, score real, factors jsonb)
       WHERE c.id = u.id`);
  }
  if (changes.length) {
    const events = changes.map((ch) => ({
      case_id: ch.caseId,
      at: new Date(Math.min(now.getTime(), changedAt?.get(ch.caseId)?.getTime() ?? now.getTime())).toISOString(),
      detail: { from: ch.from, to: ch.to, score: ch.score, factors: updates.find((u) => u.id === ch.caseId)!.a.factors.map((f) => f.label) },
    }));
    await db.execute(sql`
      INSERT INTO case_events (case_id, kind, detail, actor_label, at)
      SELECT e.case_id, 'risk_changed', e.detail, '风险评估', e.at
        FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(case_id int, detail jsonb, at timestamptz)`);
  }
  return changes;
}

function sameFactors(a: RiskFactor[], b: RiskFactor[] | null): boolean {
  return b !== null && JSON.stringify(a) === JSON.stringify(b);
}
