// The non-police transfers an account may see (by the case's place, or its unit leading the case), with what happened
// to each: routed when, which unit leads, accepted when, the outcome; and the figures over the whole filtered list.
import { sql, type SQL } from "drizzle-orm";
import { caseScope } from "../cases/routes.js";
import type { CaseStatus } from "../cases/statuses.js";
import type { DbOrTx } from "../db/client.js";
import type { Actor } from "../server/context.js";
import type { Transfer, TransferList } from "./views.js";

export interface TransferFilter {
  from?: Date;
  to?: Date;
  status?: CaseStatus;
  /** A community (or any region node): cases placed under it. */
  regionId?: number;
}

/** The rows behind the list and the summary; a case merged into another is followed to it. */
function base(actor: Actor, f: TransferFilter): SQL {
  const where = [
    caseScope(actor)!,
    f.from ? sql`pt.transferred_at >= ${f.from.toISOString()}::timestamptz` : undefined,
    f.to ? sql`pt.transferred_at < ${f.to.toISOString()}::timestamptz` : undefined,
    f.status ? sql`cases.status = ${f.status}` : undefined,
    f.regionId != null
      ? sql`cases.region_node_id IN (SELECT d.id FROM region_nodes d JOIN region_nodes a ON a.id = ${f.regionId}
                                      WHERE d.path >= a.path AND d.path < left(a.path, -1) || '0')`
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return sql`
    SELECT pt.record_id, r.external_id, pt.reported_at, array_to_string(r.category_words, '、') AS police_category,
           pt.police_unit_name, pt.officer_name, pt.police_result, pt.basis,
           cases.id AS case_id, cases.code AS case_code, cases.title AS case_title, cases.status AS case_status, cases.category,
           rn.name AS region_name, pt.transferred_at, ev.routed_at, u.name AS lead_unit_name, lt.accepted_at, lt.resolution, cases.closed_at,
           -- A call that joined a case already routed (or accepted) was in hand the moment it arrived: 0 hours.
           -- (GREATEST ignores NULLs, so a call not yet routed or accepted stays NULL through the CASE.)
           CASE WHEN ev.routed_at IS NOT NULL THEN GREATEST(0, extract(epoch FROM ev.routed_at - pt.transferred_at) / 3600.0) END AS hours_to_route,
           CASE WHEN lt.accepted_at IS NOT NULL THEN GREATEST(0, extract(epoch FROM lt.accepted_at - pt.transferred_at) / 3600.0) END AS hours_to_accept
      FROM police_transfers pt
      LEFT JOIN cases c0 ON c0.id = pt.case_id
      JOIN cases ON cases.id = COALESCE(c0.merged_into_id, pt.case_id)
      JOIN region_nodes rn ON rn.id = cases.region_node_id
      LEFT JOIN records r ON r.id = pt.record_id
      LEFT JOIN units u ON u.id = cases.lead_unit_id
      LEFT JOIN LATERAL (
        SELECT min(t.accepted_at) AS accepted_at,
               (array_agg(t.resolution ORDER BY t.id DESC) FILTER (WHERE t.resolution IS NOT NULL))[1] AS resolution
          FROM tasks t WHERE t.case_id = cases.id AND t.role = 'lead'
      ) lt ON true
      LEFT JOIN LATERAL (SELECT min(e.at) AS routed_at FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'routed') ev ON true
     WHERE ${sql.join(where, sql` AND `)}`;
}

type Row = {
  record_id: number | string; external_id: string | null; reported_at: Date | string; police_category: string | null;
  police_unit_name: string | null; officer_name: string | null; police_result: string | null; basis: Transfer["basis"];
  case_id: number; case_code: string; case_title: string; case_status: CaseStatus; category: string | null; region_name: string;
  transferred_at: Date | string; routed_at: Date | string | null; lead_unit_name: string | null; accepted_at: Date | string | null;
  resolution: string | null; closed_at: Date | string | null; hours_to_route: number | string | null; hours_to_accept: number | string | null;
};

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const hours = (n: number | string | null) => (n == null ? null : Math.round(Number(n) * 10) / 10);
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

export async function listTransfers(db: DbOrTx, actor: Actor, f: TransferFilter, page: { offset: number; limit: number }): Promise<TransferList> {
  const rows = await db.execute<Row>(sql`SELECT * FROM (${base(actor, f)}) b ORDER BY transferred_at DESC, record_id DESC LIMIT ${page.limit} OFFSET ${page.offset}`);
  const [s] = (
    await db.execute<{ count: number; accepted: number; closed: number; med_accept: number | null; p90_accept: number | null; med_route: number | null }>(sql`
      SELECT count(*)::int AS count, count(accepted_at)::int AS accepted, count(*) FILTER (WHERE case_status = 'closed')::int AS closed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_accept) AS med_accept,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_accept) AS p90_accept,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_route) AS med_route
        FROM (${base(actor, f)}) b`)
  ).rows;
  return {
    total: s.count,
    summary: {
      count: s.count,
      accepted: s.accepted,
      acceptedShare: share(s.accepted, s.count),
      medianHoursToAccept: hours(s.med_accept),
      p90HoursToAccept: hours(s.p90_accept),
      medianHoursToRoute: hours(s.med_route),
      closed: s.closed,
      closedShare: share(s.closed, s.count),
    },
    items: rows.rows.map((r) => ({
      recordId: Number(r.record_id),
      externalId: r.external_id,
      reportedAt: iso(r.reported_at)!,
      policeCategory: r.police_category || null,
      policeUnitName: r.police_unit_name,
      officerName: r.officer_name,
      policeResult: r.police_result,
      basis: r.basis,
      caseId: r.case_id,
      caseCode: r.case_code,
      caseTitle: r.case_title,
      caseStatus: r.case_status,
      category: r.category,
      regionName: r.region_name,
      transferredAt: iso(r.transferred_at)!,
      routedAt: iso(r.routed_at),
      leadUnitName: r.lead_unit_name,
      acceptedAt: iso(r.accepted_at),
      resolution: r.resolution,
      closedAt: iso(r.closed_at),
      hoursToRoute: hours(r.hours_to_route),
      hoursToAccept: hours(r.hours_to_accept),
    })),
  };
}
