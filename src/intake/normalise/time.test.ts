import { describe, expect, it } from "vitest";
import { checkReportedAt, parseBeijingTime } from "./time.js";

const AT_1405 = "2025-03-05T06:05:00.000Z"; // 2025-03-05 14:05 Beijing
const AT_MIDNIGHT = "2025-03-04T16:00:00.000Z"; // 2025-03-05 00:00 Beijing

describe("parseBeijingTime", () => {
  it.each([
    ["2025-03-05 14:05:00", AT_1405],
    ["2025-03-05T14:05:00", AT_1405],
    ["2025-03-05 14:05", AT_1405],
    ["2025/3/5 14:05", AT_1405],
    ["2025/03/05 14:05:00", AT_1405],
    ["2025.3.5 14:05", AT_1405],
    ["2025年3月5日14时05分", AT_1405],
    ["2025年3月5日 14:05", AT_1405],
    ["2025年03月05日 14时05分00秒", AT_1405],
    ["2025年3月5日下午2点05分", AT_1405],
    ["2025-3-5 14:05", AT_1405],
    ["20250305140500", AT_1405],
    ["202503051405", AT_1405],
    ["  2025-03-05 14:05:00 ", AT_1405],
    ["２０２５－０３－０５　１４：０５", AT_1405],
    ["2025-03-05", AT_MIDNIGHT],
    ["2025/03/05", AT_MIDNIGHT],
    ["2025年3月5日", AT_MIDNIGHT],
    ["20250305", AT_MIDNIGHT],
  ])("reads %j as Beijing time", (input, iso) => {
    expect(parseBeijingTime(input)?.toISOString()).toBe(iso);
  });

  it("honours an explicit offset or Z", () => {
    expect(parseBeijingTime("2025-03-05T14:05:00+08:00")?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime("2025-03-05T06:05:00Z")?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime("2025-03-05T06:05:00.250Z")?.toISOString()).toBe("2025-03-05T06:05:00.250Z");
    expect(parseBeijingTime("2025-03-05T01:05:00-05:00")?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime("2025-03-05T14:05:00+0800")?.toISOString()).toBe(AT_1405);
  });

  it("reads epoch milliseconds and seconds, as numbers or numeric strings", () => {
    const ms = Date.parse(AT_1405);
    expect(parseBeijingTime(ms)?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime(String(ms))?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime(ms / 1000)?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime(String(ms / 1000))?.toISOString()).toBe(AT_1405);
    expect(parseBeijingTime(20250305140500)?.toISOString()).toBe(AT_1405);
  });

  it.each([
    "2025-02-30", "2025-02-29 10:00", "2025-13-01", "2025-04-31", "2025-03-05 24:00", "2025-03-05 14:60",
    "2025年2月30日", "20250230", "", "   ", "昨天下午", "2025-3", "05/03/2025", "1234567",
  ])("rejects %j", (input) => {
    expect(parseBeijingTime(input)).toBeNull();
  });

  it("rejects null, undefined and non-finite numbers", () => {
    expect(parseBeijingTime(null)).toBeNull();
    expect(parseBeijingTime(undefined)).toBeNull();
    expect(parseBeijingTime(Number.NaN)).toBeNull();
    expect(parseBeijingTime(-5)).toBeNull();
  });

  it("reads a time given to the hour, and a morning hour of one digit", () => {
    expect(parseBeijingTime("2025年3月5日14时")?.toISOString()).toBe("2025-03-05T06:00:00.000Z");
    expect(parseBeijingTime("2025-03-05 9:05")?.toISOString()).toBe("2025-03-05T01:05:00.000Z");
    expect(parseBeijingTime("2025年3月5日中午12点")?.toISOString()).toBe("2025-03-05T04:00:00.000Z");
  });

  it("accepts 29 February of a leap year", () => {
    expect(parseBeijingTime("2024-02-29 08:00")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
});

describe("checkReportedAt", () => {
  const now = new Date(AT_1405);
  it("accepts a time up to ten minutes ahead (clock skew between systems)", () => {
    expect(checkReportedAt(new Date(now.getTime() + 10 * 60_000), now)).toBeNull();
    expect(checkReportedAt(new Date(now.getTime() - 86_400_000), now)).toBeNull();
  });
  it("flags a time more than ten minutes ahead", () => {
    expect(checkReportedAt(new Date(now.getTime() + 10 * 60_000 + 1), now)).toBe("time_in_future");
  });
  it("flags a time before 1990-01-01 Beijing", () => {
    expect(checkReportedAt(parseBeijingTime("1989-12-31 23:59:59")!, now)).toBe("time_before_1990");
    expect(checkReportedAt(parseBeijingTime("1990-01-01 00:00:00")!, now)).toBeNull();
  });
});
