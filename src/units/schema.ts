import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { regionNodes } from "../regions/schema.js";

import { UNIT_KINDS } from "./kinds.js";

export { UNIT_KINDS, type UnitKind } from "./kinds.js";

/** A responsible department or organisation (承办单位) and the region it serves. */
export const units = pgTable(
  "units",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: UNIT_KINDS }).notNull(),
    /** The root of the unit's jurisdiction on the region tree. */
    regionNodeId: integer().notNull().references(() => regionNodes.id),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_region_idx").on(t.regionNodeId)],
);

export type Unit = typeof units.$inferSelect;
