import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { regionNodes } from "../regions/schema.js";

/** One run of intake: a file, an upload, a pushed batch or a form. Counts are updated as chunks commit. */
export const intakeBatches = pgTable("intake_batches", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  source: text({ enum: ["file", "upload", "api", "form", "demo"] }).notNull(),
  channel: text(),
  fileName: text(),
  actorLabel: text().notNull(),
  status: text({ enum: ["running", "done", "failed"] }).notNull().default("running"),
  counts: jsonb().$type<IntakeCounts>().notNull().default({ read: 0, accepted: 0, redelivered: 0, corrected: 0, quarantined: 0 }),
  startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});

export interface IntakeCounts {
  read: number;
  accepted: number;
  redelivered: number;
  corrected: number;
  quarantined: number;
}

/**
 * A record exactly as received, encrypted (it carries ID and phone numbers). One row per distinct content:
 * a redelivery (same id, same content) adds nothing; a correction (same id, new content) adds a version.
 */
export const rawRecords = pgTable(
  "raw_records",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text().notNull(),
    externalId: text().notNull(),
    version: integer().notNull(),
    /** Keyed hash of the verbatim text: equal content, equal hash. */
    contentHash: text().notNull(),
    rawEnc: text().notNull(),
    batchId: bigint({ mode: "number" }).notNull(),
    origin: jsonb().$type<{ file?: string; line?: number; index: number }>(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("raw_records_version_uq").on(t.channel, t.externalId, t.version),
    uniqueIndex("raw_records_content_uq").on(t.channel, t.externalId, t.contentHash),
    // A citizen's own submissions (portal/submissions.ts) are found through their batches; only portal rows pay for it.
    index("raw_records_portal_batch_idx").on(t.batchId).where(sql`channel = 'portal'`),
  ],
);

export const ADDRESS_STATUSES = ["resolved", "partial", "unresolved"] as const;

/** The standard record: one version of one channel record, normalised and cleaned. */
export const records = pgTable(
  "records",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    rawRecordId: bigint({ mode: "number" }).notNull(),
    channel: text().notNull(),
    externalId: text().notNull(),
    version: integer().notNull(),
    isCurrent: boolean().notNull().default(true),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
    narrative: text().notNull(),
    /** Simplified, half-width, cleaned: the form used for matching. */
    narrativeKey: text().notNull(),
    categoryWords: text().array().notNull(),
    amount: numeric({ precision: 14, scale: 2, mode: "number" }),
    peopleCount: integer(),
    addressText: text(),
    addressNormalised: text(),
    regionNodeId: integer().references(() => regionNodes.id),
    addressStatus: text({ enum: ADDRESS_STATUSES }).notNull(),
    addressConfidence: real().notNull().default(0),
    addressEvidence: text().array().notNull().default(sql`'{}'::text[]`),
    extra: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Data-quality flags: invalid_phone, invalid_id_number, markup_in_text … */
    flags: text().array().notNull().default(sql`'{}'::text[]`),
    caseId: integer(),
  },
  (t) => [
    // Every version, not only the current one: formation looks up the earlier version of a correction here.
    index("records_channel_external_idx").on(t.channel, t.externalId),
    index("records_region_idx").on(t.regionNodeId, t.reportedAt),
    // No index on reported_at alone: no query filters records by time without a region, a case or pending status
    // (each has its own index), and every intake row would pay for one.
    index("records_unresolved_idx").on(t.id).where(sql`address_status = 'unresolved' AND is_current`),
    index("records_case_idx").on(t.caseId).where(sql`case_id IS NOT NULL`),
    index("records_pending_idx").on(t.reportedAt).where(sql`case_id IS NULL AND is_current`),
  ],
);

/** A person or organisation named by a record, numbers encrypted (see personal-data/). */
export const recordPeople = pgTable(
  "record_people",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint({ mode: "number" }).notNull(),
    role: text({ enum: ["reporter", "applicant", "respondent", "other"] }).notNull(),
    name: text(),
    nameKey: text(),
    titleOnly: boolean().notNull().default(false),
    isOrganisation: boolean().notNull().default(false),
    /** Normalised number when valid, else the number as given (status says which). */
    idNumberEnc: text(),
    idNumberHash: text(),
    idNumberMasked: text(),
    idPartialHash: text(),
    idStatus: text({ enum: ["full", "masked", "invalid", "empty"] }).notNull().default("empty"),
    phoneEnc: text(),
    phoneHash: text(),
    phoneMasked: text(),
    phoneStatus: text({ enum: ["mobile", "landline", "invalid", "empty"] }).notNull().default("empty"),
    companyName: text(),
    creditCode: text(),
    creditCodeValid: boolean(),
    addressText: text(),
    personId: integer(),
  },
  // Partial: at intake person_id is still empty, and an index entry per row would cost every insert.
  (t) => [index("record_people_record_idx").on(t.recordId), index("record_people_person_idx").on(t.personId).where(sql`person_id IS NOT NULL`)],
);

/** A row that could not become a record, kept verbatim (encrypted) with its reason, until staff fix or dismiss it. */
export const quarantinedRows = pgTable(
  "quarantined_rows",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    batchId: bigint({ mode: "number" }).notNull(),
    channel: text(),
    fileName: text(),
    line: integer(),
    rowIndex: integer(),
    /** Keyed hash of the raw text, so re-reading the same file does not quarantine the same row twice. */
    contentHash: text().notNull(),
    rawEnc: text().notNull(),
    reason: text().notNull(),
    message: text().notNull(),
    status: text({ enum: ["open", "resubmitted", "dismissed"] }).notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: text(),
    recordId: bigint({ mode: "number" }),
  },
  (t) => [
    index("quarantined_rows_open_idx").on(t.createdAt).where(sql`status = 'open'`),
    uniqueIndex("quarantined_rows_content_uq").on(t.contentHash).where(sql`status = 'open'`),
  ],
);
