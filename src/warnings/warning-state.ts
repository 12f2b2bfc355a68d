// Shared by the warning's steps: the row locked for the change, the state check, the actor's receipt, the audit.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import type { Ctx } from "../server/context.js";
import { warningReceipts, warnings } from "./schema.js";
import { WARNING_STATUS_NAMES, type WarningStatus } from "./states.js";
import { actorUnit } from "./scope.js";

export type Warning = typeof warnings.$inferSelect;
export type WarningReceipt = typeof warningReceipts.$inferSelect;

/** The warning with its case code, locked until the transaction ends (two steps on one warning queue up). */
export async function lockWarning(ctx: Pick<Ctx, "tx">, warningId: number): Promise<Warning & { caseCode: string }> {
  const [row] = await ctx.tx
    .select({ warning: warnings, caseCode: cases.code })
    .from(warnings)
    .innerJoin(cases, eq(cases.id, warnings.caseId))
    .where(eq(warnings.id, warningId))
    .for("update", { of: warnings });
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row.warning, caseCode: row.caseCode };
}

export function requireWarningStatus(w: Warning, allowed: readonly WarningStatus[]): void {
  if (!allowed.includes(w.status)) throw new AppError("WARNING_WRONG_STATE", `预警当前为「${WARNING_STATUS_NAMES[w.status]}」`);
}

/** The receipt of the acting unit, locked; refused when the actor's unit is not a recipient. */
export async function ownReceipt(ctx: Ctx, warningId: number): Promise<WarningReceipt> {
  const unitId = actorUnit(ctx.actor);
  const [receipt] =
    unitId == null
      ? []
      : await ctx.tx
          .select()
          .from(warningReceipts)
          .where(and(eq(warningReceipts.warningId, warningId), eq(warningReceipts.unitId, unitId)))
          .for("update");
  if (!receipt) throw new AppError("WARNING_NOT_RECIPIENT");
  return receipt;
}

export type WarningAuditAction = "warning.raise" | "warning.acknowledge" | "warning.feedback" | "warning.supervise" | "warning.escalate" | "warning.receive" | "warning.close";

/** The audit row of a warning step (the actions are listed in audit/record.ts's AuditAction). */
export function auditWarning(ctx: Pick<Ctx, "actor" | "tx" | "correlationId" | "ip">, action: WarningAuditAction, warningId: number, values: { oldValues?: unknown; newValues?: unknown }) {
  return recordAudit(ctx, { action, subjectType: "warning", subjectId: warningId, ...values });
}
