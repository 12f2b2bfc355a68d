// Follow-up visits (回访): their states, ways of contact and outcomes, with names. No database imports: the web app uses this too.
export const VISIT_STATUSES = ["due", "done", "cancelled"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_NAMES: Record<VisitStatus, string> = { due: "待回访", done: "已回访", cancelled: "已取消" };

export const VISIT_CONTACTS = ["home_visit", "phone", "online", "unreachable"] as const;
export type VisitContact = (typeof VISIT_CONTACTS)[number];
export const VISIT_CONTACT_NAMES: Record<VisitContact, string> = { home_visit: "上门走访", phone: "电话回访", online: "线上回访", unreachable: "联系不上" };

/** What a visit led to: settled, or not settled and the case reopened, or a new linked case (recurrence). */
export const VISIT_OUTCOMES = ["settled", "reopened", "recurrence", "unreachable"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];
export const VISIT_OUTCOME_NAMES: Record<VisitOutcome, string> = { settled: "纠纷已化解", reopened: "未化解，案件重新办理", recurrence: "未化解，另立复发案件", unreachable: "未联系上" };

/** Who a visit is assigned to. */
export const ASSIGNEE_KINDS = ["grid_worker", "mediator", "unit"] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
export const ASSIGNEE_KIND_NAMES: Record<AssigneeKind, string> = { grid_worker: "网格员", mediator: "调解员", unit: "承办单位" };

/** The satisfaction scale; 3 and above counts as satisfied (满意率 counts 基本满意 too). */
export const SATISFACTION_NAMES: Record<number, string> = { 1: "非常不满意", 2: "不满意", 3: "基本满意", 4: "满意", 5: "非常满意" };
export const SATISFIED_FROM = 3;

/** What the recorder chooses when the dispute is not settled. */
export const NOT_SETTLED_ACTIONS = ["reopen", "recurrence"] as const;
export type NotSettledAction = (typeof NOT_SETTLED_ACTIONS)[number];
export const NOT_SETTLED_ACTION_NAMES: Record<NotSettledAction, string> = {
  reopen: "原案件重新办理（撤销结案，重新流转）",
  recurrence: "另立复发案件（关联原案件，原案件保持结案）",
};

/** The tabs of a visit list: by the Beijing day it falls due, or done. */
export const VISIT_WHEN = ["today", "overdue", "upcoming", "done"] as const;
export type VisitWhen = (typeof VISIT_WHEN)[number];
export const VISIT_WHEN_NAMES: Record<VisitWhen, string> = { today: "今日到期", overdue: "已逾期", upcoming: "即将到期", done: "已完成" };

/** Days after an unreachable visit when the retry falls due. */
export const RETRY_AFTER_DAYS = 3;
/** The hour (Beijing) a visit falls due on its day. */
export const DUE_HOUR_BEIJING = 10;
/** Used when no active rule matches at all (the default rule was switched off). */
export const FALLBACK_OFFSETS = [7, 30];
