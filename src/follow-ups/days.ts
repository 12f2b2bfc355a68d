// Visits are counted in Beijing calendar days: day N after a closure falls due at 10:00 Beijing on that day, and is
// overdue once that day has ended. No database imports.
import { DUE_HOUR_BEIJING } from "./states.js";

const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The Beijing calendar day of an instant, as days since 1970-01-01. */
export function beijingDay(d: Date): number {
  return Math.floor((d.getTime() + BEIJING_MS) / DAY_MS);
}

/** 00:00 Beijing of a day number. */
export function beijingMidnight(day: number): Date {
  return new Date(day * DAY_MS - BEIJING_MS);
}

/** When a visit N days after `from` falls due: 10:00 Beijing on that day. */
export function dueOn(from: Date, offsetDays: number): Date {
  return new Date(beijingMidnight(beijingDay(from) + offsetDays).getTime() + DUE_HOUR_BEIJING * 3_600_000);
}

/** Whole Beijing days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return beijingDay(to) - beijingDay(from);
}

/** YYYY-MM-DD of the Beijing day. */
export function beijingDate(d: Date): string {
  return new Date(d.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}
