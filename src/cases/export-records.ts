// `tongban export records`: one JSON line per source record (channel + external id, its current version) with
// its case, the root of its recurrence chain, the case's dispute type and place, and the people it names.
import type { Db } from "../db/client.js";
import { loadTreeIndex } from "./formation/tree.js";

export interface ExportedRecord {
  channel: string;
  externalId: string;
  caseId: number | null;
  rootCaseId: number | null;
  category: string | null;
  riskLevel: string | null;
  communityCode: string | null;
  gridCode: string | null;
  /** The natural persons the record names, as the person index knows them. */
  personIds: number[];
  /** The companies and organisations it names. */
  orgIds: number[];
}

export async function* exportRecords(db: Db): AsyncGenerator<ExportedRecord> {
  const tree = await loadTreeIndex(db.$client);
  const pageSize = 5000;
  let after = 0;
  for (;;) {
    const { rows } = await db.$client.query<{
      id: number; channel: string; external_id: string; case_id: number | null; root: number | null; category: string | null;
      risk: string | null; record_region: number | null; case_region: number | null; person_ids: number[] | null; org_ids: number[] | null;
    }>(
      `SELECT r.id, r.channel, r.external_id, r.case_id, COALESCE(c.root_case_id, c.id) AS root, c.category,
              c.risk_level AS risk, r.region_node_id AS record_region, c.region_node_id AS case_region,
              (SELECT array_agg(DISTINCT rp.person_id) FILTER (WHERE p.kind = 'person') FROM record_people rp JOIN people p ON p.id = rp.person_id WHERE rp.record_id = r.id) AS person_ids,
              (SELECT array_agg(DISTINCT rp.person_id) FILTER (WHERE p.kind = 'company') FROM record_people rp JOIN people p ON p.id = rp.person_id WHERE rp.record_id = r.id) AS org_ids
         FROM records r LEFT JOIN cases c ON c.id = r.case_id
        WHERE r.is_current AND r.id > $1 ORDER BY r.id LIMIT $2`,
      [after, pageSize],
    );
    for (const r of rows) {
      // The case's place is where its records agree the matter is; a record alone may give the caller's home.
      const caseGrid = tree.gridOf(r.case_region);
      const place = caseGrid != null ? r.case_region : r.record_region ?? r.case_region;
      const grid = tree.gridOf(place);
      const community = tree.communityOf(place);
      yield {
        channel: r.channel,
        externalId: r.external_id,
        caseId: r.case_id,
        rootCaseId: r.root,
        category: r.category,
        riskLevel: r.risk,
        communityCode: tree.code(community),
        gridCode: tree.code(grid),
        personIds: (r.person_ids ?? []).map(Number).sort((a, b) => a - b),
        orgIds: (r.org_ids ?? []).map(Number).sort((a, b) => a - b),
      };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].id);
  }
}
