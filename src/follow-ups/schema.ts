import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

import { VISIT_CONTACTS, VISIT_OUTCOMES, VISIT_STATUSES } from "./states.js";

/**
 * When to visit after a case closes: days after closure, per dispute type and risk colour (null matches any).
 * The most specific active rule wins (type and colour, then colour, then type, then the default).
 */
export const followUpRules = pgTable("follow_up_rules", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  category: text(),
  riskLevel: text({ enum: ["red", "yellow", "green"] }),
  offsetsDays: integer().array().notNull(),
  active: boolean().notNull().default(true),
  updatedByLabel: text().notNull().default("系统"),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One follow-up visit (回访) of a closed case, assigned to the place's grid worker or the case's mediator. */
export const followUpVisits = pgTable(
  "follow_up_visits",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    /** The closure it follows (a case closed again after reopening gets its own visits). */
    closedAt: timestamp({ withTimezone: true }).notNull(),
    offsetDays: integer().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    assigneeAccountId: integer(),
    assigneeKind: text({ enum: ["grid_worker", "mediator", "unit"] }).notNull(),
    /** The unit answering for it when no person could be named (the case's lead unit). */
    unitId: integer(),
    status: text({ enum: VISIT_STATUSES }).notNull().default("due"),
    contact: text({ enum: VISIT_CONTACTS }),
    partiesState: text(),
    /** 1 (very dissatisfied) … 5 (very satisfied). */
    satisfaction: integer(),
    settled: boolean(),
    note: text(),
    outcome: text({ enum: VISIT_OUTCOMES }),
    recurrenceCaseId: integer(),
    doneAt: timestamp({ withTimezone: true }),
    doneByLabel: text(),
    overdueAlertedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("follow_up_visits_uq").on(t.caseId, t.closedAt, t.offsetDays),
    index("follow_up_visits_assignee_idx").on(t.assigneeAccountId, t.dueAt).where(sql`status = 'due'`),
    index("follow_up_visits_due_idx").on(t.dueAt).where(sql`status = 'due' AND overdue_alerted_at IS NULL`),
    index("follow_up_visits_case_idx").on(t.caseId),
  ],
);
