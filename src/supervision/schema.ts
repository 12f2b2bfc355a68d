import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { SUPERVISION_STATUSES } from "./statuses.js";

export { SUPERVISION_STATUSES };

/** A supervision order (督办): what a unit must do on a case by when; the unit responds, the street centre closes or escalates. */
export const supervisionOrders = pgTable(
  "supervision_orders",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer().notNull(),
    taskId: integer(),
    unitId: integer().notNull(),
    demand: text().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: text({ enum: SUPERVISION_STATUSES }).notNull().default("open"),
    source: text({ enum: ["manual", "deadline", "warning"] }).notNull(),
    issuedByLabel: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    response: text(),
    respondedByLabel: text(),
    respondedAt: timestamp({ withTimezone: true }),
    closingNote: text(),
    closedByLabel: text(),
    closedAt: timestamp({ withTimezone: true }),
    escalatedToUnitId: integer(),
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("supervision_orders_unit_idx").on(t.unitId, t.status), index("supervision_orders_case_idx").on(t.caseId)],
);
