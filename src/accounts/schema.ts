import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { regionNodes } from "../regions/schema.js";
import { units } from "../units/schema.js";
import { ROLES } from "./roles.js";

export const accounts = pgTable(
  "accounts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    unitId: integer().references(() => units.id),
    /** The root of what the account may see; defaults to its unit's region. */
    regionNodeId: integer().notNull().references(() => regionNodes.id),
    passwordHash: text().notNull(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accounts_unit_idx").on(t.unitId), index("accounts_region_idx").on(t.regionNodeId)],
);

/** A login session. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    accountId: integer().notNull().references(() => accounts.id),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

/** A machine client's token (e.g. a channel's push integration). Only its SHA-256 is stored. */
export const apiTokens = pgTable("api_tokens", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  /** The first characters of the token, shown so an admin can tell tokens apart. */
  prefix: text().notNull(),
  scopes: text().array().notNull(),
  channel: text(),
  unitId: integer().references(() => units.id),
  regionNodeId: integer().notNull().references(() => regionNodes.id),
  createdBy: integer().references(() => accounts.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

export type Account = typeof accounts.$inferSelect;
