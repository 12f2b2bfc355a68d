import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { regionNodes } from "../regions/schema.js";

/**
 * A person (or company) known to the hub. ID-card and phone numbers are stored encrypted (AES-256-GCM),
 * with a keyed hash for exact matching and a masked form for display; see personal-data/.
 */
export const people = pgTable(
  "people",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text({ enum: ["person", "company"] }).notNull().default("person"),
    name: text().notNull(),
    idNumberEnc: text(),
    idNumberHash: text(),
    idNumberMasked: text(),
    phoneEnc: text(),
    phoneHash: text(),
    phoneMasked: text(),
    addressText: text(),
    regionNodeId: integer().references(() => regionNodes.id),
    /** Simplified, spaces removed: for name + place matching. */
    nameKey: text(),
    surname: text(),
    /** Keyed hash of first 6 + last 4 of the ID number: meets a masked number of the same person. */
    idPartialHash: text(),
    creditCode: text(),
    /** The community the person was seen in (name + address matching). */
    communityId: integer(),
    mergedIntoId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("people_id_hash_idx").on(t.idNumberHash),
    index("people_phone_hash_idx").on(t.phoneHash),
    index("people_region_idx").on(t.regionNodeId),
    index("people_partial_idx").on(t.idPartialHash),
    index("people_credit_idx").on(t.creditCode),
    index("people_name_idx").on(t.nameKey, t.communityId),
  ],
);

export type Person = typeof people.$inferSelect;
