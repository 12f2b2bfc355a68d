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
