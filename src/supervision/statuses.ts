// Statuses and sources of a supervision order, with their names. No database imports: the web app uses this too.

/** open → responded (the unit answers) → closed by the street centre; open/responded → escalated (→ responded → closed). */
export const SUPERVISION_STATUSES = ["open", "responded", "closed", "escalated"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export const SUPERVISION_STATUS_NAMES: Record<SupervisionStatus, string> = {
  open: "待回复",
  responded: "已回复",
  closed: "已办结",
  escalated: "已升级",
};

export const SUPERVISION_SOURCES = ["manual", "deadline", "warning"] as const;
export type SupervisionSource = (typeof SUPERVISION_SOURCES)[number];

export const SUPERVISION_SOURCE_NAMES: Record<SupervisionSource, string> = {
  manual: "人工督办",
  deadline: "时限红色预警",
  warning: "风险预警",
};

/** From which statuses each action may be taken. */
export const RESPONDABLE: readonly SupervisionStatus[] = ["open", "escalated"];
export const CLOSABLE: readonly SupervisionStatus[] = ["open", "responded", "escalated"];
export const ESCALATABLE: readonly SupervisionStatus[] = ["open", "responded"];
