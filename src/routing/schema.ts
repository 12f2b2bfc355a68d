import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { HANDLING_LEVELS } from "../tasks/states.js";

/** One saved state of the responsibility matrix. Versions are immutable: an edit saves a new one; the newest is in force. */
export const routingMatrixVersions = pgTable("routing_matrix_versions", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  version: integer().notNull().unique(),
  note: text().notNull().default(""),
  createdByLabel: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A row of the matrix: when a case matches every condition set (null = any), it goes to the lead unit with the
 * co-units at that level. Rules are tried in position order; the first match wins.
 */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer().notNull().references(() => routingMatrixVersions.id),
    position: integer().notNull(),
    category: text(),
    /** Root of the region subtree the rule covers (null: the whole street). */
    regionNodeId: integer(),
    minAmount: numeric({ precision: 14, scale: 2, mode: "number" }),
    minPeople: integer(),
    channel: text(),
    riskLevel: text({ enum: ["red", "yellow", "green"] }),
    /** The lead: a named unit, or the unit of this kind whose jurisdiction holds the case's place. */
    leadUnitId: integer(),
    leadUnitKind: text(),
    coUnitKinds: text().array().notNull().default(sql`'{}'::text[]`),
    level: text({ enum: HANDLING_LEVELS }).notNull(),
    /** Post on the claim board instead of assigning. */
    openCall: boolean().notNull().default(false),
    note: text().notNull().default(""),
  },
  (t) => [index("routing_rules_version_idx").on(t.versionId, t.position)],
);

/** Where a case was sent and why: one row per routing decision (automatic, re-route, escalation, push-down). */
export const caseRoutings = pgTable(
  "case_routings",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    versionId: integer(),
    ruleId: integer(),
    leadUnitId: integer(),
    coUnitIds: integer().array().notNull().default(sql`'{}'::int[]`),
    level: text({ enum: HANDLING_LEVELS }).notNull(),
    via: text({ enum: ["auto", "reroute", "escalation", "push_down", "return"] }).notNull(),
    /** Human-readable reasons: which conditions matched, which unit kind was resolved to which unit. */
    reasons: jsonb().$type<string[]>().notNull().default([]),
    note: text(),
    decidedByLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_routings_case_idx").on(t.caseId)],
);
