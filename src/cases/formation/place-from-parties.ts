// A case whose records name no grid (a 人民调解 register entry gives no address; a 浙里访 petition often only the
// street or the community) may still be placed by its parties: a neighbour or family quarrel happens where the
// people live, and the person index has their other records, whose address field says where that is. Only when
// every such record of the case's individual parties points at one grid (inside the community the case's records
// name, if any), and only for the dispute types that happen at home. A lower confidence than a place the records
// give, and the evidence is said: 当事人住址.
import type { PoolClient } from "pg";
import type { CategoryCode } from "../categories.js";
import type { TreeIndex } from "./tree.js";

/**
 * Dispute types that happen where the parties live: 邻里, 婚姻家庭, 房屋宅基地. For others (traffic, debts, work,
 * purchases) a party's home says little about where the matter is; measured on the sample, a company's address
 * (the respondent of a labour or consumer complaint) pointed elsewhere far more often than not, so it is not used.
 */
export const AT_HOME: readonly CategoryCode[] = ["LL", "HY", "FW"];

/** Confidence of a place inferred from the parties' homes (a place read from a record's address is 0.6–1). */
export const PARTIES_PLACE_CONFIDENCE = 0.4;

export interface InferredPlace {
  regionNodeId: number;
  confidence: number;
  evidence: string[];
}

/**
 * The individual parties' other records with a place from their address field, through the person index
 * (case_parties by case, record_people by person: index lookups only). Exported so a test can check the plan.
 */
export const PARTY_PLACES = `SELECT p.name, r.channel, r.region_node_id
       FROM case_parties cp JOIN people p ON p.id = cp.person_id AND p.kind = 'person'
       JOIN record_people rp ON rp.person_id = cp.person_id
       JOIN records r ON r.id = rp.record_id
      WHERE cp.case_id = $1 AND r.case_id <> $1 AND r.is_current AND r.address_text IS NOT NULL AND r.region_node_id IS NOT NULL
      LIMIT 60`;

/**
 * The grid where the case's parties live, when their other records agree on one (within `communityId` when the
 * case's records name a community); null otherwise.
 */
export async function placeFromParties(client: PoolClient, tree: TreeIndex, caseId: number, communityId: number | null): Promise<InferredPlace | null> {
  const { rows } = await client.query<{ name: string; channel: string; region_node_id: number }>(PARTY_PLACES, [caseId]);
  const seen = rows
    .map((r) => ({ ...r, grid: tree.gridOf(r.region_node_id) }))
    .filter((r): r is typeof r & { grid: number } => r.grid != null && (communityId == null || tree.communityOf(r.grid) === communityId));
  const grids = new Set(seen.map((r) => r.grid));
  if (grids.size !== 1) return null;
  const grid = seen[0].grid;
  const names = [...new Set(seen.map((r) => `${r.name}（${r.channel}）`))];
  return { regionNodeId: grid, confidence: PARTIES_PLACE_CONFIDENCE, evidence: [`当事人住址：${names.join("、")} → ${tree.code(grid)}`] };
}
