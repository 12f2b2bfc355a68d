// Reading supervision orders with what the view needs: the case, the unit names, the region for the scope check.
import { eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor } from "../server/context.js";
import { units } from "../units/schema.js";
import { supervisionOrders } from "./schema.js";
import { orderAbilities, orderInScope } from "./scope.js";
import type { SupervisionOrderView } from "./views.js";

const escalatedTo = alias(units, "escalated_to");

export const orderColumns = {
  order: supervisionOrders,
  caseCode: cases.code,
  caseTitle: cases.title,
  regionPath: regionNodes.path,
  unitName: units.name,
  escalatedToUnitName: escalatedTo.name,
};
export type OrderRow = {
  order: typeof supervisionOrders.$inferSelect;
  caseCode: string;
  caseTitle: string;
  regionPath: string;
  unitName: string;
  escalatedToUnitName: string | null;
};

/** The select with its joins; callers add where / order / limit. */
export function selectOrders(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(orderColumns)
    .from(supervisionOrders)
    .innerJoin(cases, eq(cases.id, supervisionOrders.caseId))
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .innerJoin(units, eq(units.id, supervisionOrders.unitId))
    .leftJoin(escalatedTo, eq(escalatedTo.id, supervisionOrders.escalatedToUnitId))
    .where(where);
}

/** One order, or 404 when it does not exist or lies outside the actor's scope. */
export async function loadOrderInScope(db: DbOrTx, actor: Actor, id: number): Promise<OrderRow> {
  const [row] = await selectOrders(db, eq(supervisionOrders.id, id));
  if (!row || !orderInScope(actor, { regionPath: row.regionPath, unitId: row.order.unitId, escalatedToUnitId: row.order.escalatedToUnitId })) {
    throw new AppError("NOT_FOUND");
  }
  return row;
}

export function presentOrder(actor: Actor, r: OrderRow, now: Date): SupervisionOrderView {
  const o = r.order;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: o.id,
    caseId: o.caseId,
    caseCode: r.caseCode,
    caseTitle: r.caseTitle,
    taskId: o.taskId,
    unitId: o.unitId,
    unitName: r.unitName,
    demand: o.demand,
    dueAt: o.dueAt.toISOString(),
    overdue: (o.status === "open" || o.status === "escalated") && o.dueAt < now,
    status: o.status,
    source: o.source,
    issuedByLabel: o.issuedByLabel,
    issuedAt: o.issuedAt.toISOString(),
    response: o.response,
    respondedByLabel: o.respondedByLabel,
    respondedAt: iso(o.respondedAt),
    closingNote: o.closingNote,
    closedByLabel: o.closedByLabel,
    closedAt: iso(o.closedAt),
    escalatedToUnitId: o.escalatedToUnitId,
    escalatedToUnitName: r.escalatedToUnitName,
    escalatedAt: iso(o.escalatedAt),
    can: orderAbilities(actor, o),
  };
}
