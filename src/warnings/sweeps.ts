// The warnings area's timers (being built).
import type { Sweep } from "../jobs/boss.js";

export const WARNING_SWEEPS: Sweep[] = [];
