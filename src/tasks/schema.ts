import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { cases } from "../cases/schema.js";
import { units } from "../units/schema.js";
import { ASSIGNED_VIA, HANDLING_LEVELS, TASK_STATES, URGENCIES } from "./states.js";

/**
 * A unit's work on a case: the lead task (one open at a time per case) and co-handling tasks under it.
 * A posted task has no unit yet: it waits on the claim board until a unit claims it or the street centre assigns it.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    unitId: integer().references(() => units.id),
    role: text({ enum: ["lead", "co"] }).notNull(),
    leadTaskId: integer(),
    level: text({ enum: HANDLING_LEVELS }).notNull(),
    state: text({ enum: TASK_STATES }).notNull(),
    urgency: text({ enum: URGENCIES }).notNull().default("normal"),
    assignedVia: text({ enum: ASSIGNED_VIA }),
    routingId: bigint({ mode: "number" }),
    /** Unit kinds that may claim it from the board (empty: any unit or studio). */
    eligibleKinds: text().array().notNull().default(sql`'{}'::text[]`),
    claimDeadline: timestamp({ withTimezone: true }),
    postedAt: timestamp({ withTimezone: true }),
    assignedAt: timestamp({ withTimezone: true }),
    acceptedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    verifiedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    returnedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    resolution: text(),
    /** The co-unit's report of its part, or the lead's account of the outcome. */
    report: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tasks_case_idx").on(t.caseId),
    index("tasks_unit_open_idx").on(t.unitId, t.state).where(sql`state NOT IN ('closed', 'returned')`),
    index("tasks_board_idx").on(t.claimDeadline).where(sql`state = 'posted'`),
    uniqueIndex("tasks_one_open_lead_uq").on(t.caseId).where(sql`role = 'lead' AND state NOT IN ('closed', 'returned')`),
  ],
);

/** Every claim made on the board, winning or not: the board's own record of who tried and when. */
export const claimAttempts = pgTable("claim_attempts", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  taskId: integer().notNull(),
  unitId: integer().notNull(),
  actorLabel: text().notNull(),
  won: boolean().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The linked-workflow checklist of a case (联动响应): steps per dispute type, ticked by the lead and co-units. */
export const workflowSteps = pgTable(
  "workflow_steps",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    workflow: text().notNull(),
    stepKey: text().notNull(),
    title: text().notNull(),
    position: integer().notNull(),
    /** Which unit kind the step belongs to ('lead' for the lead unit, whatever its kind). */
    ownerKind: text().notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneByLabel: text(),
    doneByUnitId: integer(),
    note: text(),
  },
  (t) => [uniqueIndex("workflow_steps_uq").on(t.caseId, t.stepKey)],
);

/** The case's timeline: every routing decision, level move, task transition, supervision order and extension. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    taskId: integer(),
    unitId: integer(),
    kind: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorLabel: text().notNull(),
    actorAccountId: integer(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);
