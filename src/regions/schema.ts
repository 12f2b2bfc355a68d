import { boolean, index, integer, jsonb, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

import { REGION_LEVELS } from "./levels.js";

export { REGION_LEVELS, type RegionLevel } from "./levels.js";

/**
 * One node of the region tree: 省 → 市 → 县 → 街道 → 村/社区 → 网格 → 微网格.
 * `path` is the materialised path of codes ("33/3302/…/330282006001/"), collated "C" (custom migration)
 * so that "everything under a node" is one indexed range condition (see regions/subtree.ts).
 * Nodes are never deleted: a node dropped by a registry redraw is retired, so rows that point at it stay valid.
 */
export const regionNodes = pgTable(
  "region_nodes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    shortName: text(),
    level: text({ enum: REGION_LEVELS }).notNull(),
    /** 社区 / 村 for communities; the special kind for special grids (school, market …). */
    kind: text(),
    special: boolean().notNull().default(false),
    parentId: integer().references((): AnyPgColumn => regionNodes.id),
    path: text().notNull(),
    depth: integer().notNull(),
    /** Registry attributes kept for display (micro-grid extent, places). */
    attrs: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    retiredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("region_nodes_path_idx").on(t.path), index("region_nodes_parent_idx").on(t.parentId)],
);

export type RegionNode = typeof regionNodes.$inferSelect;

/** Address aliases learned when staff place an unresolved address on the tree. */
export const addressAliases = pgTable("address_aliases", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  alias: text().notNull().unique(),
  regionNodeId: integer()
    .notNull()
    .references(() => regionNodes.id),
  createdBy: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
