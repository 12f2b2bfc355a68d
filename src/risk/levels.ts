// The three risk colours with their names. No database imports: the web app uses this too.
export const RISK_LEVELS = ["red", "yellow", "green"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_NAMES: Record<RiskLevel, string> = { red: "红色", yellow: "黄色", green: "绿色" };

/** One factor behind a case's risk: what it is, a readable reason, and the points it added (rules.ts). */
export interface RiskFactor {
  factor: string;
  label: string;
  detail: string;
  points: number;
  /** A hard factor makes the case red on its own, whatever the total. */
  hard?: boolean;
}
