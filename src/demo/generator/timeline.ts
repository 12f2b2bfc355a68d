// How a dispute unfolds: on which days it is reported, through which channels, by which side, and which risk
// signals each report voices. The shape is chosen so that the risk rule lands on the planned colour.
import { CHANNEL_WEIGHTS, type Category, type SourceChannel } from "./categories.js";
import type { Rng } from "./prng.js";
import { HARD_FITS, SOFT_SIGNALS, type Signal } from "./signals.js";

export type RiskPlan =
  | { level: "green" }
  | { level: "yellow"; reason: "repeat" | "emotion" | "money" | "vulnerable" }
  | { level: "red"; mode: "hard" | "escalation" };

export interface Shape {
  /** Day offsets from the first report, ascending (equal offsets: the same day). */
  days: number[];
  /** Index of the first report after a quiet spell, or -1. */
  flare: number;
}

const DAY = 86_400_000;

function pair(rng: Rng): number[] {
  return [0, rng.chance(0.2) ? 0 : rng.chance(0.95) ? rng.int(1, 25) : rng.int(31, 70)];
}

function quietThenAgain(rng: Rng): Shape {
  const first = rng.chance(0.5) ? [0] : [0, rng.int(0, 10)];
  const g = first[first.length - 1] + rng.int(35, 150);
  const second = rng.chance(0.5) ? [g] : [g, g + rng.int(0, 10)];
  return { days: [...first, ...second], flare: first.length };
}

/** 3 to 5 reports on different days within 30 days. */
function burst(rng: Rng, min = 3, max = 5): number[] {
  const n = rng.int(min, max);
  const span = rng.int(Math.max(n, 8), 29);
  const days = new Set([0]);
  while (days.size < n) days.add(rng.int(1, span));
  return [...days].sort((a, b) => a - b);
}

/** A shape that never makes the rule say yellow by itself: at most 2 report days in any 30. */
function calmShape(rng: Rng): Shape {
  const kind = rng.weighted({ single: 54, pair: 35, sameDay: 4, flare: 7 });
  if (kind === "single") return { days: [0], flare: -1 };
  if (kind === "pair") return { days: pair(rng), flare: -1 };
  if (kind === "sameDay") return { days: [0, 0, rng.int(31, 60)], flare: -1 };
  return quietThenAgain(rng);
}

export function shapeFor(rng: Rng, plan: RiskPlan): Shape {
  if (plan.level === "green") return calmShape(rng);
  if (plan.level === "yellow") {
    if (plan.reason === "repeat") {
      const days = burst(rng);
      if (days.length <= 4 && rng.chance(0.12)) {
        const g = days[days.length - 1] + rng.int(40, 120);
        return { days: [...days, g], flare: days.length };
      }
      return { days, flare: -1 };
    }
    if (plan.reason === "emotion") return { days: rng.chance(0.8) ? [0, rng.int(1, 25)] : [0, 0, rng.int(1, 25)], flare: -1 };
    return calmShape(rng);
  }
  if (plan.mode === "escalation") return { days: burst(rng, 3, 5), flare: -1 };
  const kind = rng.weighted({ single: 30, pair: 30, burst: 28, flare: 12 });
  if (kind === "single") return { days: [0], flare: -1 };
  if (kind === "pair") return { days: pair(rng), flare: -1 };
  if (kind === "burst") return { days: burst(rng, 3, 4), flare: -1 };
  return quietThenAgain(rng);
}

/** Channels for n reports; the mediation register comes late, labour inspection early. */
const WITHOUT_LDBZ = Object.fromEntries(
  Object.entries(CHANNEL_WEIGHTS).map(([c, w]) => [c, Object.fromEntries(Object.entries(w).filter(([ch]) => ch !== "ldbz"))]),
) as typeof CHANNEL_WEIGHTS;

