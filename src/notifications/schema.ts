import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** An in-app notification to one account. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    caseId: integer(),
    taskId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notifications_account_idx").on(t.accountId, t.id), index("notifications_unread_idx").on(t.accountId).where(sql`read_at IS NULL`)],
);

/** A unit's own system (浙政钉-like) receiving its tasks: events POSTed, signed with HMAC-SHA256. */
export const unitWebhooks = pgTable("unit_webhooks", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  unitId: integer().notNull(),
  url: text().notNull(),
  /** The signing secret, encrypted (personal-data/cipher). */
  secretEnc: text().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One event to one webhook, with its attempts: retried with backoff until delivered or given up. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer().notNull(),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: ["pending", "delivered", "failed"] }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`), index("webhook_deliveries_hook_idx").on(t.webhookId, t.id)],
);
