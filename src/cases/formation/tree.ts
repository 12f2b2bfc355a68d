// The region tree in memory for case formation: which community and grid a node lies in, and a grid's nodes.
import type { PoolClient } from "pg";

export interface TreeIndex {
  streetId: number;
  communityOf(nodeId: number | null): number | null;
  gridOf(nodeId: number | null): number | null;
  /** The grid and its micro-grids. */
  gridNodes(gridId: number): number[];
  level(nodeId: number | null): string | null;
  code(nodeId: number | null): string | null;
}

export async function loadTreeIndex(client: PoolClient | { query: PoolClient["query"] }): Promise<TreeIndex> {
  const { rows } = await client.query<{ id: number; code: string; level: string; parent_id: number | null }>(
    `SELECT id, code, level, parent_id FROM region_nodes`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const up = (id: number | null, level: string): number | null => {
    let n = id == null ? undefined : byId.get(id);
    while (n && n.level !== level) n = n.parent_id == null ? undefined : byId.get(n.parent_id);
    return n ? n.id : null;
  };
  const children = new Map<number, number[]>();
  for (const r of rows) if (r.parent_id != null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const street = rows.find((r) => r.level === "street");
  return {
    streetId: street?.id ?? 0,
    communityOf: (id) => up(id, "community"),
    gridOf: (id) => up(id, "grid"),
    gridNodes: (gridId) => [gridId, ...(children.get(gridId) ?? [])],
    level: (id) => (id == null ? null : (byId.get(id)?.level ?? null)),
    code: (id) => (id == null ? null : (byId.get(id)?.code ?? null)),
  };
}
