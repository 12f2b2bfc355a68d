// Shared by the order's transitions: the row locked for the change, the state check, and who to tell.
import { and, eq, sql } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { supervisionOrders } from "./schema.js";
import { SUPERVISION_STATUS_NAMES, type SupervisionStatus } from "./statuses.js";

export type Order = typeof supervisionOrders.$inferSelect;

/** The order with its case code, locked until the transaction ends (two decisions on one order queue up). */
export async function lockOrder(ctx: Pick<Ctx, "tx">, orderId: number): Promise<Order & { caseCode: string }> {
  const [row] = await ctx.tx
    .select({ order: supervisionOrders, caseCode: cases.code })
    .from(supervisionOrders)
    .innerJoin(cases, eq(cases.id, supervisionOrders.caseId))
    .where(eq(supervisionOrders.id, orderId))
    .for("update", { of: supervisionOrders });
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row.order, caseCode: row.caseCode };
}

export function requireStatus(order: Order, allowed: readonly SupervisionStatus[]): void {
  if (!allowed.includes(order.status)) throw new AppError("SUPERVISION_WRONG_STATE", `督办单当前为「${SUPERVISION_STATUS_NAMES[order.status]}」`);
}

/** The street centres whose jurisdiction covers the case: they hear the unit's response. */
export async function streetCentresOver(ctx: Pick<Ctx, "tx">, caseId: number): Promise<number[]> {
  const rows = await ctx.tx
    .select({ id: units.id })
    .from(units)
    .innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId))
    .where(
      and(
        eq(units.kind, "street_centre"),
        eq(units.active, true),
        sql`starts_with((SELECT rn.path FROM ${cases} c JOIN ${regionNodes} rn ON rn.id = c.region_node_id WHERE c.id = ${caseId}), ${regionNodes.path})`,
      ),
    );
  return rows.map((r) => r.id);
}
