// The key index (关键指数): every figure's name, definition and SQL, in this one place (docs/KEY-INDEX.md explains
// them). No database imports: the web app reads the names and definitions from here too.
//
// Each formula is a "facts" query: one row per fact (case_id, num, den) for the period in the one-row CTE
// `p (from_at, to_at)`. compute.ts keeps the facts of the cases the account may see, groups them by community, grid,
// unit or mediator through the fact's case, and sums them:
//   count    value = Σnum
//   rate     value = 100 × Σnum / Σden  (null when Σden = 0), in per cent
//   average  value = Σnum / Σden        (null when Σden = 0)
// The same query runs for the period and for the same dates one year earlier; the change is value − last year's
// value, and in per cent (value − last) / last × 100 (null when last year's value is 0 or null).

export const KEY_INDEX_KEYS = [
  "received",
  "resolution_rate",
  "on_time_rate",
  "recurrence_rate",
  "repeat_call_rate",
  "satisfaction_rate",
  "satisfaction_score",
  "red_open",
  "red_received",
  "warnings_open",
  "avg_handling_days",
  "transfers",
] as const;
export type KeyIndexKey = (typeof KEY_INDEX_KEYS)[number];

export type KeyIndexKind = "count" | "rate" | "average";
/** Which way is good: the arrows are green when the figure moves that way, red the other; neutral is grey. */
export type Better = "higher" | "lower" | "neutral";

export interface KeyIndexFormula {
  key: KeyIndexKey;
  name: string;
  kind: KeyIndexKind;
  better: Better;
  /** Decimal places shown. */
  digits: number;
  /** Unit shown after the value. */
  suffix: string;
  definition: string;
  /** What the drill-down lists: the cases of the facts with num > 0. */
  drill: string;
  /** One row per fact: case_id, num, den. May use the CTEs p, closures and answers below. */
  facts: string;
}

/** When a case counts as received: its first report, or when it was opened if it has no record. */
const RECEIVED_AT = "COALESCE(c.first_reported_at, c.opened_at)";
const RECEIVED_IN_PERIOD = `${RECEIVED_AT} >= p.from_at AND ${RECEIVED_AT} < p.to_at`;

/**
 * Shared CTEs the facts use.
 *   events   – the timeline events the formulas read (closed, reopened, satisfaction_recorded), scanned once.
 *   closures – each case closed in the period, with its first closure in the period: a 'closed' event on its
 *              timeline, or cases.closed_at (a case closed, reopened and closed again counts once, from the first).
 *   answers  – satisfaction answers given in the period: done follow-up visits with a satisfaction score
 *              (1–5; 4 or 5 is satisfied), and 'satisfaction_recorded' events (detail.satisfied, detail.score) that
 *              are not the echo of a visit (no detail.visitId).
 */
export const SHARED_CTES = `
  events AS MATERIALIZED (
    SELECT e.case_id, e.kind, e.at, e.detail FROM case_events e WHERE e.kind IN ('closed', 'reopened', 'satisfaction_recorded')
  ),
  closures AS (
    SELECT case_id, min(at) AS closed_at FROM (
      SELECT e.case_id, e.at FROM events e CROSS JOIN p WHERE e.kind = 'closed' AND e.at >= p.from_at AND e.at < p.to_at
      UNION ALL
      SELECT c.id, c.closed_at FROM cases c CROSS JOIN p WHERE c.closed_at >= p.from_at AND c.closed_at < p.to_at
    ) x GROUP BY case_id
  ),
  answers AS (
    SELECT v.case_id, v.satisfaction >= 4 AS satisfied, v.satisfaction::float8 AS score
      FROM follow_up_visits v CROSS JOIN p
     WHERE v.status = 'done' AND v.satisfaction IS NOT NULL AND v.done_at >= p.from_at AND v.done_at < p.to_at
    UNION ALL
    SELECT e.case_id,
           CASE WHEN jsonb_typeof(e.detail->'satisfied') = 'boolean' THEN (e.detail->>'satisfied')::boolean END,
           CASE WHEN jsonb_typeof(e.detail->'score') = 'number' THEN (e.detail->>'score')::float8 END
      FROM events e CROSS JOIN p
     WHERE e.kind = 'satisfaction_recorded' AND NOT (e.detail ? 'visitId') AND e.at >= p.from_at AND e.at < p.to_at
  )`;

