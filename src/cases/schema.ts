import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "../people/schema.js";
import { regionNodes } from "../regions/schema.js";
import { units } from "../units/schema.js";

import { CASE_STATUSES } from "./statuses.js";

export { CASE_STATUSES } from "./statuses.js";

/** A case (矛盾纠纷事件): one dispute. Case formation, routing and the rest extend this table. */
export const cases = pgTable(
  "cases",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    status: text({ enum: CASE_STATUSES }).notNull().default("open"),
    regionNodeId: integer().notNull().references(() => regionNodes.id),
    leadUnitId: integer().references(() => units.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_region_idx").on(t.regionNodeId), index("cases_lead_unit_idx").on(t.leadUnitId)],
);

export const caseParties = pgTable(
  "case_parties",
  {
    caseId: integer().notNull().references(() => cases.id),
    personId: integer().notNull().references(() => people.id),
    role: text({ enum: ["reporter", "applicant", "respondent", "other"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId, t.role] }), index("case_parties_person_idx").on(t.personId)],
);

export type Case = typeof cases.$inferSelect;
