import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A non-police 110 incident (非警务警情) transferred to the street's hub: which record, which case, when, and why
 * it counts as non-police. What happened next (routing, acceptance, outcome) is read from the case's tasks.
 */
export const policeTransfers = pgTable(
  "police_transfers",
  {
  recordId: bigint({ mode: "number" }).primaryKey(),
  caseId: integer().notNull(),
  /** flagged: 是否非警务 = 是; classified: a dispute with no police matter in it. */
  basis: text({ enum: ["flagged", "classified"] }).notNull(),
  reportedAt: timestamp({ withTimezone: true }).notNull(),
  transferredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  policeUnitName: text(),
  officerName: text(),
  policeResult: text(),
  },
  (t) => [index("police_transfers_case_idx").on(t.caseId), index("police_transfers_at_idx").on(t.transferredAt)],
);