export function channelsFor(rng: Rng, category: Category, n: number, employerIsOrg: boolean): SourceChannel[] {
  const weights = employerIsOrg ? CHANNEL_WEIGHTS[category] : WITHOUT_LDBZ[category];
  const out: SourceChannel[] = [];
  for (let i = 0; i < n; i++) out.push(rng.weighted(weights));
  if (category === "LD" && employerIsOrg && rng.chance(0.5)) out[0] = "ldbz";
  const register = out.filter((c) => c === "rmtj");
  return [...out.filter((c) => c !== "rmtj"), ...register];
}

/** The hour a channel takes reports at (Beijing), as minutes after midnight. */
export function minuteOfDay(rng: Rng, channel: SourceChannel): number {
  switch (channel) {
    case "110":
      return rng.chance(0.12) ? rng.int(0, 6 * 60) : rng.int(7 * 60, 23 * 60 + 59);
    case "ldbz":
    case "xf":
    case "rmtj":
      return rng.int(8 * 60 + 30, 17 * 60);
    default:
      return rng.int(7 * 60 + 30, 21 * 60 + 30);
  }
}

export function reportTime(rng: Rng, day: number, channel: SourceChannel): number {
  return day * DAY - 8 * 3_600_000 + minuteOfDay(rng, channel) * 60_000 + rng.int(0, 59) * 1000;
}

const ESCALATION_BY_CATEGORY: Partial<Record<Category, (typeof SOFT_SIGNALS)[number][]>> = {
  ZD: ["petition_threat", "petition_threat", "harassment"], TD: ["petition_threat", "pushing", "insult"], LD: ["petition_threat", "insult"],
  WY: ["insult", "petition_threat", "harassment"], YL: ["petition_threat", "insult"], XF: ["insult", "petition_threat"],
};

/**
 * Signals per report. `sides` says who reports each; the complainant's vulnerability is voiced in their own
 * reports. Returns the signals and the people count a group signal implies.
 */
export function signalsFor(
  rng: Rng, plan: RiskPlan, category: Category, days: number[], sides: ("A" | "B")[], vulnerable: "elderly" | "disabled" | "pregnant" | null,
  againstOrg: boolean,
): Signal[][] {
  const n = days.length;
  const out: Signal[][] = days.map(() => []);
  const distinctDays = new Set(days).size;
  if (plan.level === "red" && plan.mode === "hard") {
    const at = rng.chance(0.6) ? n - 1 : rng.int(0, n - 1);
    // Crowds gather against employers, hospitals, shops and factories, not against one nanny's employer.
    const fits = HARD_FITS[category].filter((x) => x !== "group" || againstOrg || category === "ZD" || category === "TD");
    const s = rng.pick(fits.length ? fits : ["threat" as const]);
    out[at].push(s);
    if (s === "injury" && rng.chance(0.3)) out[at].push("pushing");
    if (at + 1 < n && rng.chance(0.4)) out[at + 1].push(s === "group" ? "group" : "police_before");
    if (rng.chance(0.3)) out[at].push("emotion");
  } else if (plan.level === "red") {
    const pool = ESCALATION_BY_CATEGORY[category] ?? SOFT_SIGNALS;
    out[n - 1].push(rng.pick(pool));
    if (n > 2 && rng.chance(0.5)) out[rng.int(1, n - 2)].push(rng.pick(SOFT_SIGNALS));
    if (rng.chance(0.4)) out[n - 1].push("emotion");
  } else if (plan.level === "yellow" && plan.reason === "emotion") {
    out[rng.int(0, n - 1)].push("emotion");
  } else {
    // Flavour that the rule does not count: strong words in a one-day dispute, a scuffle in a short one.
    if (distinctDays === 1 && rng.chance(0.15)) out[rng.int(0, n - 1)].push("emotion");
    if (n <= 2 && rng.chance(0.12)) out[rng.int(0, n - 1)].push(rng.pick(["pushing", "insult", "police_before"] as const));
  }
  if (vulnerable) {
    let first = true;
    sides.forEach((side, i) => {
      if (side === "A" && (first || rng.chance(0.5))) out[i].push(vulnerable);
      if (side === "A") first = false;
    });
  }
  return out;
}
