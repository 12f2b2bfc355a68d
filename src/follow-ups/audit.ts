// The follow-up area's audit events (listed in audit/record.ts's AuditAction).
import { recordAudit, type AuditEntry } from "../audit/record.js";
import type { Ctx } from "../server/context.js";

export type FollowUpAuditAction =
  | "follow_up.schedule"
  | "follow_up.record"
  | "follow_up.reassign"
  | "follow_up.overdue"
  | "follow_up_rule.create"
  | "follow_up_rule.update"
  | "case.reopen"
  | "case.recurrence";

export function auditFollowUp(ctx: Pick<Ctx, "actor" | "tx" | "correlationId" | "ip">, entry: Omit<AuditEntry, "action"> & { action: FollowUpAuditAction }) {
  return recordAudit(ctx, { ...entry, action: entry.action });
}
