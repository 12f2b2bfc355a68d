import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { cases } from "../cases/schema.js";
import {
  AGREEMENT_STATUSES, CONFIRMATION_STATUSES, MEDIATION_STAGES, MEDIATOR_GRADES, MEDIATOR_KINDS, REFERRAL_KINDS, REFERRAL_STATUSES,
  REQUEST_STATUSES, SESSION_STATUSES, TEAM_ROLES,
} from "./kinds.js";

/**
 * A mediator (调解员) of the mediation force. Contact data stays with the account and the person index; the public
 * directory shows none of it.
 */
export const mediators = pgTable(
  "mediators",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: text({ enum: MEDIATOR_KINDS }).notNull(),
    /** The account the mediator logs in with, if any. */
    accountId: integer(),
    /** The mediator as a person in the person index (conflicts of interest are found through it). */
    personId: integer(),
    /** Dispute types (category codes) the mediator takes. */
    fields: text().array().notNull().default(sql`'{}'::text[]`),
    /** Free tags: 工伤, 宅基地, 物业, 心理疏导 … */
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    birthYear: integer(),
    gender: text({ enum: ["male", "female"] }),
    yearsExperience: integer().notNull().default(0),
    dialects: text().array().notNull().default(sql`'{}'::text[]`),
    /** Home village/community (a region node). */
    homeRegionNodeId: integer(),
    /** The unit the mediator works for (police station, judicial office, a community centre …). */
    unitId: integer(),
    /** The mediation studio or team (a unit of kind mediation_studio). */
    studioUnitId: integer(),
    grade: text({ enum: MEDIATOR_GRADES }).notNull().default("standard"),
    /** Weekdays available, 1 = Monday … 7 = Sunday. */
    availableDays: integer().array().notNull().default(sql`'{1,2,3,4,5}'::int[]`),
    leaveFrom: date(),
    leaveTo: date(),
    /** A company the mediator works for, by credit code (a respondent company is a conflict of interest). */
    employerCreditCode: text(),
    bio: text().notNull().default(""),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mediators_home_idx").on(t.homeRegionNodeId), index("mediators_fields_idx").using("gin", t.fields), uniqueIndex("mediators_account_uq").on(t.accountId)],
);

/** The mediators put together for one case (攻坚小组), with each member's score as proposed. */
export const mediationTeams = pgTable(
  "mediation_teams",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    status: text({ enum: ["active", "released"] }).notNull().default("active"),
    formedBy: text({ enum: ["proposal", "citizen", "staff"] }).notNull(),
    formedByLabel: text().notNull(),
    formedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("mediation_teams_active_uq").on(t.caseId).where(sql`status = 'active'`)],
);

export const mediationTeamMembers = pgTable(
  "mediation_team_members",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    teamId: integer().notNull().references(() => mediationTeams.id),
    mediatorId: integer().notNull().references(() => mediators.id),
    role: text({ enum: TEAM_ROLES }).notNull(),
    /** What the member brings (法律专业, 熟悉当地, 网格员 …). */
    brings: text().notNull().default(""),
    score: real().notNull().default(0),
    breakdown: jsonb().$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [uniqueIndex("mediation_team_members_uq").on(t.teamId, t.mediatorId), index("mediation_team_members_mediator_idx").on(t.mediatorId)],
);

/** A party asks for a mediator they trust; the mediator accepts or declines; the other party is told. */
export const mediatorRequests = pgTable(
  "mediator_requests",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    mediatorId: integer().notNull(),
    requestedByLabel: text().notNull(),
    requestedByAccountId: integer(),
    note: text().notNull().default(""),
    status: text({ enum: REQUEST_STATUSES }).notNull().default("pending"),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    otherPartyToldAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mediator_requests_mediator_idx").on(t.mediatorId, t.status)],
);

/** A mediation session: when and where (or online), who, who came, the record (笔录) and the outcome. */
export const mediationSessions = pgTable(
  "mediation_sessions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull().default(""),
    online: boolean().notNull().default(false),
    status: text({ enum: SESSION_STATUSES }).notNull().default("scheduled"),
    /** Who is invited: mediators (by id) and parties (person id or a name). */
    participants: jsonb().$type<{ kind: "mediator" | "party" | "other"; mediatorId?: number; personId?: number; name: string; attended?: boolean | null }[]>().notNull().default([]),
    record: text().notNull().default(""),
    outcome: text({ enum: ["agreement", "partial", "no_agreement", "adjourned"] }),
    remindedAt: timestamp({ withTimezone: true }),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    heldAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mediation_sessions_case_idx").on(t.caseId), index("mediation_sessions_due_idx").on(t.scheduledAt).where(sql`status = 'scheduled'`)],
);

/** Where a case stands in the ODR funnel, and every move with its reason. */
export const mediationStageChanges = pgTable(
  "mediation_stage_changes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    fromStage: text({ enum: MEDIATION_STAGES }),
    toStage: text({ enum: MEDIATION_STAGES }).notNull(),
    reason: text().notNull(),
    actorLabel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mediation_stage_changes_case_idx").on(t.caseId)],
);

/** 调解协议书: composed from the template; the parties confirm; performance is tracked to its deadline. */
export const agreements = pgTable(
  "agreements",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    number: text().notNull().unique(),
    parties: jsonb().$type<{ personId?: number; name: string; role: string; confirmedAt?: string | null }[]>().notNull().default([]),
    facts: text().notNull(),
    terms: text().notNull(),
    performanceDeadline: date(),
    status: text({ enum: AGREEMENT_STATUSES }).notNull().default("draft"),
    mediatorIds: integer().array().notNull().default(sql`'{}'::int[]`),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp({ withTimezone: true }),
    performedAt: timestamp({ withTimezone: true }),
    /** Set when the performance follow-up was raised (the deadline passed without performance recorded). */
    followUpAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("agreements_case_idx").on(t.caseId), index("agreements_due_idx").on(t.performanceDeadline).where(sql`status = 'signed'`)],
);

/** 司法确认: the agreement sent to the court unit, its status tracked. */
export const judicialConfirmations = pgTable("judicial_confirmations", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  agreementId: integer().notNull().references(() => agreements.id),
  courtUnitId: integer().notNull(),
  status: text({ enum: CONFIRMATION_STATUSES }).notNull().default("requested"),
  requestedByLabel: text().notNull(),
  requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp({ withTimezone: true }),
  note: text(),
});

/** 诉调衔接: when mediation fails, the case handed to arbitration, legal aid or the court, with guidance. */
export const referrals = pgTable(
  "referrals",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull().references(() => cases.id),
    kind: text({ enum: REFERRAL_KINDS }).notNull(),
    targetUnitId: integer(),
    targetName: text().notNull(),
    guidance: text().notNull(),
    status: text({ enum: REFERRAL_STATUSES }).notNull().default("sent"),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [index("referrals_case_idx").on(t.caseId)],
);
