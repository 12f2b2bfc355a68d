// Raises the warnings that formation and risk scoring have made due (being built).
import type { SweepServices } from "../jobs/boss.js";

export async function raiseDueWarnings(_services: SweepServices, _now = new Date()): Promise<number> {
  return 0;
}
