import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { CHINA_CALENDAR, seedCalendar } from "./china-holidays.js";
import { addWorkingDays, beijingDate, computeDue, type Calendar } from "./compute-due.js";
import { DEFAULT_DEADLINE_RULES, seedDeadlineRules } from "./default-rules.js";
import { calendarDays } from "./schema.js";

/** Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`);

const shipped: Calendar = (() => {
  const kinds = new Map(CHINA_CALENDAR.map((d) => [d.day, d.kind]));
  return {
    isWorkingDay: (d) => {
      const k = kinds.get(d);
      if (k) return k === "workday";
      const w = new Date(`${d}T00:00:00Z`).getUTCDay();
      return w !== 0 && w !== 6;
    },
  };
})();

describe("addWorkingDays", () => {
  it("skips the weekend and keeps the time of day", () => {
    expect(addWorkingDays(shipped, bj("2026-03-06T15:00:00"), 1)).toEqual(bj("2026-03-09T15:00:00"));
    expect(addWorkingDays(shipped, bj("2026-03-02T09:30:00"), 5)).toEqual(bj("2026-03-09T09:30:00"));
  });

  it("counts in Beijing time, also late in the evening (UTC is still on the day before)", () => {
    const friLate = bj("2026-03-06T23:30:00");
    expect(beijingDate(friLate)).toBe("2026-03-06");
    expect(addWorkingDays(shipped, friLate, 1)).toEqual(bj("2026-03-09T23:30:00"));
  });

  it("skips public holidays (国庆 2026: 10-01 to 10-07)", () => {
    expect(addWorkingDays(shipped, bj("2026-09-30T10:00:00"), 1)).toEqual(bj("2026-10-08T10:00:00"));
  });

  it("counts 调休 weekend workdays (Saturday 2026-10-10, Saturday 2026-02-14)", () => {
    expect(addWorkingDays(shipped, bj("2026-10-09T10:00:00"), 1)).toEqual(bj("2026-10-10T10:00:00"));
    expect(addWorkingDays(shipped, bj("2026-02-13T10:00:00"), 1)).toEqual(bj("2026-02-14T10:00:00"));
    // …and the Spring Festival after it: 02-15 to 02-23 off.
    expect(addWorkingDays(shipped, bj("2026-02-13T10:00:00"), 2)).toEqual(bj("2026-02-24T10:00:00"));
  });

  it("has the 2027 statutory days, marked provisional", () => {
    const cny = CHINA_CALENDAR.filter((d) => d.day >= "2027-02-05" && d.day <= "2027-02-10");
    expect(cny).toHaveLength(6);
    expect(cny.every((d) => d.kind === "holiday" && d.name.includes("暂定"))).toBe(true);
    expect(CHINA_CALENDAR.some((d) => d.day.startsWith("2027") && !d.name.includes("暂定"))).toBe(false);
    expect(CHINA_CALENDAR.filter((d) => d.day.startsWith("2025") && d.kind === "workday").map((d) => d.day)).toEqual([
      "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
    ]);
  });
});

describe("computeDue", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    expect(await seedCalendar(t.db)).toBe(CHINA_CALENDAR.length);
    expect(await seedDeadlineRules(t.db)).toBe(DEFAULT_DEADLINE_RULES.length);
  });
  afterAll(() => t.close());

  const base = { category: "LL", level: "community", urgency: "normal", channel: null } as const;

  it("hours-based limits run on the clock, tiers inside them", async () => {
    const from = bj("2026-10-01T09:00:00"); // a holiday: hours do not care
    const due = await computeDue(t.db, { ...base, stage: "accept", urgency: "urgent", from });
    expect(due.dueAt).toEqual(bj("2026-10-01T11:00:00"));
    expect(due.yellowAt).toEqual(bj("2026-10-01T10:00:00"));
    expect(due.redAt).toEqual(bj("2026-10-01T10:30:00"));
    expect(due.basis).toBe("紧急件签收时限：2 小时");
  });

  it("working-day limits by level, type and channel; the channel's own limit wins", async () => {
    const from = bj("2026-03-02T09:00:00"); // Monday
    expect((await computeDue(t.db, { ...base, stage: "handle", from })).dueAt).toEqual(bj("2026-03-16T09:00:00")); // community 10
    expect((await computeDue(t.db, { ...base, stage: "handle", level: "county", from })).dueAt).toEqual(bj("2026-04-14T09:00:00")); // 30, with 清明 04-06 off
    expect((await computeDue(t.db, { ...base, stage: "handle", category: "LD", level: "street", from })).dueAt).toEqual(bj("2026-03-16T09:00:00")); // LD street 10
    const hotline = await computeDue(t.db, { ...base, stage: "handle", level: "county", channel: "12345", from });
    expect(hotline.dueAt).toEqual(bj("2026-03-09T09:00:00"));
    expect(hotline.basis).toBe("12345 渠道时限：5 个工作日");
    // Yellow at half the time, red at 80 %.
    expect(hotline.yellowAt).toEqual(new Date(from.getTime() + 0.5 * (hotline.dueAt.getTime() - from.getTime())));
  });

  it("a work order's own 办理时限 sets its handling limit, not the other stages'", async () => {
    const from = bj("2026-03-02T09:00:00"); // Monday
    const own = await computeDue(t.db, { ...base, stage: "handle", channel: "12345", ownLimitDays: 3, from });
    expect(own.dueAt).toEqual(bj("2026-03-05T09:00:00"));
    expect(own.basis).toBe("工单自带办理时限：3 个工作日");
    const accept = await computeDue(t.db, { ...base, stage: "accept", channel: "12345", ownLimitDays: 3, from });
    expect(accept.dueAt).toEqual(bj("2026-03-03T09:00:00"));
  });

  it("adds approved extension days on the calendar", async () => {
    const from = bj("2026-09-24T09:00:00"); // Thursday before 中秋 and 国庆
    const plain = await computeDue(t.db, { ...base, stage: "verify", from });
    expect(plain.dueAt).toEqual(bj("2026-09-30T09:00:00")); // 9-25..27 off, 9-28, 9-29, 9-30
    const extended = await computeDue(t.db, { ...base, stage: "verify", from, extraWorkingDays: 2 });
    expect(extended.dueAt).toEqual(bj("2026-10-09T09:00:00")); // 10-01..07 off, 10-08, 10-09
    expect(extended.basis).toContain("延期 2 个工作日");
  });

  it("seeds idempotently and keeps what admins deleted", async () => {
    expect(await seedCalendar(t.db)).toBe(0);
    expect(await seedDeadlineRules(t.db)).toBe(0);
    await t.db.delete(calendarDays).where(eq(calendarDays.day, "2027-02-10"));
    expect(await seedCalendar(t.db)).toBe(0);
    expect(await t.db.select().from(calendarDays).where(eq(calendarDays.day, "2027-02-10"))).toHaveLength(0);
  });
});
