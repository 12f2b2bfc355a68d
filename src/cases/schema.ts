import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "../people/schema.js";
import { regionNodes } from "../regions/schema.js";
import { units } from "../units/schema.js";
import type { RiskFactor } from "../risk/levels.js";

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
    /** The most specific place its records agree on; the street node while no record's place is known. */
    regionNodeId: integer().notNull().references(() => regionNodes.id),
    leadUnitId: integer().references(() => units.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    category: text(),
    categoryConfidence: real(),
    /** model (classifier) or staff (a correction, kept as a labelled example). */
    categorySource: text({ enum: ["model", "staff"] }),
    /** Low-confidence classification: waits in the triage queue. */
    needsTriage: boolean().notNull().default(false),
    firstReportedAt: timestamp({ withTimezone: true }),
    lastReportedAt: timestamp({ withTimezone: true }),
    recordCount: integer().notNull().default(0),
    /** A flare-up after closure points at the earlier case; the chain's first case is the root. */
    recurrenceOfId: integer(),
    rootCaseId: integer(),
    mergedIntoId: integer(),
    closedAt: timestamp({ withTimezone: true }),
    /** The level handling it now (tasks/states.ts HANDLING_LEVELS); null until routed. */
    handlingLevel: text(),
    /** Three-colour risk (red / yellow / green), set by the risk rules; null until scored. */
    riskLevel: text({ enum: ["red", "yellow", "green"] }),
    /** The points behind the colour (risk/rules.ts), the factors that made them, and when they were last computed. */
    riskScore: real(),
    riskFactors: jsonb().$type<RiskFactor[]>(),
    riskScoredAt: timestamp({ withTimezone: true }),
    /** Where the case stands in the ODR funnel (mediation/kinds.ts MEDIATION_STAGES); null before mediation starts. */
    mediationStage: text(),
  },
  (t) => [
    index("cases_region_idx").on(t.regionNodeId),
    index("cases_lead_unit_idx").on(t.leadUnitId),
    index("cases_triage_idx").on(t.id).where(sql`needs_triage AND merged_into_id IS NULL`),
    index("cases_risk_idx").on(t.riskScore).where(sql`risk_level IN ('red', 'yellow') AND merged_into_id IS NULL`),
  ],
);

/**
 * Why a record is in its case: the record it matched, the evidence and the score — or that it opened the case.
 * One current row per record (superseded rows keep the history of staff moves).
 */
export const caseMatches = pgTable(
  "case_matches",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint({ mode: "number" }).notNull(),
    caseId: integer().notNull(),
    matchedRecordId: bigint({ mode: "number" }),
    decision: text({ enum: ["new_case", "joined", "recurrence", "correction", "staff_merge", "staff_move", "staff_confirm"] }).notNull(),
    score: real().notNull().default(0),
    evidence: jsonb().$type<MatchEvidence[]>().notNull().default([]),
    decidedBy: text().notNull().default("auto"),
    current: boolean().notNull().default(true),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_matches_record_idx").on(t.recordId).where(sql`current`), index("case_matches_case_idx").on(t.caseId)],
);

export interface MatchEvidence {
  kind: "id_number" | "phone" | "credit_code" | "name_address" | "person" | "place" | "text" | "time" | "category" | "conflict";
  detail: string;
  weight: number;
}

/** A record that might belong to another case: staff confirm (merge) or reject. */
export const possibleDuplicates = pgTable(
  "possible_duplicates",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint({ mode: "number" }).notNull(),
    caseId: integer().notNull(),
    candidateCaseId: integer().notNull(),
    score: real().notNull(),
    evidence: jsonb().$type<MatchEvidence[]>().notNull().default([]),
    status: text({ enum: ["open", "confirmed", "rejected"] }).notNull().default("open"),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("possible_duplicates_open_idx").on(t.createdAt).where(sql`status = 'open'`)],
);

/** Staff merges and splits, with what moved, so that each can be undone. */
export const caseChanges = pgTable("case_changes", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  kind: text({ enum: ["merge", "split"] }).notNull(),
  fromCaseId: integer().notNull(),
  toCaseId: integer().notNull(),
  recordIds: bigint({ mode: "number" }).array().notNull(),
  reason: text().notNull(),
  actorLabel: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  undoneAt: timestamp({ withTimezone: true }),
});

/** Texts with a category set by staff (or another trusted source): the classifier's training data. */
export const labelledExamples = pgTable("labelled_examples", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  text: text().notNull(),
  category: text().notNull(),
  channelWords: text().array().notNull().default(sql`'{}'::text[]`),
  source: text({ enum: ["staff", "demo", "import"] }).notNull(),
  caseId: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

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
