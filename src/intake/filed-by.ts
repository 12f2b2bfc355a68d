// Who filed a record through one of the hub's own forms: the account in its batch's intake.chunk audit row, written
// in the same transaction as the record.
import { sql, type SQL } from "drizzle-orm";

/** A subquery: the external ids of the portal records an account filed (any version of each). */
export function portalIdsFiledBy(accountId: number): SQL {
  return sql`SELECT rr.external_id FROM raw_records rr
              WHERE rr.channel = 'portal'
                AND rr.batch_id IN (SELECT a.subject_id::bigint FROM audit_events a
                                     WHERE a.actor_kind = 'account' AND a.actor_id = ${accountId}
                                       AND a.action = 'intake.chunk' AND a.subject_type = 'intake_batch')`;
}
