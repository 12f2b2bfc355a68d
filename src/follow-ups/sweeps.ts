// The follow-up area's timers (being built).
import type { Sweep } from "../jobs/boss.js";

export const FOLLOW_UP_SWEEPS: Sweep[] = [];
