// The assessment rules (奖惩考核细则): one readable table. Each rule scores one kind of timeline event when the
// event's facts (its `detail`, see tasks/event-kinds.ts) meet the condition. No database imports: the web app
// shows this table as it is.
import type { CaseEventKind } from "../tasks/event-kinds.js";

/**
 * Whom the points go to:
 *   unit          – the event's unit (the unit whose task or order it is)
 *   account       – the person who did it (the event's actor account)
 *   previous_unit – the unit that closed the previous case (for a recurrence)
 */
export type RuleSubject = "unit" | "account" | "previous_unit";

export const RULE_SUBJECT_NAMES: Record<RuleSubject, string> = {
  unit: "承办单位",
  account: "经办人",
  previous_unit: "原结案单位",
};

export interface AssessmentRule {
  code: string;
  name: string;
  subject: RuleSubject;
  points: number;
  kind: CaseEventKind;
  /** The condition in words, for the rules table. */
  condition: string;
  when: (detail: Record<string, unknown>) => boolean;
}

const always = () => true;
const isTrue = (key: string) => (d: Record<string, unknown>) => d[key] === true;
const isFalse = (key: string) => (d: Record<string, unknown>) => d[key] === false;

export const RECURRENCE_WINDOW_DAYS = 90;

// prettier-ignore
export const RULES: AssessmentRule[] = [
  // code                          name                     subject           points kind                     condition
  { code: "claimed_on_time",         name: "按时揭榜认领",        subject: "unit",          points: 2,  kind: "claimed",               condition: "认领截止前认领",           when: isTrue("onTime") },
  { code: "claimed_on_time_person",  name: "按时揭榜认领（个人）",  subject: "account",       points: 1,  kind: "claimed",               condition: "认领截止前认领",           when: isTrue("onTime") },
  { code: "accepted_on_time",        name: "按时签收",            subject: "unit",          points: 1,  kind: "accepted",              condition: "签收时限内签收",           when: isTrue("onTime") },
  { code: "accepted_late",           name: "超时签收",            subject: "unit",          points: -1, kind: "accepted",              condition: "超过签收时限",             when: isFalse("onTime") },
  { code: "co_reported_on_time",     name: "协办按时反馈",         subject: "unit",          points: 1,  kind: "co_reported",           condition: "办理时限内反馈协办情况",     when: isTrue("onTime") },
  { code: "resolved_on_time",        name: "按时办结",            subject: "unit",          points: 3,  kind: "resolved",              condition: "办理时限内办结",           when: isTrue("onTime") },
  { code: "resolved_on_time_person", name: "按时办结（个人）",      subject: "account",       points: 1,  kind: "resolved",              condition: "办理时限内办结",           when: isTrue("onTime") },
  { code: "resolved_late",           name: "超时办结",            subject: "unit",          points: -2, kind: "resolved",              condition: "超过办理时限才办结",        when: isFalse("onTime") },
  { code: "verified_first_time",     name: "一次核验通过",         subject: "unit",          points: 2,  kind: "verified",              condition: "社治中心首次核验即通过",     when: isTrue("firstTime") },
  { code: "verify_rejected",         name: "核验不通过",           subject: "unit",          points: -1, kind: "verify_rejected",       condition: "社治中心核验退回重办",       when: always },
  { code: "citizen_satisfied",       name: "群众满意",            subject: "unit",          points: 2,  kind: "satisfaction_recorded", condition: "回访群众表示满意",         when: isTrue("satisfied") },
  { code: "citizen_dissatisfied",    name: "群众不满意",           subject: "unit",          points: -2, kind: "satisfaction_recorded", condition: "回访群众表示不满意",        when: isFalse("satisfied") },
  { code: "returned_without_reason", name: "无正当理由退回",        subject: "unit",          points: -3, kind: "returned",              condition: "退回未说明正当理由",        when: isFalse("withReason") },
  { code: "overdue",                 name: "超期",               subject: "unit",          points: -3, kind: "deadline_overdue",      condition: "任一环节超过办理时限",       when: always },
  { code: "supervision_received",    name: "被督办",              subject: "unit",          points: -2, kind: "supervision_issued",    condition: "收到督办单",              when: always },
  { code: "supervision_answered_late", name: "督办逾期回复",        subject: "unit",          points: -1, kind: "supervision_responded", condition: "督办要求时限后才回复",      when: isFalse("onTime") },
  { code: "supervision_escalated",   name: "督办升级",            subject: "unit",          points: -3, kind: "supervision_escalated", condition: "督办未落实被升级",         when: always },
  { code: "recurrence_within_90_days", name: "90天内重复发生",      subject: "previous_unit", points: -3, kind: "recurrence",            condition: `结案后${RECURRENCE_WINDOW_DAYS}天内同一纠纷再次发生`, when: (d) => typeof d.daysSinceClosed === "number" && d.daysSinceClosed <= RECURRENCE_WINDOW_DAYS },
];

export const RULES_BY_KIND: Map<CaseEventKind, AssessmentRule[]> = RULES.reduce((m, r) => m.set(r.kind, [...(m.get(r.kind) ?? []), r]), new Map());

export const RULE_NAMES: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.code, r.name]));
