// A mediator's figures, computed from the teams they were on — one SQL statement for any set of mediators.
//   handled       cases of the teams the mediator was on
//   succeeded     of those, a signed agreement, or the case resolved/closed after the mediator's team was formed
//   averageDays   team formed → case resolved/closed (first resolved/closed event after forming, else closed_at)
//   satisfaction  share of satisfied answers among satisfaction_recorded events after forming (null when none)
//   currentLoad   active teams on cases still open or in progress
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { MediatorFigures } from "./views.js";

/**
 * CTEs `fig` (mediator_id, handled, succeeded, avg_days, sat_n, sat_yes) and `load` (mediator_id, n) for the mediators
 * whose ids `picked` selects (a subquery returning one column `id`). Prefix a SELECT that joins them.
 */
export function figureCtes(picked: SQL): SQL {
  return sql`
    mc AS (
      SELECT tm.mediator_id, t.case_id, min(t.formed_at) AS formed_at
      FROM mediation_team_members tm JOIN mediation_teams t ON t.id = tm.team_id
      WHERE tm.mediator_id IN (${picked})
      GROUP BY tm.mediator_id, t.case_id
    ),
    pc AS (
      SELECT mc.mediator_id, mc.formed_at,
        EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = mc.case_id AND a.signed_at IS NOT NULL) AS agreed,
        CASE WHEN c.status IN ('resolved', 'closed') THEN COALESCE(
          (SELECT min(e.at) FROM case_events e WHERE e.case_id = mc.case_id AND e.kind IN ('resolved', 'closed') AND e.at >= mc.formed_at),
          CASE WHEN c.closed_at >= mc.formed_at THEN c.closed_at END) END AS ended_at,
        s.n AS sat_n, s.yes AS sat_yes
      FROM mc
      JOIN cases c ON c.id = mc.case_id
      CROSS JOIN LATERAL (
        SELECT count(*) AS n, count(*) FILTER (WHERE (e.detail->>'satisfied')::boolean) AS yes
        FROM case_events e
        WHERE e.case_id = mc.case_id AND e.kind = 'satisfaction_recorded' AND e.at >= mc.formed_at
          AND jsonb_typeof(e.detail->'satisfied') = 'boolean'
      ) s
    ),
    fig AS (
      SELECT mediator_id, count(*)::int AS handled,
        (count(*) FILTER (WHERE agreed OR ended_at IS NOT NULL))::int AS succeeded,
        (avg(extract(epoch FROM ended_at - formed_at) / 86400.0) FILTER (WHERE ended_at IS NOT NULL))::float8 AS avg_days,
        sum(sat_n)::int AS sat_n, sum(sat_yes)::int AS sat_yes
      FROM pc GROUP BY mediator_id
    ),
    load AS (
      SELECT tm.mediator_id, count(DISTINCT t.id)::int AS n
      FROM mediation_team_members tm
      JOIN mediation_teams t ON t.id = tm.team_id AND t.status = 'active'
      JOIN cases c ON c.id = t.case_id AND c.status IN ('open', 'in_progress')
      WHERE tm.mediator_id IN (${picked})
      GROUP BY tm.mediator_id
    )`;
}

/** The raw columns figureCtes' SELECT should name: f.handled, f.succeeded, f.avg_days, f.sat_n, f.sat_yes, l.n AS load. */
export const FIGURE_COLUMNS = sql`f.handled, f.succeeded, f.avg_days, f.sat_n, f.sat_yes, l.n AS load`;

export type FigureRow = {
  handled: number | null;
  succeeded: number | null;
  avg_days: number | null;
  sat_n: number | null;
  sat_yes: number | null;
  load: number | null;
};

export function presentFigures(r: FigureRow): MediatorFigures {
  const handled = r.handled ?? 0;
  const succeeded = r.succeeded ?? 0;
  const satN = r.sat_n ?? 0;
  return {
    handled,
    succeeded,
    successRate: handled ? round(succeeded / handled, 3) : null,
    averageDays: r.avg_days == null ? null : round(Number(r.avg_days), 1),
    satisfaction: satN ? round((r.sat_yes ?? 0) / satN, 3) : null,
    satisfactionCount: satN,
    currentLoad: r.load ?? 0,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Figures for the given mediators (those with no team get zeros), in one statement. */
export async function mediatorFigures(db: DbOrTx, ids: number[]): Promise<Map<number, MediatorFigures>> {
  const out = new Map<number, MediatorFigures>();
  if (!ids.length) return out;
  const picked = sql`SELECT unnest(${sql.param(ids)}::int[])`;
  const res = await db.execute<FigureRow & { id: number }>(sql`
    WITH ${figureCtes(picked)}
    SELECT p.id, ${FIGURE_COLUMNS}
    FROM (${picked} AS id) p
    LEFT JOIN fig f ON f.mediator_id = p.id
    LEFT JOIN load l ON l.mediator_id = p.id`);
  for (const r of res.rows) out.set(r.id, presentFigures(r));
  return out;
}
