// The three risk colours with their names. No database imports: the web app uses this too.
export const RISK_LEVELS = ["red", "yellow", "green"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_NAMES: Record<RiskLevel, string> = { red: "红色", yellow: "黄色", green: "绿色" };

/** One factor behind a case's risk: what it is, a readable reason, and the points it added (rules.ts). */
export interface RiskFactor {
  factor: RiskFactorKey;
  label: string;
  detail: string;
  points: number;
  /** A hard factor makes the case red on its own, whatever the total. */
  hard?: boolean;
}

/** The factors the rules weigh (risk/rules.ts gives each its points and says which are hard). */
export const RISK_FACTOR_KEYS = [
  "threat", "weapon", "self_harm", "injury", "group", "rapid_escalation",
  "repeat", "emotion", "escalation", "money", "vulnerable", "police", "recurrence", "unresolved", "party_history",
] as const;
export type RiskFactorKey = (typeof RISK_FACTOR_KEYS)[number];

export const RISK_FACTOR_NAMES: Record<RiskFactorKey, string> = {
  threat: "扬言报复、威胁",
  weapon: "持械",
  self_harm: "扬言自伤、轻生",
  injury: "打架致伤",
  group: "群体性（10人以上）",
  rapid_escalation: "30天内多次报警且升级",
  repeat: "高频触发（30天内多日反映）",
  emotion: "情绪激动且反复反映",
  escalation: "推搡、辱骂、骚扰、扬言上访",
  money: "涉及金额大",
  vulnerable: "弱势当事人（老人、残疾人、孕妇、未成年人）",
  police: "民警已出警",
  recurrence: "结案后复发",
  unresolved: "久拖未决",
  party_history: "当事人有其他纠纷",
};
