// The mediation force's words, with their names. No database imports: the web app uses this too.

/** The eight kinds of mediator the practice names. */
export const MEDIATOR_KINDS = ["police", "judicial", "legal_aid", "notable", "professional", "cadre", "grid_worker", "volunteer"] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
export const MEDIATOR_KIND_NAMES: Record<MediatorKind, string> = {
  police: "民警",
  judicial: "司法所工作人员",
  legal_aid: "法律援助律师",
  notable: "乡贤",
  professional: "专职调解员",
  cadre: "村社干部",
  grid_worker: "网格员",
  volunteer: "志愿者",
};

/** 分级分类: senior mediators take the hardest cases. */
export const MEDIATOR_GRADES = ["gold", "senior", "standard", "trainee"] as const;
export type MediatorGrade = (typeof MEDIATOR_GRADES)[number];
export const MEDIATOR_GRADE_NAMES: Record<MediatorGrade, string> = { gold: "金牌调解员", senior: "资深调解员", standard: "调解员", trainee: "见习调解员" };

/** The ODR funnel: one case moves through these, each move with its reason. */
export const MEDIATION_STAGES = ["consultation", "evaluation", "mediation", "arbitration", "litigation"] as const;
export type MediationStage = (typeof MEDIATION_STAGES)[number];
export const MEDIATION_STAGE_NAMES: Record<MediationStage, string> = {
  consultation: "咨询",
  evaluation: "评估",
  mediation: "调解",
  arbitration: "仲裁",
  litigation: "诉讼",
};

export const TEAM_ROLES = ["lead", "member"] as const;
export const SESSION_STATUSES = ["scheduled", "held", "cancelled"] as const;
export const SESSION_STATUS_NAMES = { scheduled: "已安排", held: "已召开", cancelled: "已取消" } as const;
export const AGREEMENT_STATUSES = ["draft", "signed", "performed", "breached"] as const;
export const AGREEMENT_STATUS_NAMES = { draft: "草稿", signed: "已签署", performed: "已履行", breached: "未履行" } as const;
export const CONFIRMATION_STATUSES = ["requested", "accepted", "confirmed", "rejected"] as const;
export const CONFIRMATION_STATUS_NAMES = { requested: "已申请", accepted: "法院已受理", confirmed: "已司法确认", rejected: "不予确认" } as const;
export const REFERRAL_KINDS = ["arbitration", "legal_aid", "litigation"] as const;
export const REFERRAL_KIND_NAMES = { arbitration: "劳动/商事仲裁", legal_aid: "法律援助", litigation: "诉讼（诉调衔接）" } as const;
export const REFERRAL_STATUSES = ["sent", "accepted", "closed"] as const;
export const REFERRAL_STATUS_NAMES = { sent: "已移交", accepted: "已接收", closed: "已办结" } as const;
export const REQUEST_STATUSES = ["pending", "accepted", "declined"] as const;
