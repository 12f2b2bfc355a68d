// "Everything under this node" as one indexed range on the C-collated materialised path.
import { sql, type SQL, type Column } from "drizzle-orm";

/** Upper bound of a subtree: the path with its trailing "/" replaced by the next byte ("0"). */
export function subtreeEnd(path: string): string {
  return path.slice(0, -1) + "0";
}

export function isUnder(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** SQL: the path column lies in the subtree rooted at `rootPath`. */
export function pathInSubtree(pathColumn: Column | SQL, rootPath: string): SQL {
  return sql`(${pathColumn} >= ${rootPath} AND ${pathColumn} < ${subtreeEnd(rootPath)})`;
}

/** SQL: the region id column points at a node in the subtree rooted at `rootPath`. */
export function regionIdInSubtree(regionIdColumn: Column | SQL, rootPath: string): SQL {
  return sql`${regionIdColumn} IN (SELECT rn.id FROM region_nodes rn WHERE rn.path >= ${rootPath} AND rn.path < ${subtreeEnd(rootPath)})`;
}
