// China's public holidays and the weekend days worked in exchange (调休), as the State Council publishes them
// each November for the next year (国务院办公厅关于部分节假日安排的通知). Seeds the working-day calendar; admins
// maintain the table after that (a year published later is entered in the web app).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { calendarDays } from "./schema.js";

interface Festival {
  name: string;
  /** First and last day off, inclusive (weekends inside the span included). */
  off: [string, string];
  /** Weekend days worked in exchange. */
  workdays?: string[];
}

/** The published arrangements: 国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026. */
const PUBLISHED: Record<number, Festival[]> = {
  2025: [
    { name: "元旦", off: ["2025-01-01", "2025-01-01"] },
    { name: "春节", off: ["2025-01-28", "2025-02-04"], workdays: ["2025-01-26", "2025-02-08"] },
    { name: "清明节", off: ["2025-04-04", "2025-04-06"] },
    { name: "劳动节", off: ["2025-05-01", "2025-05-05"], workdays: ["2025-04-27"] },
    { name: "端午节", off: ["2025-05-31", "2025-06-02"] },
    { name: "国庆节、中秋节", off: ["2025-10-01", "2025-10-08"], workdays: ["2025-09-28", "2025-10-11"] },
  ],
  2026: [
    { name: "元旦", off: ["2026-01-01", "2026-01-03"], workdays: ["2026-01-04"] },
    { name: "春节", off: ["2026-02-15", "2026-02-23"], workdays: ["2026-02-14", "2026-02-28"] },
    { name: "清明节", off: ["2026-04-04", "2026-04-06"] },
    { name: "劳动节", off: ["2026-05-01", "2026-05-05"], workdays: ["2026-05-09"] },
    { name: "端午节", off: ["2026-06-19", "2026-06-21"] },
    { name: "中秋节", off: ["2026-09-25", "2026-09-27"] },
    { name: "国庆节", off: ["2026-10-01", "2026-10-07"], workdays: ["2026-09-20", "2026-10-10"] },
  ],
};

const PROVISIONAL = "（暂定，待国务院公布）";

/**
 * 2027 is not published yet: the statutory days of 《全国年节及纪念日放假办法》 (2024) on their 2027 dates, with a
 * weekday off in lieu (补休) for each that falls on a weekend, as the rule requires. No 调休 workdays can be
 * foreseen. Replace with the published arrangement when it comes out (PUT /api/calendar/:day).
 */
const STATUTORY_2027: Festival[] = [
  { name: "元旦", off: ["2027-01-01", "2027-01-01"] },
  // 除夕 2/5, 初一 2/6 (Sat), 初二 2/7 (Sun), 初三 2/8; the two weekend days are made up on 2/9 and 2/10.
  { name: "春节", off: ["2027-02-05", "2027-02-10"] },
  { name: "清明节", off: ["2027-04-05", "2027-04-05"] },
  // 5/1 and 5/2 fall on Saturday and Sunday: 补休 5/3 and 5/4.
  { name: "劳动节", off: ["2027-05-01", "2027-05-04"] },
  { name: "端午节", off: ["2027-06-09", "2027-06-09"] },
  { name: "中秋节", off: ["2027-09-15", "2027-09-15"] },
  // 10/2 and 10/3 fall on Saturday and Sunday: 补休 10/4 and 10/5.
  { name: "国庆节", off: ["2027-10-01", "2027-10-05"] },
];

export interface CalendarException {
  day: string;
  kind: "holiday" | "workday";
  name: string;
}

function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function expand(festivals: Festival[], suffix = ""): CalendarException[] {
  return festivals.flatMap((f) => [
    ...daysBetween(f.off[0], f.off[1]).map((day) => ({ day, kind: "holiday" as const, name: f.name + suffix })),
    ...(f.workdays ?? []).map((day) => ({ day, kind: "workday" as const, name: `${f.name}调休上班${suffix}` })),
  ]);
}

/** Every exception the hub ships with, 2025–2027 (2027 provisional, marked so in its names). */
export const CHINA_CALENDAR: CalendarException[] = [...expand(PUBLISHED[2025]), ...expand(PUBLISHED[2026]), ...expand(STATUTORY_2027, PROVISIONAL)];

/**
 * Seeds the shipped days of each year the table has nothing for yet. A year admins have touched is theirs: a day
 * they deleted does not come back at the next start.
 */
export async function seedCalendar(db: DbOrTx): Promise<number> {
  return db.transaction(async (tx) => {
    // Two app processes starting together seed once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tongban.seed.calendar'))`);
    const present = new Set(await yearsWithEntries(tx));
    const missing = CHINA_CALENDAR.filter((d) => !present.has(Number(d.day.slice(0, 4))));
    if (!missing.length) return 0;
    const rows = await tx.insert(calendarDays).values(missing).onConflictDoNothing({ target: calendarDays.day }).returning({ day: calendarDays.day });
    return rows.length;
  });
}

/** The years the table has any day for (the web page warns about a year without any). */
export async function yearsWithEntries(db: DbOrTx): Promise<number[]> {
  const rows = await db.execute<{ year: number }>(sql`SELECT DISTINCT extract(year FROM day)::int AS year FROM calendar_days ORDER BY 1`);
  return rows.rows.map((r) => Number(r.year));
}
