// Case statuses with their names. No database imports: the web app uses this too.
export const CASE_STATUSES = ["open", "in_progress", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  open: "待处置",
  in_progress: "处置中",
  resolved: "已化解",
  closed: "已办结",
};
