// A warning's loop and its triggers, with their names. No database imports: the web app uses this too.
// 预警 → 签收 → 反馈 → 督办 → 销号: raised, acknowledged by every recipient, feedback on measures, supervision if
// needed, closed with an outcome.
export const WARNING_STATUSES = ["raised", "acknowledged", "feedback", "supervised", "closed"] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const WARNING_STATUS_NAMES: Record<WarningStatus, string> = {
  raised: "待签收",
  acknowledged: "已签收",
  feedback: "已反馈",
  supervised: "督办中",
  closed: "已销号",
};

export const WARNING_TRIGGERS = ["case_red", "person_repeat", "group_dispute", "overdue_red_task"] as const;
export type WarningTrigger = (typeof WARNING_TRIGGERS)[number];
export const WARNING_TRIGGER_NAMES: Record<WarningTrigger, string> = {
  case_red: "案件转为红色风险",
  person_repeat: "同一当事人30天内第三起纠纷",
  group_dispute: "群体性纠纷",
  overdue_red_task: "红色案件任务超期",
};

export const WARNING_LEVELS = ["red", "yellow"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_NAMES: Record<WarningLevel, string> = { red: "红色预警", yellow: "黄色预警" };

/** The one place for a warning's time limits: each recipient acknowledges (签收) within, and feedback follows within. */
export const WARNING_ACK_HOURS: Record<WarningLevel, number> = { red: 2, yellow: 24 };
export const WARNING_FEEDBACK_HOURS: Record<WarningLevel, number> = { red: 24, yellow: 72 };

const HOUR = 3_600_000;
/** When a recipient who received the warning at `from` must have acknowledged it. */
export const ackDueFrom = (level: WarningLevel, from: Date) => new Date(from.getTime() + WARNING_ACK_HOURS[level] * HOUR);

/** The notice's title: 红色预警：案件 GT-2025-0001（案件转为红色）. */
export const warningTitle = (level: WarningLevel, caseCode: string, trigger: WarningTrigger) => `${WARNING_LEVEL_NAMES[level]}：案件 ${caseCode}（${WARNING_TRIGGER_NAMES[trigger]}）`;

/** Which statuses allow each step. Acknowledging and feedback stay open until closure (a late unit still answers). */
export const RESPONDABLE_WARNING: readonly WarningStatus[] = ["raised", "acknowledged", "feedback", "supervised"];
export const SUPERVISABLE_WARNING: readonly WarningStatus[] = ["raised", "acknowledged", "feedback"];
export const CLOSABLE_WARNING: readonly WarningStatus[] = ["raised", "acknowledged", "feedback", "supervised"];

/** The loop's steps as the web app shows them (antd Steps). */
export const WARNING_STEP_NAMES = { raised: "预警", acknowledged: "签收", feedback: "反馈", supervised: "督办", closed: "销号" } as const;
