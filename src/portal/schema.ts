import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.js";

/**
 * A citizen's legal question (法律咨询) and the on-duty specialist's (专科医生) answer. One answer per question; a
 * citizen with more to ask asks again.
 */
export const legalQuestions = pgTable(
  "legal_questions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    askedBy: integer().notNull().references(() => accounts.id),
    /** The hub category it is about, when the citizen chose one (cases/categories.ts). */
    category: text(),
    question: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answer: text(),
    answeredBy: integer().references(() => accounts.id),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("legal_questions_asked_by_idx").on(t.askedBy, t.askedAt),
    // The specialists' queue: what is still waiting for an answer, oldest first.
    index("legal_questions_open_idx").on(t.askedAt).where(sql`answered_at IS NULL`),
  ],
);
