// The follow-up area's audit events: the AuditAction names (audit/record.ts) this area writes.
import { recordAudit, type AuditAction, type AuditEntry } from "../audit/record.js";
import type { Ctx } from "../server/context.js";

export type FollowUpAuditAction = Extract<AuditAction, `follow_up${string}` | "case.reopen" | "case.recurrence">;

export function auditFollowUp(ctx: Pick<Ctx, "actor" | "tx" | "correlationId" | "ip">, entry: Omit<AuditEntry, "action"> & { action: FollowUpAuditAction }) {
  return recordAudit(ctx, entry);
}
