// Risk colours and kinds of routing decision with their names. No database imports: the web app uses this too.
// (The risk area, when it comes, should own RISK_LEVELS; cases.risk_level is the same list.)
export const RISK_LEVELS = ["red", "yellow", "green"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_NAMES: Record<RiskLevel, string> = { red: "红色", yellow: "黄色", green: "绿色" };

/** Why a case_routings row exists (its `via` column). */
export const ROUTING_VIA = ["auto", "reroute", "escalation", "push_down", "return"] as const;
export type RoutingVia = (typeof ROUTING_VIA)[number];
export const ROUTING_VIA_NAMES: Record<RoutingVia, string> = {
  auto: "自动流转",
  reroute: "人工改派",
  escalation: "上提一级",
  push_down: "下沉一级",
  return: "退回后重新流转",
};
