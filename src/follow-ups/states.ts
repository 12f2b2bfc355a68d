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