export const KEY_INDEX_FORMULAS: readonly KeyIndexFormula[] = [
  {
    key: "received",
    name: "受理案件数",
    kind: "count",
    better: "lower",
    digits: 0,
    suffix: "件",
    definition: "期内首次反映（无记录的按立案时间）的案件数，不含已被合并的案件。",
    drill: "期内受理的案件",
    facts: `SELECT c.id AS case_id, 1 AS num, 1 AS den FROM cases c CROSS JOIN p WHERE ${RECEIVED_IN_PERIOD}`,
  },
  {
    key: "resolution_rate",
    name: "化解率",
    kind: "rate",
    better: "higher",
    digits: 1,
    suffix: "%",
    definition:
      "期内受理的案件中，到期末已化解或已办结的比例：现状态为已化解/已办结，且办结时间（或首次办结事件时间）早于期末。",
    drill: "期内受理且期末前已化解的案件",
    facts: `SELECT c.id AS case_id,
                   CASE WHEN c.status IN ('resolved', 'closed')
                         AND COALESCE(c.closed_at, (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'resolved')) < p.to_at
                        THEN 1 ELSE 0 END AS num,
                   1 AS den
              FROM cases c CROSS JOIN p WHERE ${RECEIVED_IN_PERIOD}`,
  },
  {
    key: "on_time_rate",
    name: "按期办结率",
    kind: "rate",
    better: "higher",
    digits: 1,
    suffix: "%",
    definition:
      "期内办结的主办任务中，按期办结的比例：办结时间不晚于办理阶段时限（含批准的延期）；没有办理时限的，按办结事件记录的是否按期；都没有的视为按期。",
    drill: "期内按期办结的案件",
    facts: `SELECT t.case_id,
                   CASE WHEN COALESCE(t.resolved_at <= d.due_at,
                                      (SELECT (e.detail->>'onTime')::boolean FROM case_events e
                                        WHERE e.case_id = t.case_id AND e.task_id = t.id AND e.kind = 'resolved'
                                          AND jsonb_typeof(e.detail->'onTime') = 'boolean'
                                        ORDER BY e.at DESC LIMIT 1),
                                      true)
                        THEN 1 ELSE 0 END AS num,
                   1 AS den
              FROM tasks t CROSS JOIN p
              LEFT JOIN task_deadlines d ON d.task_id = t.id AND d.stage = 'handle'
             WHERE t.role = 'lead' AND t.resolved_at >= p.from_at AND t.resolved_at < p.to_at`,
  },
  {
    key: "recurrence_rate",
    name: "复发率",
    kind: "rate",
    better: "lower",
    digits: 1,
    suffix: "%",
    definition: "期内办结的案件中，办结后 90 天内复发的比例：另立了复发案件（recurrence_of_id 指向它），或案件被重新办理（reopened）。",
    drill: "期内办结后 90 天内复发的案件",
    facts: `SELECT k.case_id, (count(x.at) > 0)::int AS num, 1 AS den
              FROM closures k
              LEFT JOIN (
                SELECT r.recurrence_of_id AS case_id, COALESCE(r.first_reported_at, r.opened_at) AS at
                  FROM cases r WHERE r.recurrence_of_id IS NOT NULL AND r.merged_into_id IS NULL
                UNION ALL
                SELECT e.case_id, e.at FROM events e WHERE e.kind = 'reopened'
              ) x ON x.case_id = k.case_id AND x.at >= k.closed_at AND x.at < k.closed_at + interval '90 days'
             GROUP BY k.case_id`,
  },
  {
    key: "repeat_call_rate",
    name: "重复警情率",
    kind: "rate",
    better: "lower",
    digits: 1,
    suffix: "%",
    definition: "期内 110 警情中，同一案件在此前 30 天内已有 110 警情的比例（重复报警数 ÷ 110 警情数）。",
    drill: "期内有重复警情的案件",
    facts: `SELECT r.case_id,
                   CASE WHEN EXISTS (SELECT 1 FROM records q
                                      WHERE q.case_id = r.case_id AND q.channel = '110' AND q.is_current AND q.id <> r.id
                                        AND q.reported_at < r.reported_at AND q.reported_at >= r.reported_at - interval '30 days')
                        THEN 1 ELSE 0 END AS num,
                   1 AS den
              FROM records r CROSS JOIN p
             WHERE r.channel = '110' AND r.is_current AND r.case_id IS NOT NULL
               AND r.reported_at >= p.from_at AND r.reported_at < p.to_at`,
  },
  {
    key: "satisfaction_rate",
    name: "满意率",
    kind: "rate",
    better: "higher",
    digits: 1,
    suffix: "%",
    definition: "期内回访与满意度登记中表示满意的比例（回访满意度 1–5 分，4 分及以上为满意）。",
    drill: "期内表示满意的案件",
    facts: `SELECT case_id, satisfied::int AS num, 1 AS den FROM answers WHERE satisfied IS NOT NULL`,
  },
  {
    key: "satisfaction_score",
    name: "满意度均分",
    kind: "average",
    better: "higher",
    digits: 2,
    suffix: "分",
    definition: "期内回访与满意度登记的平均分（1–5 分）。",
    drill: "期内有满意度评分的案件",
    facts: `SELECT case_id, score AS num, 1 AS den FROM answers WHERE score IS NOT NULL`,
  },
  {
    key: "red_open",
    name: "红色在办案件",
    kind: "count",
    better: "lower",
    digits: 0,
    suffix: "件",
    definition: "期末仍未办结的红色风险案件数（风险等级取当前评定；本期截至今天即为当前在办数）。",
    drill: "期末未办结的红色案件",
    facts: `SELECT c.id AS case_id, 1 AS num, 1 AS den FROM cases c CROSS JOIN p
             WHERE c.risk_level = 'red' AND ${RECEIVED_AT} < p.to_at AND (c.status <> 'closed' OR c.closed_at >= p.to_at)`,
  },
  {
    key: "red_received",
    name: "红色案件（期内受理）",
    kind: "count",
    better: "lower",
    digits: 0,
    suffix: "件",
    definition: "期内受理的案件中，风险等级为红色的案件数。",
    drill: "期内受理的红色案件",
    facts: `SELECT c.id AS case_id, 1 AS num, 1 AS den FROM cases c CROSS JOIN p WHERE c.risk_level = 'red' AND ${RECEIVED_IN_PERIOD}`,
  },
  {
    key: "warnings_open",
    name: "未销号预警",
    kind: "count",
    better: "lower",
    digits: 0,
    suffix: "条",
    definition: "期末前发出、到期末仍未销号的预警条数。",
    drill: "期末有未销号预警的案件",
    facts: `SELECT w.case_id, 1 AS num, 1 AS den FROM warnings w CROSS JOIN p
             WHERE w.raised_at < p.to_at AND (w.closed_at IS NULL OR w.closed_at >= p.to_at)`,
  },
  {
    key: "avg_handling_days",
    name: "平均办理天数",
    kind: "average",
    better: "lower",
    digits: 1,
    suffix: "天",
    definition: "期内办结的案件，从受理（首次反映）到办结的平均自然日数。",
    drill: "期内办结的案件",
    facts: `SELECT k.case_id, extract(epoch FROM k.closed_at - ${RECEIVED_AT}) / 86400.0 AS num, 1 AS den
              FROM closures k JOIN cases c ON c.id = k.case_id`,
  },
  {
    key: "transfers",
    name: "非警务警情移交",
    kind: "count",
    better: "neutral",
    digits: 0,
    suffix: "起",
    definition: "期内由 110 移交到街道的非警务警情数。",
    drill: "期内移交的非警务警情对应的案件",
    facts: `SELECT pt.case_id, 1 AS num, 1 AS den FROM police_transfers pt CROSS JOIN p
             WHERE pt.transferred_at >= p.from_at AND pt.transferred_at < p.to_at`,
  },
];

