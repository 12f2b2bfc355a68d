import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail. A trigger (custom migration) rejects UPDATE, DELETE and TRUNCATE for every role,
 * and the privileges are revoked from PUBLIC. Rows are written in the same transaction as the change.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text({ enum: ["account", "token", "system", "anonymous"] }).notNull(),
    actorId: integer(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    oldValues: jsonb(),
    newValues: jsonb(),
    correlationId: text().notNull(),
    ip: text(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_events_actor_idx").on(t.actorKind, t.actorId),
  ],
);
