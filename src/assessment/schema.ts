import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * The assessment ledger (奖惩考核): points for or against a unit or a person, each from a rule (assessment/rules.ts)
 * and linked to the event that earned it. One entry per (rule, event, subject): scoring an event twice does nothing.
 */
export const assessmentEntries = pgTable(
  "assessment_entries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleCode: text().notNull(),
    unitId: integer(),
    accountId: integer(),
    points: real().notNull(),
    caseId: integer(),
    taskId: integer(),
    /** The case_events row (or supervision order, follow-up …) that earned it. */
    sourceKind: text().notNull(),
    sourceId: bigint({ mode: "number" }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull().default(""),
  },
  (t) => [
    uniqueIndex("assessment_entries_uq").on(t.ruleCode, t.sourceKind, t.sourceId, sql`coalesce(${t.unitId}, 0)`, sql`coalesce(${t.accountId}, 0)`),
    index("assessment_entries_unit_idx").on(t.unitId, t.occurredAt),
    index("assessment_entries_account_idx").on(t.accountId, t.occurredAt),
  ],
);
