// Kinds of event on a case's timeline, with their names. No database imports: the web app uses this too.
// Routing, tasks, deadlines, supervision (and later mediation, follow-up and risk) write these; the assessment
// ledger scores them.
export const CASE_EVENT_KINDS = [
  "routed",
  "rerouted",
  "escalated",
  "pushed_down",
  "posted",
  "claimed",
  "assigned",
  "claim_expired",
  "accepted",
  "started",
  "co_reported",
  "resolved",
  "verified",
  "verify_rejected",
  "closed",
  "returned",
  "workflow_step_done",
  "extension_requested",
  "extension_approved",
  "extension_rejected",
  "deadline_yellow",
  "deadline_red",
  "deadline_overdue",
  "supervision_issued",
  "supervision_responded",
  "supervision_closed",
  "supervision_escalated",
  "satisfaction_recorded",
  "recurrence",
  "stage_changed",
  "session_scheduled",
  "session_rescheduled",
  "session_cancelled",
  "session_held",
  "agreement_drafted",
  "agreement_party_confirmed",
  "agreement_signed",
  "agreement_performed",
  "agreement_breached",
  "agreement_follow_up",
  "confirmation_requested",
  "confirmation_decided",
  "referral_sent",
  "referral_updated",
  "team_formed",
  "team_released",
  "mediator_requested",
  "mediator_request_accepted",
  "mediator_request_declined",
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

// What `detail` carries, per kind (the assessment rules read these facts rather than recomputing them):
//   routed/rerouted/escalated/pushed_down: { routingId, level, leadUnitId, coUnitIds, reasons, note? }
//   posted: { claimDeadline }                      claimed: { claimDeadline, onTime, attempts }
//   assigned / claim_expired: { unitId, via }      accepted: { dueAt, onTime }    started: {}
//   co_reported: { report, dueAt, onTime }         resolved: { dueAt, onTime, resolution }
//   verified: { firstTime }                        verify_rejected: { note }      closed: {}
//   returned: { reason, withReason }               workflow_step_done: { stepKey, title }
//   extension_*: { requestId, workingDays, reason|note }
//   deadline_yellow/red/overdue: { stage, dueAt }  supervision_*: { orderId, … }
//   satisfaction_recorded: { satisfied, score }    recurrence: { previousCaseId, daysSinceClosed }
//   stage_changed: { from, to, reason, backward }  session_*: { sessionId, scheduledAt, place?, online?, outcome?, reason? }
//   agreement_*: { agreementId, number, partyIndex?, deadline?, note? }  confirmation_*: { confirmationId, agreementId, status, note? }
//   referral_sent / referral_updated: { referralId, kind, targetName, status, note? }
//   team_formed: { teamId, formedBy, previousTeamId, members: [{ mediatorId, name, role }] }   team_released: { teamId, reason }
//   mediator_requested / mediator_request_accepted / mediator_request_declined: { requestId, mediatorId, mediatorName, teamId?, note?, otherPartyTold? }

export const CASE_EVENT_NAMES: Record<CaseEventKind, string> = {
  routed: "按职责矩阵流转",
  rerouted: "改派",
  escalated: "上提一级",
  pushed_down: "下沉一级",
  posted: "发布揭榜",
  claimed: "揭榜认领",
  assigned: "指派",
  claim_expired: "认领超期",
  accepted: "签收",
  started: "开始办理",
  co_reported: "协办单位反馈",
  resolved: "办结",
  verified: "社治中心核验通过",
  verify_rejected: "核验不通过，退回重办",
  closed: "结案",
  returned: "退回",
  workflow_step_done: "联动步骤完成",
  extension_requested: "申请延期",
  extension_approved: "延期获批",
  extension_rejected: "延期未批准",
  deadline_yellow: "时限黄色提醒",
  deadline_red: "时限红色预警",
  deadline_overdue: "超期",
  supervision_issued: "发起督办",
  supervision_responded: "督办回复",
  supervision_closed: "督办办结",
  supervision_escalated: "督办升级",
  satisfaction_recorded: "群众满意度",
  recurrence: "重复发生",
  stage_changed: "调解阶段变更",
  session_scheduled: "安排调解",
  session_rescheduled: "调解改期",
  session_cancelled: "取消调解",
  session_held: "召开调解",
  agreement_drafted: "起草调解协议",
  agreement_party_confirmed: "当事人确认调解协议",
  agreement_signed: "调解协议签署",
  agreement_performed: "调解协议已履行",
  agreement_breached: "调解协议未履行",
  agreement_follow_up: "履行期限届满，待回访",
  confirmation_requested: "申请司法确认",
  confirmation_decided: "司法确认结果",
  referral_sent: "诉调衔接移交",
  referral_updated: "移交进展",
  team_formed: "组建调解小组",
  team_released: "解散调解小组",
  mediator_requested: "当事人申请指定调解员",
  mediator_request_accepted: "调解员接受指定",
  mediator_request_declined: "调解员谢绝指定",
};
