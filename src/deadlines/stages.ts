// Names of the deadline stages and tiers for people. No database imports: the web app uses this too.

/** The stages a task's time is measured in: claim (posted), accept, handle, verify. */
export const DEADLINE_STAGES = ["claim", "accept", "handle", "verify"] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export const DEADLINE_STAGE_NAMES: Record<DeadlineStage, string> = {
  claim: "认领",
  accept: "签收",
  handle: "办理",
  verify: "核验",
};
/** The stage list as a runtime tuple for zod. */
export const STAGES = DEADLINE_STAGES;

export const ALERT_TIERS = ["yellow", "red", "overdue"] as const;
export type AlertTier = (typeof ALERT_TIERS)[number];
export const ALERT_TIER_NAMES: Record<AlertTier, string> = { yellow: "黄色提醒", red: "红色预警", overdue: "超期" };

export const EXTENSION_STATUS_NAMES = { pending: "待审批", approved: "已批准", rejected: "未批准" } as const;
