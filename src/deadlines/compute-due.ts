// When a stage is due: the most specific deadline rule for the task, counted on the working-day calendar
// (weekends off, public holidays off, 调休 weekend workdays on), with the yellow and red tiers before it.
import { and, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import type { HandlingLevel, Urgency } from "../tasks/states.js";
import { calendarDays, deadlineRules, type DeadlineStage } from "./schema.js";

export interface DueInput {
  stage: DeadlineStage;
  category: string | null;
  level: HandlingLevel;
  urgency: Urgency;
  channel: string | null;
  from: Date;
  /** Approved extensions, in working days. */
  extraWorkingDays?: number;
  /** A handling limit the record itself sets, in working days (a 12345 work order's 办理时限); it wins over the rules. */
  ownLimitDays?: number | null;
}

export interface Due {
  dueAt: Date;
  yellowAt: Date;
  redAt: Date;
  ruleId: number | null;
  /** e.g. "12345 渠道时限：5 个工作日" */
  basis: string;
}

/** Used when no rule matches a stage at all (the admins' table is empty for it). */
const FALLBACK: Record<DeadlineStage, { amount: number; unit: "working_days" | "hours" }> = {
  claim: { amount: 1, unit: "working_days" },
  accept: { amount: 1, unit: "working_days" },
  handle: { amount: 15, unit: "working_days" },
  verify: { amount: 3, unit: "working_days" },
};

type Rule = typeof deadlineRules.$inferSelect;

/** The most specific rule: every condition set on the rule must match; more conditions set wins; lower id breaks ties. */
export function pickRule(rules: Rule[], input: Omit<DueInput, "from">): Rule | null {
  let best: Rule | null = null;
  let bestScore = -1;
  for (const r of rules) {
    if (r.stage !== input.stage) continue;
    if (r.category != null && r.category !== input.category) continue;
    if (r.level != null && r.level !== input.level) continue;
    if (r.urgency != null && r.urgency !== input.urgency) continue;
    if (r.channel != null && r.channel !== input.channel) continue;
    // A channel's own time limit (12345's 办理时限) outranks the hub's general rules.
    const score = (r.channel != null ? 8 : 0) + (r.urgency != null ? 4 : 0) + (r.category != null ? 2 : 0) + (r.level != null ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && r.id < best.id)) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in Beijing time. */
export function beijingDate(t: Date): string {
  return new Date(t.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

export interface Calendar {
  isWorkingDay: (isoDate: string) => boolean;
}

export async function loadCalendar(db: DbOrTx, from: Date, days = 120): Promise<Calendar> {
  const start = beijingDate(from);
  const end = beijingDate(new Date(from.getTime() + days * DAY_MS));
  const rows = await db.select().from(calendarDays).where(and(gte(calendarDays.day, start), lte(calendarDays.day, end)));
  const exceptions = new Map(rows.map((r) => [r.day, r.kind]));
  return {
    isWorkingDay: (d) => {
      const kind = exceptions.get(d);
      if (kind) return kind === "workday";
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** `from` plus n working days, keeping the time of day (a task posted Friday 15:00 with 1 working day is due Monday 15:00). */
export function addWorkingDays(cal: Calendar, from: Date, n: number): Date {
  let t = from.getTime();
  let left = Math.ceil(n);
  while (left > 0) {
    t += DAY_MS;
    if (cal.isWorkingDay(beijingDate(new Date(t)))) left--;
  }
  return new Date(t);
}

export async function computeDue(db: DbOrTx, input: DueInput): Promise<Due> {
  const rules = await db.select().from(deadlineRules);
  const own = input.stage === "handle" && input.ownLimitDays ? input.ownLimitDays : null;
  const rule = own ? null : pickRule(rules, input);
  const amount = own ?? rule?.amount ?? FALLBACK[input.stage].amount;
  const unit = own ? "working_days" : (rule?.unit ?? FALLBACK[input.stage].unit);
  const extra = input.extraWorkingDays ?? 0;
  const cal = await loadCalendar(db, input.from, Math.ceil((unit === "working_days" ? amount : 0) + extra) * 3 + 30);
  let dueAt = unit === "hours" ? new Date(input.from.getTime() + amount * 3_600_000) : addWorkingDays(cal, input.from, amount);
  if (extra > 0) dueAt = addWorkingDays(cal, dueAt, extra);
  const span = dueAt.getTime() - input.from.getTime();
  const at = (share: number) => new Date(input.from.getTime() + Math.round(span * share));
  const basis = `${own ? "工单自带办理时限" : rule?.note || (rule ? "办理时限" : "默认时限")}：${amount} ${unit === "hours" ? "小时" : "个工作日"}${extra ? `（延期 ${extra} 个工作日）` : ""}`;
  return { dueAt, yellowAt: at(rule?.yellowAt ?? 0.5), redAt: at(rule?.redAt ?? 0.8), ruleId: rule?.id ?? null, basis };
}
