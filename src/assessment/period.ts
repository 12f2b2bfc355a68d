// Ledger periods in Beijing time: a month or a year, as [from, to) instants.
export const LEDGER_TIME_ZONE = "Asia/Shanghai";

export type PeriodKind = "month" | "year";

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant a Beijing calendar month (1–12) or year starts. */
export function beijingStart(year: number, month = 1): Date {
  if (month > 12) return beijingStart(year + 1, month - 12);
  return new Date(`${year}-${pad(month)}-01T00:00:00+08:00`);
}

/** The range for a year, or one month of it. */
export function periodRange(year: number, month?: number): { from: Date; to: Date } {
  return month ? { from: beijingStart(year, month), to: beijingStart(year, month + 1) } : { from: beijingStart(year), to: beijingStart(year + 1) };
}

/** The Beijing year and month of an instant. */
export function beijingYearMonth(d: Date): { year: number; month: number } {
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}
