// One dispute, planned before any record is written: its story, parties, place, amount, the reports that will
// describe it, and the risk the street's rule gives it. Some disputes are look-alikes of an earlier one (same
// place and category, other parties) or bring back one of its parties in an unrelated matter.
import { CATEGORY_WEIGHTS, type Category, type SourceChannel } from "./categories.js";
import type { GenContext } from "./context.js";
import { makePerson, type Person } from "./people.js";
import { complainantNeeds, homeFits, homeFor, isHomeNeed, otherParty, placeFor, type Other, type Vulnerability } from "./parties.js";
import type { Spot } from "./places.js";
import type { Rng } from "./prng.js";
import { applyRiskRule, beijingDay, type RiskLevel, type RiskResult, type Signal } from "./signals.js";
import { DEFAULT_DURATIONS, type Story } from "./story.js";
import { STORIES, STORIES_BY_CATEGORY } from "./stories.js";
import { channelsFor, reportTime, shapeFor, signalsFor, type RiskPlan } from "./timeline.js";

export interface PlannedReport {
  at: number;
  channel: SourceChannel;
  side: "A" | "B";
  signals: Signal[];
  flareUp: boolean;
  /** How many reports this side has made so far, this one included. */
  repeatNo: number;
}

export interface Dispute {
  id: string;
  story: Story;
  place: Spot;
  a: Person;
  b: Other;
  amount: number | null;
  peopleCount: number | null;
  vulnerable: Vulnerability | null;
  slots: { duration: string; gap: string; vars: Record<string, string> };
  reports: PlannedReport[];
  risk: RiskResult;
  riskAtReport: RiskLevel[];
  recurrence: boolean;
  hardNegativeOf: string | null;
  hardNegativeKind: "place" | "person" | null;
}

const DAY = 86_400_000;

function roundAmount(n: number): number {
  const step = n < 1000 ? 50 : n < 10_000 ? 100 : n < 100_000 ? 500 : 1000;
  return Math.max(step, Math.round(n / step) * step);
}

