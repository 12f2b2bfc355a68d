// A citizen's own submissions through the portal, newest first, with where each stands and the next mediation
// session of its case. Who filed a portal record: intake/filed-by.ts (the fact requests.ts also checks).
import { sql } from "drizzle-orm";
import type { CaseStatus } from "../cases/statuses.js";
import type { DbOrTx } from "../db/client.js";
import { portalIdsFiledBy } from "../intake/filed-by.js";
import type { Progress, SubmissionView } from "./views.js";

interface Row extends Record<string, unknown> {
  external_id: string;
  reported_at: Date;
  narrative: string;
  address_text: string | null;
  case_id: number | null;
  code: string | null;
  status: CaseStatus | null;
  category: string | null;
  closed_at: Date | null;
  session_at: Date | null;
  session_online: boolean | null;
  session_place: string | null;
}

/** A case's status as the citizen is told it: routed or posted counts as handling, not only work begun. */
export function progressOf(status: CaseStatus | null, handled: boolean): Progress {
  if (status === "closed") return "closed";
  if (status === "resolved") return "resolved";
  if (status === "in_progress" || handled) return "handling";
  return "received";
}

export async function listSubmissions(db: DbOrTx, accountId: number, limit = 100): Promise<SubmissionView[]> {
  const { rows } = await db.execute<Row & { handled: boolean }>(sql`
    SELECT r.external_id, r.reported_at, r.narrative, r.address_text, c.id AS case_id, c.code, c.status, c.category, c.closed_at,
           c.lead_unit_id IS NOT NULL AS handled,
           s.scheduled_at AS session_at, s.online AS session_online, s.place AS session_place
      FROM records r
      LEFT JOIN cases c ON c.id = r.case_id
      LEFT JOIN LATERAL (
        SELECT ms.scheduled_at, ms.online, ms.place FROM mediation_sessions ms
         WHERE ms.case_id = c.id AND ms.status = 'scheduled' AND ms.scheduled_at >= now()
         ORDER BY ms.scheduled_at LIMIT 1
      ) s ON true
     WHERE r.channel = 'portal' AND r.is_current AND r.external_id IN (${portalIdsFiledBy(accountId)})
     ORDER BY r.reported_at DESC, r.id DESC
     LIMIT ${limit}`);
  return rows.map((r) => ({
    externalId: r.external_id,
    reportedAt: new Date(r.reported_at).toISOString(),
    narrative: r.narrative,
    addressText: r.address_text,
    progress: progressOf(r.status, r.handled),
    case:
      r.case_id == null
        ? null
        : {
            id: r.case_id,
            code: r.code!,
            status: r.status!,
            category: r.category,
            closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
            nextSession: r.session_at ? { scheduledAt: new Date(r.session_at).toISOString(), online: Boolean(r.session_online), place: r.session_place ?? "" } : null,
          },
  }));
}
