// Ledger totals: points per unit, community or person per month or year, with the ranking in each period.
//   unit      – the unit entries (rules whose subject is a unit), per unit
//   community – the unit entries whose case lies in the community (村/社区), whichever unit earned them: how the
//               work on a community's disputes went, not only its own centre's. Cases placed above community level
//               (the street itself) count for no community.
//   account   – the person entries, per account
// Person entries never count towards a unit or a community, so nothing is counted twice.
import { and, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { LEDGER_TIME_ZONE, type PeriodKind } from "./period.js";
import { assessmentEntries } from "./schema.js";

export type TotalsBy = "unit" | "community" | "account";

export interface LedgerTotal {
  /** "2025-03" for a month, "2025" for a year. */
  period: string;
  /** Unit id, community region id or account id. */
  id: number;
  name: string;
  points: number;
  entries: number;
  /** 1 = best in the period; equal points share a rank. */
  rank: number;
}

export interface TotalsQuery {
  period: PeriodKind;
  from: Date;
  to: Date;
  by: TotalsBy;
  /** Extra condition on the entries (`e` is assessment_entries), e.g. which accounts the caller may rank. */
  where?: SQL;
}

export async function ledgerTotals(db: DbOrTx, q: TotalsQuery): Promise<LedgerTotal[]> {
  const e = assessmentEntries;
  const fmt = q.period === "month" ? "YYYY-MM" : "YYYY";
  const periodExpr = sql`to_char(${e.occurredAt} AT TIME ZONE ${sql.raw(`'${LEDGER_TIME_ZONE}'`)}, ${sql.raw(`'${fmt}'`)})`;
  const inRange = and(gte(e.occurredAt, q.from), lt(e.occurredAt, q.to), q.where);
  const grouped =
    q.by === "unit"
      ? sql`SELECT ${periodExpr} AS period, u.id, u.name, sum(${e.points}) AS points, count(*) AS entries
            FROM ${e} JOIN units u ON u.id = ${e.unitId}
            WHERE ${and(inRange, isNotNull(e.unitId))} GROUP BY 1, u.id, u.name`
      : q.by === "account"
        ? sql`SELECT ${periodExpr} AS period, a.id, a.display_name AS name, sum(${e.points}) AS points, count(*) AS entries
              FROM ${e} JOIN accounts a ON a.id = ${e.accountId}
              WHERE ${and(inRange, isNotNull(e.accountId))} GROUP BY 1, a.id, a.display_name`
        : sql`SELECT ${periodExpr} AS period, cm.id, coalesce(cm.short_name, cm.name) AS name, sum(${e.points}) AS points, count(*) AS entries
              FROM ${e}
              JOIN cases c ON c.id = ${e.caseId}
              JOIN region_nodes rn ON rn.id = c.region_node_id
              JOIN region_nodes cm ON cm.level = 'community' AND starts_with(rn.path, cm.path)
              WHERE ${and(inRange, isNotNull(e.unitId))} GROUP BY 1, cm.id, cm.name, cm.short_name`;
  const result = await db.execute<{ period: string; id: number; name: string; points: number; entries: number; rank: number }>(sql`
    SELECT period, id, name, points::float8 AS points, entries::int AS entries,
           rank() OVER (PARTITION BY period ORDER BY points DESC)::int AS rank
    FROM (${grouped}) g
    ORDER BY period, rank, name`);
  return result.rows.map((r) => ({ period: r.period, id: r.id, name: r.name, points: round(r.points), entries: r.entries, rank: r.rank }));
}

/** Points are small sums of reals: shown to one decimal place at most. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}
