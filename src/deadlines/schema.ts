import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { HANDLING_LEVELS, URGENCIES } from "../tasks/states.js";

import { DEADLINE_STAGES } from "./stages.js";

export { DEADLINE_STAGES, type DeadlineStage } from "./stages.js";

/**
 * Time allowed for a stage (办理时限). The most specific matching rule wins (channel, category, level, urgency each
 * count); amounts are working days or hours on the calendar.
 */
export const deadlineRules = pgTable("deadline_rules", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  stage: text({ enum: DEADLINE_STAGES }).notNull(),
  category: text(),
  level: text({ enum: HANDLING_LEVELS }),
  urgency: text({ enum: URGENCIES }),
  channel: text(),
  amount: real().notNull(),
  unit: text({ enum: ["working_days", "hours"] }).notNull(),
  /** Share of the allowed time after which the task turns yellow, then red. */
  yellowAt: real().notNull().default(0.5),
  redAt: real().notNull().default(0.8),
  note: text().notNull().default(""),
});

/** The working-day calendar's exceptions: public holidays and the weekend days worked in exchange (调休). */
export const calendarDays = pgTable("calendar_days", {
  day: date().primaryKey(),
  kind: text({ enum: ["holiday", "workday"] }).notNull(),
  name: text().notNull(),
});

/** A unit's request for more time (延期), decided by the street centre. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer().notNull(),
    stage: text({ enum: DEADLINE_STAGES }).notNull(),
    workingDays: integer().notNull(),
    reason: text().notNull(),
    status: text({ enum: ["pending", "approved", "rejected"] }).notNull().default("pending"),
    requestedByLabel: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedByLabel: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
  },
  (t) => [index("extension_requests_pending_idx").on(t.requestedAt)],
);

/**
 * Each deadline alert fires once: the timer claims (task, stage, tier, due) here before acting, in the same
 * transaction as the act, so a retried or re-delivered job does nothing twice.
 */
export const deadlineAlerts = pgTable(
  "deadline_alerts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer().notNull(),
    stage: text({ enum: DEADLINE_STAGES }).notNull(),
    tier: text({ enum: ["yellow", "red", "overdue"] }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    firedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("deadline_alerts_uq").on(t.taskId, t.stage, t.tier, t.dueAt)],
);

/**
 * The deadline of one stage of one task (claim, accept, handle, verify), from the rules and the calendar, with its
 * yellow and red tiers. Set when the stage starts, moved by an approved extension, done when the stage ends.
 */
export const taskDeadlines = pgTable(
  "task_deadlines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer().notNull(),
    stage: text({ enum: DEADLINE_STAGES }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    yellowAt: timestamp({ withTimezone: true }).notNull(),
    redAt: timestamp({ withTimezone: true }).notNull(),
    ruleId: integer(),
    /** How the deadline was set, for people: "12345 渠道时限：5 个工作日". */
    basis: text().notNull(),
    extendedDays: integer().notNull().default(0),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("task_deadlines_uq").on(t.taskId, t.stage),
    index("task_deadlines_open_idx").on(t.yellowAt).where(sql`done_at IS NULL`),
  ],
);
