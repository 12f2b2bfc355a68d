// Task states, handling levels and urgencies with their names. No database imports: the web app uses this too.

/** posted (on the claim board) → assigned | claimed → accepted → in_progress → resolved → verified → closed; returned ends a task (退回). */
export const TASK_STATES = ["posted", "assigned", "claimed", "accepted", "in_progress", "resolved", "verified", "closed", "returned"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_NAMES: Record<TaskState, string> = {
  posted: "待认领",
  assigned: "已交办",
  claimed: "已认领",
  accepted: "已签收",
  in_progress: "办理中",
  resolved: "已办结待核验",
  verified: "已核验",
  closed: "已结案",
  returned: "已退回",
};

/** States in which a task is still the unit's work. */
export const OPEN_TASK_STATES: TaskState[] = ["posted", "assigned", "claimed", "accepted", "in_progress", "resolved", "verified"];

/** Who handles it, bottom to top: a case starts at the lowest level that can handle it and escalates up. */
export const HANDLING_LEVELS = ["grid", "community", "street", "county"] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const HANDLING_LEVEL_NAMES: Record<HandlingLevel, string> = {
  grid: "网格（微网格）",
  community: "村（社区）二级中心",
  street: "街道",
  county: "市级部门",
};

export const URGENCIES = ["normal", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Record<Urgency, string> = { normal: "一般", urgent: "紧急" };

/** How a task reached its unit. */
export const ASSIGNED_VIA = ["route", "claim", "street_centre", "claim_expired", "reroute", "escalation", "push_down"] as const;
export type AssignedVia = (typeof ASSIGNED_VIA)[number];
export const ASSIGNED_VIA_NAMES: Record<AssignedVia, string> = {
  route: "按职责矩阵流转",
  claim: "揭榜认领",
  street_centre: "社治中心指派",
  claim_expired: "认领超期，社治中心指派",
  reroute: "改派",
  escalation: "上提一级",
  push_down: "下沉一级",
};
