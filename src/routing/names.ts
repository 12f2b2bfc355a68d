// Kinds of routing decision with their names. No database imports: the web app uses this too.
// The risk colours belong to the risk area (risk/levels.ts); re-exported here for the routing code that reads them.
export { RISK_LEVELS, RISK_LEVEL_NAMES, type RiskLevel } from "../risk/levels.js";

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
