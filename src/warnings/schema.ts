import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

import type { RiskFactor } from "../risk/levels.js";
import { WARNING_STATUSES, WARNING_TRIGGERS } from "./states.js";

export { WARNING_STATUSES, WARNING_TRIGGERS };

/** A warning (预警) on a case: raised by a trigger, driven through acknowledge → feedback → supervise → close. */
export const warnings = pgTable(
  "warnings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    trigger: text({ enum: WARNING_TRIGGERS }).notNull(),
    /** The person whose repeated disputes raised it (person_repeat). */
    personId: integer(),
    level: text({ enum: ["red", "yellow"] }).notNull(),
    /** Why: the risk factors or the trigger's facts, readable. */
    reasons: jsonb().$type<RiskFactor[]>().notNull().default([]),
    status: text({ enum: WARNING_STATUSES }).notNull().default("raised"),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Every recipient must acknowledge by then; unacknowledged receipts escalate. */
    ackDueAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    feedbackDueAt: timestamp({ withTimezone: true }),
    firstFeedbackAt: timestamp({ withTimezone: true }),
    supervisionOrderId: integer(),
    supervisedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    closedByLabel: text(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("warnings_case_idx").on(t.caseId),
    index("warnings_open_idx").on(t.status, t.raisedAt).where(sql`status <> 'closed'`),
    // One open warning per case and trigger: a trigger that fires again while its warning is open adds nothing.
    uniqueIndex("warnings_open_uq").on(t.caseId, t.trigger).where(sql`status <> 'closed'`),
  ],
);

/** Who must acknowledge a warning (签收): the street centre, the police station and the case's unit. */
export const warningReceipts = pgTable(
  "warning_receipts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    warningId: integer().notNull(),
    unitId: integer().notNull(),
    ackDueAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedByLabel: text(),
    /** Not acknowledged in time: escalated once, to the unit's leaders and the street centre. */
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("warning_receipts_uq").on(t.warningId, t.unitId), index("warning_receipts_due_idx").on(t.ackDueAt).where(sql`acknowledged_at IS NULL AND escalated_at IS NULL`)],
);

/** Feedback on measures taken (处置反馈), by a recipient unit. */
export const warningFeedback = pgTable("warning_feedback", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  warningId: integer().notNull(),
  unitId: integer(),
  measures: text().notNull(),
  byLabel: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
