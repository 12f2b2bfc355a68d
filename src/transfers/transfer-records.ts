// 非警务警情流转: a 110 call that is not a police matter — marked so by the police (是否非警务 = 是), or, when the
// mark is missing, a call the police filed as a dispute in which nothing calls for the police (no threat, weapon,
// self-harm, fight injury or crowd) — is transferred to the street's hub as it forms into a case. The police
// station then follows it in the transfers list: routed to whom, accepted when, with what outcome.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { isHard, signalsIn } from "../risk/signals.js";

export type TransferBasis = "flagged" | "classified";

/** Why a 110 record is a non-police incident, or null when it is a police matter. */
export function nonPoliceBasis(extra: Record<string, unknown>, categoryWords: readonly string[], narrativeKey: string): TransferBasis | null {
  const mark = String(extra["是否非警务"] ?? "").trim();
  if (mark === "是" || mark === "Y" || mark === "1") return "flagged";
  if (mark === "否" || mark === "N" || mark === "0") return null;
  const filedAsDispute = categoryWords.some((w) => /纠纷|求助|噪音|扰民|咨询/.test(w));
  return filedAsDispute && ![...signalsIn(narrativeKey)].some(isHard) ? "classified" : null;
}

/** Records the transfers among these records (110 ones with a case); idempotent. Returns the number transferred. */
export async function transferNonPolice(db: Pick<DbOrTx, "execute">, recordIds: readonly number[], now: Date): Promise<number> {
  if (!recordIds.length) return 0;
  const { rows } = await db.execute<{ id: number; case_id: number; reported_at: Date; extra: Record<string, unknown>; category_words: string[]; narrative_key: string }>(sql`
    SELECT r.id, r.case_id, r.reported_at, r.extra, r.category_words, r.narrative_key FROM records r
     WHERE r.id = ANY(${sql.param([...recordIds])}::bigint[]) AND r.channel = '110' AND r.case_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM police_transfers t JOIN records o ON o.id = t.record_id WHERE o.channel = r.channel AND o.external_id = r.external_id)`);
  const transfers = rows
    .map((r) => ({ r, basis: nonPoliceBasis(r.extra ?? {}, r.category_words ?? [], r.narrative_key) }))
    .filter((x): x is { r: (typeof rows)[number]; basis: TransferBasis } => x.basis !== null)
    .map(({ r, basis }) => ({
      record_id: Number(r.id), case_id: r.case_id, basis, reported_at: new Date(r.reported_at).toISOString(),
      police_unit_name: text(r.extra["处警单位"]), officer_name: text(r.extra["处警民警"]), police_result: text(r.extra["处警结果"]),
    }));
  if (!transfers.length) return 0;
  const json = JSON.stringify(transfers);
  await db.execute(sql`
    INSERT INTO police_transfers (record_id, case_id, basis, reported_at, transferred_at, police_unit_name, officer_name, police_result)
    SELECT t.record_id, t.case_id, t.basis, t.reported_at, ${now}, t.police_unit_name, t.officer_name, t.police_result
      FROM jsonb_to_recordset(${json}::jsonb) AS t(record_id bigint, case_id int, basis text, reported_at timestamptz, police_unit_name text, officer_name text, police_result text)
    ON CONFLICT (record_id) DO NOTHING`);
  await db.execute(sql`
    INSERT INTO case_events (case_id, kind, detail, actor_label, at)
    SELECT t.case_id, 'police_transfer', jsonb_build_object('recordId', t.record_id, 'basis', t.basis), '非警务警情流转', ${now}
      FROM jsonb_to_recordset(${json}::jsonb) AS t(record_id bigint, case_id int, basis text)`);
  return transfers.length;
}

function text(v: unknown): string | null {
  const s = v == null ? "" : String(v).trim();
  return s || null;
}
