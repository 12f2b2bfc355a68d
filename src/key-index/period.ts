// Periods of the key index: Beijing calendar dates [from, to), and the same dates one year earlier.
// No database imports: the web app uses this too.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

export interface DatePeriod {
  /** First day, YYYY-MM-DD (Beijing). */
  from: string;
  /** Day after the last, YYYY-MM-DD (Beijing): the period is [from, to). */
  to: string;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
}

/** The instant a Beijing date starts. */
export function beijingMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A date shifted by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The same date one year earlier; 29 February becomes 1 March. */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y - 1, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function lastYearOf(p: DatePeriod): DatePeriod {
  return { from: yearEarlier(p.from), to: yearEarlier(p.to) };
}

/** This year to date (today included). */
export function yearToDate(now: Date): DatePeriod {
  const today = beijingDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: addDays(today, 1) };
}

export function monthToDate(now: Date): DatePeriod {
  const today = beijingDate(now);
  return { from: `${today.slice(0, 7)}-01`, to: addDays(today, 1) };
}

export function quarterToDate(now: Date): DatePeriod {
  const today = beijingDate(now);
  const month = Number(today.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${today.slice(0, 4)}-${pad(first)}-01`, to: addDays(today, 1) };
}
