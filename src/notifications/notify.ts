// In-app notifications: to the active accounts of a unit, or to named accounts. Written in the caller's transaction.
// A notice to a unit also queues one webhook delivery per active webhook of the unit, in the same transaction:
// the event and its deliveries commit (or roll back) together.
import { and, eq, isNull } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import type { Ctx } from "../server/context.js";
import { notifications } from "./schema.js";
import { queueUnitDeliveries } from "./webhooks.js";

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  caseId?: number | null;
  taskId?: number | null;
}

export async function notifyUnit(ctx: Pick<Ctx, "tx" | "now">, unitId: number, notice: Notice): Promise<number> {
  const members = await ctx.tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.unitId, unitId), isNull(accounts.disabledAt)));
  const notified = await notifyAccounts(ctx, members.map((m) => m.id), notice);
  await queueUnitDeliveries(ctx, unitId, notice);
  return notified;
}

export async function notifyAccounts(ctx: Pick<Ctx, "tx" | "now">, accountIds: number[], notice: Notice): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return 0;
  await ctx.tx.insert(notifications).values(
    ids.map((accountId) => ({
      accountId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? "",
      caseId: notice.caseId ?? null,
      taskId: notice.taskId ?? null,
      createdAt: ctx.now,
    })),
  );
  return ids.length;
}

/** Accounts of a given role inside the unit, e.g. the unit leader for an escalation. */
export async function unitAccountsWithRole(ctx: Pick<Ctx, "tx">, unitId: number, role: "unit_leader" | "unit_handler") {
  const rows = await ctx.tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.unitId, unitId), eq(accounts.role, role), isNull(accounts.disabledAt)));
  return rows.map((r) => r.id);
}
