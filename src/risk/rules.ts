// The three-colour risk rules (风险评估三色预警), in one readable place. Tune here; docs/RISK.md explains each.
//
// Colour
//   red    — any hard factor: a threat of violence, a weapon, a threat of self-harm, an injury from a fight, a group of
//            10 or more people; or rapid escalation: 3+ reports within 30 days where a later one of them shows
//            escalation (a hard signal, or pushing, insults, harassment, threats to petition higher up, police
//            having been called before).
//   yellow — any yellow factor: reported on 3+ different days within 30 days (高频触发); reported on 2+ different
//            days with strong emotion in a report; 100,000 yuan or more at stake; a vulnerable party (70+, disabled,
//            pregnant, a minor); or points from the other factors reaching YELLOW_POINTS.
//   green  — otherwise.
// Points rank cases within a colour (the 民转刑 list): every factor adds its points, so two red cases are ordered by
// how much else is going on. Days are Beijing calendar days; a report is a distinct channel record (corrections and
// redeliveries are not new reports).
import type { RiskFactor, RiskFactorKey, RiskLevel } from "./levels.js";
import { RISK_FACTOR_NAMES } from "./levels.js";
import { CHANNEL_NAMES, isChannel } from "../intake/channels.js";
import { isEscalation, SIGNAL_NAMES, type Signal } from "./signals.js";

export interface RiskRule {
  points: number;
  /** red: makes the case red on its own; yellow: yellow on its own; points: only adds points. */
  colour: "red" | "yellow" | "points";
}

// prettier-ignore
export const RISK_RULES: Record<RiskFactorKey, RiskRule> = {
  threat:           { points: 30, colour: "red" },
  weapon:           { points: 35, colour: "red" },
  self_harm:        { points: 35, colour: "red" },
  injury:           { points: 30, colour: "red" },
  group:            { points: 30, colour: "red" },
  rapid_escalation: { points: 25, colour: "red" },
  repeat:           { points: 12, colour: "yellow" },
  emotion:          { points: 8,  colour: "yellow" },
  money:            { points: 10, colour: "yellow" },
  vulnerable:       { points: 10, colour: "yellow" },
  escalation:       { points: 3,  colour: "points" }, // per kind of soft signal, up to 3 kinds
  police:           { points: 2,  colour: "points" },
  recurrence:       { points: 6,  colour: "points" },
  unresolved:       { points: 2,  colour: "points" }, // per 30 days open, up to 3
  party_history:    { points: 3,  colour: "points" }, // per other case of the parties in 12 months, up to 3
};

/** Points from the "points" factors alone that make a case yellow. */
export const YELLOW_POINTS = 10;
/** The window of rapid escalation and of 高频触发. */
export const WINDOW_DAYS = 30;
export const BIG_MONEY_YUAN = 100_000;

export interface RiskReport {
  /** Beijing calendar day number (beijingDay). */
  day: number;
  at: Date;
  channel: string;
  signals: ReadonlySet<Signal>;
  amount: number | null;
  /** A police call that police attended (110). */
  policeAttended: boolean;
}

export interface RiskFacts {
  reports: readonly RiskReport[];
  /** A flare-up after an earlier case closed (cases.recurrence_of_id). */
  recurrence: boolean;
  /** Days the case has been open and unresolved (0 when closed or resolved). */
  openDays: number;
  /** Other cases of the same parties within 12 months. */
  partyCases: number;
}

export interface RiskAssessment {
  level: RiskLevel;
  score: number;
  factors: RiskFactor[];
}

export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * 3_600_000) / 86_400_000);
}

const fmtDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function assessRisk(facts: RiskFacts): RiskAssessment {
  const reports = [...facts.reports].sort((a, b) => a.at.getTime() - b.at.getTime());
  const factors: RiskFactor[] = [];
  const add = (factor: RiskFactorKey, detail: string, times = 1) => {
    const rule = RISK_RULES[factor];
    factors.push({ factor, label: RISK_FACTOR_NAMES[factor], detail, points: rule.points * times, ...(rule.colour === "red" ? { hard: true } : {}) });
  };

  // Hard signals, each with the first report that voiced it.
  for (const signal of ["threat", "weapon", "self_harm", "injury", "group"] as const) {
    const first = reports.find((r) => r.signals.has(signal));
    if (first) add(signal, `${fmtDay(first.at)} ${channelName(first.channel)}：${SIGNAL_NAMES[signal]}`);
  }

  // Rapid escalation: 3+ reports within the window, a later one of them escalating — voicing a sign of escalation
  // the window's earlier reports had not (a story that starts with harassment has not escalated by repeating it).
  // Reports of the same day count as later than each other: a day's order is not known to the minute everywhere.
  for (let i = 0; i < reports.length; i++) {
    const window = reports.filter((r, j) => j >= i && r.day - reports[i].day <= WINDOW_DAYS);
    if (window.length < 3) continue;
    const later = window.find((r) => {
      const before = window.filter((o) => o !== r && (o.day < r.day || (o.day === r.day && o.at <= r.at)));
      if (!before.length && !window.some((o) => o !== r && o.day === r.day)) return false;
      const seen = new Set(before.flatMap((o) => [...o.signals]));
      return [...r.signals].some((s) => isEscalation(s) && !seen.has(s));
    });
    if (later) {
      const what = [...later.signals].filter(isEscalation).map((s) => SIGNAL_NAMES[s]).join("、");
      add("rapid_escalation", `${fmtDay(reports[i].at)} 起${WINDOW_DAYS}天内${window.length}次反映，${fmtDay(later.at)} 出现${what}`);
      break;
    }
  }

  const days = [...new Set(reports.map((r) => r.day))].sort((a, b) => a - b);
  for (let i = 0; i + 2 < days.length; i++) {
    if (days[i + 2] - days[i] <= WINDOW_DAYS) {
      const n = days.filter((d) => d >= days[i] && d - days[i] <= WINDOW_DAYS).length;
      add("repeat", `${WINDOW_DAYS}天内有${n}天反映`);
      break;
    }
  }
  const emotional = reports.find((r) => r.signals.has("emotion"));
  if (days.length >= 2 && emotional) add("emotion", `${days.length}天反映，${fmtDay(emotional.at)} 当事人${SIGNAL_NAMES.emotion}`);
  const amount = Math.max(0, ...reports.map((r) => r.amount ?? 0));
  if (amount >= BIG_MONEY_YUAN) add("money", `涉及金额约${formatYuan(amount)}`);
  const vulnerable = (["elderly", "disabled", "pregnant", "minor"] as const).filter((s) => reports.some((r) => r.signals.has(s)));
  if (vulnerable.length) add("vulnerable", vulnerable.map((s) => SIGNAL_NAMES[s]).join("、"));

  const soft = (["pushing", "insult", "harassment", "petition_threat", "police_before"] as const).filter((s) => reports.some((r) => r.signals.has(s)));
  if (soft.length) add("escalation", soft.map((s) => SIGNAL_NAMES[s]).join("、"), Math.min(soft.length, 3));
  const attended = reports.filter((r) => r.policeAttended).length;
  if (attended) add("police", `110出警${attended}次`);
  if (facts.recurrence) add("recurrence", "此前已调处结案，又再次发生");
  if (facts.openDays >= 30) add("unresolved", `已${facts.openDays}天未化解`, Math.min(Math.floor(facts.openDays / 30), 3));
  if (facts.partyCases > 0) add("party_history", `当事人近12个月另有${facts.partyCases}起纠纷`, Math.min(facts.partyCases, 3));

  const score = factors.reduce((s, f) => s + f.points, 0);
  const pointsOnly = factors.filter((f) => RISK_RULES[f.factor].colour === "points").reduce((s, f) => s + f.points, 0);
  const level: RiskLevel = factors.some((f) => f.hard)
    ? "red"
    : factors.some((f) => RISK_RULES[f.factor].colour === "yellow") || pointsOnly >= YELLOW_POINTS
      ? "yellow"
      : "green";
  factors.sort((a, b) => b.points - a.points);
  return { level, score, factors };
}

function formatYuan(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000) / 10}万元` : `${n}元`;
}

function channelName(code: string): string {
  return isChannel(code) ? CHANNEL_NAMES[code] : code;
}
