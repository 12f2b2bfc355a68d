// Writing the audit trail. Always called with the transaction of the change it records.
import { auditEvents } from "./schema.js";
import { actorLabel, type Ctx } from "../server/context.js";

/** Typed event names: one per kind of change or personal-data read. */
export type AuditAction =
  | "session.login"
  | "session.login_failed"
  | "session.locked"
  | "session.logout"
  | "account.create"
  | "account.update"
  | "account.disable"
  | "account.enable"
  | "account.password_reset"
  | "token.create"
  | "token.revoke"
  | "unit.create"
  | "unit.update"
  | "region.import"
  | "person.read"
  | "person.list"
  | "person.reveal"
  | "case.read"
  | "intake.chunk"
  | "intake.upload"
  | "quarantine.list"
  | "quarantine.resubmit"
  | "quarantine.dismiss"
  | "address.place"
  | "record.read"
  | "record.reveal"
  | "case.merge"
  | "case.split"
  | "case.undo"
  | "case.category"
  | "duplicate.confirm"
  | "duplicate.reject"
  | "supervision.issue"
  | "supervision.respond"
  | "supervision.close"
  | "supervision.escalate"
  | "assessment.export"
  | "task.post"
  | "task.claim"
  | "task.assign"
  | "task.accept"
  | "task.start"
  | "task.report"
  | "task.resolve"
  | "task.verify"
  | "task.close"
  | "task.return"
  | "routing.matrix_save"
  | "case.route"
  | "case.reroute"
  | "case.escalate"
  | "case.push_down"
  | "workflow.step_done"
  | "calendar.set"
  | "calendar.delete"
  | "deadline_rules.replace"
  | "extension.request"
  | "extension.decide"
  | "webhook.create"
  | "webhook.update"
  | "webhook.delete"
  | "webhook.test"
  | "mediator.create"
  | "mediator.update"
  | "mediation.stage_move"
  | "mediation_session.schedule"
  | "mediation_session.update"
  | "mediation_session.cancel"
  | "mediation_session.record"
  | "agreement.create"
  | "agreement.update"
  | "agreement.confirm"
  | "agreement.performance"
  | "agreement.read"
  | "judicial_confirmation.request"
  | "judicial_confirmation.decide"
  | "referral.create"
  | "referral.update"
  | "referral.dossier"
  | "mediation_team.form"
  | "mediation_team.release"
  | "mediator_request.create"
  | "mediator_request.decide"
  | "follow_up.schedule"
  | "follow_up.record"
  | "follow_up.reassign"
  | "follow_up.overdue"
  | "follow_up_rule.create"
  | "follow_up_rule.update"
  | "case.reopen"
  | "case.recurrence"
  | "warning.raise"
  | "warning.acknowledge"
  | "warning.feedback"
  | "warning.supervise"
  | "warning.escalate"
  | "warning.receive"
  | "warning.close"
  | "portal.submissions.read"
  | "legal_question.ask"
  | "legal_question.answer"
  | "legal_question.read";

export interface AuditEntry {
  action: AuditAction;
  subjectType: string;
  subjectId?: string | number | null;
  oldValues?: unknown;
  newValues?: unknown;
}

export async function recordAudit(ctx: Pick<Ctx, "actor" | "tx" | "correlationId" | "ip">, entry: AuditEntry) {
  const a = ctx.actor;
  await ctx.tx.insert(auditEvents).values({
    actorKind: a.kind,
    actorId: a.kind === "account" || a.kind === "token" ? a.id : null,
    actorLabel: actorLabel(a),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
    oldValues: entry.oldValues ?? null,
    newValues: entry.newValues ?? null,
    correlationId: ctx.correlationId,
    ip: ctx.ip ?? null,
  });
}