function amountFor(rng: Rng, story: Story, plan: RiskPlan): number | null {
  if (!story.amount) return null;
  const money = plan.level === "yellow" && plan.reason === "money";
  let [lo, hi] = story.amount;
  if (money) lo = Math.max(lo, 100_000);
  else if (plan.level !== "red") hi = Math.min(hi, 99_000);
  const n = roundAmount(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
  return money ? Math.max(n, 100_000) : plan.level === "red" ? n : Math.min(n, 99_000);
}

function planRisk(rng: Rng, story: Story): RiskPlan {
  const level = rng.weighted({ red: 8, yellow: 22, green: 70 });
  if (level === "green") return { level };
  if (level === "red") return { level, mode: rng.chance(0.65) ? "hard" : "escalation" };
  const reasons: Partial<Record<"repeat" | "emotion" | "money" | "vulnerable", number>> = { repeat: 35, emotion: 20, vulnerable: 20 };
  if (story.amount && story.amount[1] >= 100_000) reasons.money = 25;
  return { level, reason: rng.weighted(reasons) };
}

// Old age does not fit a young couple's quarrel or a factory job; pregnancy needs a young woman.
const ELDERLY_DOES_NOT_FIT = new Set(["in-law", "engaged", "ex-couple"]);
const VULNERABILITY_WEIGHTS = {
  any: { elderly: 45, disabled: 30, pregnant: 25 },
  notPregnant: { elderly: 65, disabled: 35 },
  notElderly: { disabled: 55, pregnant: 45 },
  disabledOnly: { disabled: 1 },
} as const;

function vulnerabilityFor(rng: Rng, story: Story): Vulnerability {
  const pregnant = story.pair !== "parent-of" && story.aGender !== "M" && !story.aAge;
  const elderly = !ELDERLY_DOES_NOT_FIT.has(story.pair ?? "") && story.category !== "LD" && story.category !== "SC" && story.place !== "school";
  const w = VULNERABILITY_WEIGHTS;
  return rng.weighted(elderly ? (pregnant ? w.any : w.notPregnant) : pregnant ? w.notElderly : w.disabledOnly);
}

const GAPS = ["两个多月", "三个月", "半年", "四个多月", "一段时间"];

interface Reuse {
  prev: Dispute;
  kind: "place" | "person";
  person?: Person;
}

function lookAlike(ctx: GenContext, rng: Rng): Reuse | null {
  if (ctx.recent.length < 30 || !rng.chance(0.09)) return null;
  const prev = rng.pick(ctx.recent.slice(-300));
  if (rng.chance(0.6) && prev.b.kind === "person" && prev.story.other !== "family") return { prev, kind: "place" };
  const people = [prev.a, ...(prev.b.kind === "person" ? [prev.b.person] : [])].filter((p) => p !== undefined);
  const person = rng.pick(people);
  // Someone near 70, or vulnerable in the earlier dispute, would make the new one vulnerable too.
  if (prev.vulnerable || person.birth.y < new Date(ctx.toMs).getUTCFullYear() - 66) return null;
  return { prev, kind: "person", person };
}

function storyFor(rng: Rng, reuse: Reuse | null): Story {
  if (reuse?.kind === "place") {
    const same = STORIES_BY_CATEGORY[reuse.prev.story.category].filter((s) => s.place === reuse.prev.story.place && s.other !== "family" && (s.other === "neighbour" || s.other === "person"));
    if (same.length) return rng.chance(0.5) && same.includes(reuse.prev.story) ? reuse.prev.story : rng.pick(same);
  }
  if (reuse?.kind === "person") {
    const p = reuse.person!;
    const fits = STORIES.filter(
      (s) => s.category !== reuse.prev.story.category && s.other !== "family" && !s.aAge && (!s.aGender || s.aGender === p.gender) && (!isHomeNeed(s.place) || homeFits(s.place, p.home)),
    );
    if (fits.length) return rng.pick(fits);
  }
  const category = rng.weighted(CATEGORY_WEIGHTS) as Category;
  return rng.pick(STORIES_BY_CATEGORY[category]);
}

export function planDispute(ctx: GenContext, index: number, rng: Rng): Dispute {
  let reuse = lookAlike(ctx, rng);
  const story = storyFor(rng, reuse);
  if (reuse?.kind === "place" && (story.category !== reuse.prev.story.category || story.place !== reuse.prev.story.place)) reuse = null;
  if (reuse?.kind === "person" && story.category === reuse.prev.story.category) reuse = null;
  const plan = planRisk(rng, story);
  const vulnerable = plan.level === "yellow" && plan.reason === "vulnerable" ? vulnerabilityFor(rng, story) : null;

  // Days first: the year of the first report fixes everyone's age.
  const shape = shapeFor(rng, plan);
  const fromDay = beijingDay(ctx.fromMs);
  const lastDay = beijingDay(ctx.toMs - 1);
  const span = shape.days[shape.days.length - 1];
  const startDay = fromDay + rng.int(0, Math.max(0, lastDay - fromDay - span));
  const year = new Date(startDay * DAY).getUTCFullYear();

  let a: Person;
  let place: Spot;
  if (reuse?.kind === "person" && !vulnerable) {
    a = reuse.person!;
    place = isHomeNeed(story.place) ? a.home : placeFor(ctx, rng, story.place, story.where);
  } else if (reuse?.kind === "place") {
    const prevPlace = reuse.prev.place;
    const here = prevPlace.kind === "flat" || prevPlace.kind === "village-house" ? ctx.places.sameBlock(rng, prevPlace) : prevPlace;
    const home = isHomeNeed(story.place) ? here : ctx.places.dwelling(rng);
    a = makePerson(rng, ctx.personKey(), home, year, complainantNeeds(rng, story, vulnerable));
    place = isHomeNeed(story.place) ? a.home : here;
  } else {
    reuse = null;
    const home = isHomeNeed(story.place) ? homeFor(ctx, rng, story.place) : ctx.places.dwelling(rng);
    a = makePerson(rng, ctx.personKey(), home, year, complainantNeeds(rng, story, vulnerable));
    place = isHomeNeed(story.place) ? a.home : placeFor(ctx, rng, story.place, story.where);
  }
  const b = otherParty(ctx, rng, story, a, place, year);

  const n = shape.days.length;
  const channels = channelsFor(rng, story.category, n, story.category === "LD" && b.kind === "org");
  const sides = channels.map((c, i): "A" | "B" => (i > 0 && story.counter && b.kind === "person" && c !== "ldbz" && rng.chance(0.3) ? "B" : "A"));
  const signals = signalsFor(rng, plan, story.category, shape.days, sides, vulnerable, b.kind === "org");
  const group = signals.some((s) => s.includes("group"));
  const peopleCount = group ? rng.int(10, 40) : story.category === "LD" ? (story.id === "LD01" ? rng.int(2, 8) : rng.int(1, 3)) : null;

  const reports: PlannedReport[] = shape.days.map((offset, i) => ({
    at: reportTime(rng, startDay + offset, channels[i]), channel: channels[i], side: sides[i], signals: signals[i], flareUp: false, repeatNo: 0,
  }));
  // Same-day reports in clock order; a report after 30 quiet days is a flare-up.
  reports.sort((x, y) => x.at - y.at);
  // A `to` that is not a midnight can cut the last day short: such reports move just before it.
  const kept = reports.map((r, i) => (r.at < ctx.toMs ? r : { ...r, at: ctx.toMs - 60_000 * (reports.length - i) }));
  const counts = { A: 0, B: 0 };
  kept.forEach((r, i) => {
    r.repeatNo = ++counts[r.side];
    r.flareUp = i > 0 && beijingDay(r.at) - beijingDay(kept[i - 1].at) >= 30;
    if (r.flareUp && rng.chance(0.7)) r.signals.push("flare_cue");
    else if (r.side === "A" && r.repeatNo >= 2 && rng.chance(r.repeatNo >= 3 ? 0.5 : 0.25)) r.signals.push("repeat_cue");
  });

  const amount = amountFor(rng, story, plan);
  const ruleReports = kept.map((r) => ({ day: beijingDay(r.at), signals: r.signals }));
  const facts = { amount, vulnerable: vulnerable !== null };
  const riskAtReport = ruleReports.map((_, i) => applyRiskRule(ruleReports.slice(0, i + 1), facts).level);
  const recurrence = kept.some((r) => r.flareUp);

  const vars: Record<string, string> = {};
  for (const [k, list] of Object.entries(story.vars ?? {})) vars[k] = rng.pick(list);
  return {
    id: `DS${String(index + 1).padStart(7, "0")}`,
    story,
    place,
    a,
    b,
    amount,
    peopleCount,
    vulnerable,
    slots: { duration: rng.pick(DEFAULT_DURATIONS), gap: rng.pick(GAPS), vars },
    reports: kept,
    risk: applyRiskRule(ruleReports, facts),
    riskAtReport,
    recurrence,
    hardNegativeOf: reuse ? reuse.prev.id : null,
    hardNegativeKind: reuse ? reuse.kind : null,
  };
}