export const KEY_INDEX_BY_KEY = Object.fromEntries(KEY_INDEX_FORMULAS.map((f) => [f.key, f])) as Record<KeyIndexKey, KeyIndexFormula>;

/** A figure's value from its sums (see the kinds above), rounded to what is shown. */
export function figureValue(f: Pick<KeyIndexFormula, "kind" | "digits">, num: number, den: number): number | null {
  const raw = f.kind === "count" ? num : den === 0 ? null : f.kind === "rate" ? (100 * num) / den : num / den;
  return raw == null ? null : round(raw, f.digits);
}

/** The change against last year: absolute, and in per cent of last year's value (null when that is 0 or missing). */
export function yearOnYear(value: number | null, last: number | null, digits: number): { change: number | null; changePct: number | null } {
  if (value == null || last == null) return { change: null, changePct: null };
  return { change: round(value - last, digits), changePct: last === 0 ? null : round(((value - last) / last) * 100, 1) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The groupings of the table. */
export const KEY_INDEX_GROUPS = ["community", "grid", "unit", "mediator"] as const;
export type KeyIndexGroup = (typeof KEY_INDEX_GROUPS)[number];
export const KEY_INDEX_GROUP_NAMES: Record<KeyIndexGroup, string> = { community: "村社区", grid: "网格", unit: "承办单位", mediator: "调解员" };
