import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone.js";

describe("normalisePhone", () => {
  it.each([
    ["13957412345", "13957412345"],
    ["139-5741-2345", "13957412345"],
    ["139 5741 2345", "13957412345"],
    ["139.5741.2345", "13957412345"],
    ["+86 139 5741 2345", "13957412345"],
    ["+8613957412345", "13957412345"],
    ["86-139-5741-2345", "13957412345"],
    ["0086 13957412345", "13957412345"],
    ["１３９５７４１２３４５", "13957412345"],
    ["１３９－５７４１－２３４５", "13957412345"],
    ["(139)57412345", "13957412345"],
    ["  13957412345\t", "13957412345"],
    ["013957412345", "13957412345"],
  ])("reads the mobile %j", (input, value) => {
    expect(normalisePhone(input)).toEqual({ value, kind: "mobile", given: input });
  });

  it.each([
    ["0574-63812345", "0574-63812345"],
    ["057463812345", "0574-63812345"],
    ["63812345", "0574-63812345"],
    ["6381 2345", "0574-63812345"],
    ["(0574)63812345", "0574-63812345"],
    ["（０５７４）６３８１２３４５", "0574-63812345"],
    ["+86 574 6381 2345", "0574-63812345"],
    ["+86-0574-63812345", "0574-63812345"],
    ["86 0574 63812345", "0574-63812345"],
    ["010-62345678", "010-62345678"],
    ["021 5432 1098", "021-54321098"],
    ["0571-8765432", "0571-8765432"],
  ])("reads the landline %j", (input, value) => {
    expect(normalisePhone(input)).toEqual({ value, kind: "landline", given: input });
  });

  it.each(["", "   ", null, undefined, "无"])("treats %j as empty", (input) => {
    expect(normalisePhone(input)).toMatchObject({ value: null, kind: "empty" });
  });

  it.each([
    "1395741234", // ten digits
    "12957412345", // 12x is not a mobile prefix
    "139574123456",
    "0574-6381234", // Ningbo numbers have 8 digits
    "110",
    "电话打不通",
    "13957412345转8",
    "+44 20 7946 0958",
  ])("keeps the invalid %j as given", (input) => {
    expect(normalisePhone(input)).toEqual({ value: null, kind: "invalid", given: input });
  });

  it("takes the first usable number of a list", () => {
    expect(normalisePhone("13957412345/0574-63812345").value).toBe("13957412345");
    expect(normalisePhone("不详，0574-63812345")).toMatchObject({ value: "0574-63812345", kind: "landline" });
  });
});
