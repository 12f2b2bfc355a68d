import { describe, expect, it } from "vitest";
import { idCheckDigit } from "../../personal-data/id-number.js";
import { ageAt, birthDateOf, normaliseIdNumber } from "./id-number.js";

/** A valid number for a made-up person: region, birth date, sequence, and the computed check digit. */
function makeId(region: string, birth: string, seq: string): string {
  const body = region + birth + seq;
  return body + idCheckDigit(body);
}
/** A valid number whose check digit is X (searching the sequence until one is). */
function makeIdEndingX(): string {
  for (let n = 100; n < 1000; n++) {
    const id = makeId("330282", "19680412", String(n));
    if (id.endsWith("X")) return id;
  }
  throw new Error("no X check digit found");
}

const ZHANG = makeId("330282", "19540318", "123");
const WITH_X = makeIdEndingX();

describe("normaliseIdNumber", () => {
  it("accepts a valid 18-digit number and gives its partial key", () => {
    expect(normaliseIdNumber(ZHANG)).toEqual({
      value: ZHANG, kind: "full", upgradedFrom15: false, partialKey: `330282|${ZHANG.slice(14)}`, given: ZHANG,
    });
  });

  it("upper-cases a lowercase x and folds full-width digits and spaces", () => {
    const lower = WITH_X.toLowerCase();
    expect(normaliseIdNumber(lower)).toMatchObject({ value: WITH_X, kind: "full", given: lower });
    const wide = [...ZHANG].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    expect(normaliseIdNumber(wide).value).toBe(ZHANG);
    expect(normaliseIdNumber(` ${ZHANG.slice(0, 6)} ${ZHANG.slice(6, 14)} ${ZHANG.slice(14)} `).value).toBe(ZHANG);
  });

  it("upgrades the 15-digit form (19 inserted, check digit computed)", () => {
    const old = "330282540318123"; // born 1954-03-18
    const r = normaliseIdNumber(old);
    expect(r).toMatchObject({ value: ZHANG, kind: "full", upgradedFrom15: true, given: old });
    expect(r.partialKey).toBe(normaliseIdNumber(ZHANG).partialKey);
  });

  it("rejects a 15-digit number with an impossible birth date", () => {
    expect(normaliseIdNumber("330282540231123").kind).toBe("invalid");
  });

  it.each([
    ["330282********1234", "330282********1234", "330282|1234"],
    ["330282****1234", "330282****1234", "330282|1234"],
    ["330282××××××××123x", "330282********123X", "330282|123X"],
    ["330282xxxxxxxx1234", "330282********1234", "330282|1234"],
    ["330282XXXXXXXX1234", "330282********1234", "330282|1234"],
    ["3302821954******23", "3302821954******23", null],
    ["33028219540318****", "33028219540318****", null],
  ])("reads the masked %j as a partial key", (input, value, partialKey) => {
    expect(normaliseIdNumber(input)).toEqual({ value, kind: "masked", upgradedFrom15: false, partialKey, given: input });
  });

  it("lets a masked and a full number of one person meet", () => {
    const masked = `${ZHANG.slice(0, 6)}********${ZHANG.slice(14)}`;
    expect(normaliseIdNumber(masked).partialKey).toBe(normaliseIdNumber(ZHANG).partialKey);
  });

  it("rejects a wrong check digit, keeping the input", () => {
    const wrong = ZHANG.slice(0, 17) + (ZHANG[17] === "1" ? "2" : "1");
    expect(normaliseIdNumber(wrong)).toEqual({ value: null, kind: "invalid", upgradedFrom15: false, partialKey: null, given: wrong });
  });

  it.each([
    makeId("330282", "19540230", "123"), // 30 February
    makeId("330282", "19541301", "123"), // month 13
    makeId("330282", "18890101", "123"), // before 1900
    makeId("330282", "20990101", "123"), // not born yet
    makeId("330282", "19000229", "123"), // 1900 was no leap year
  ])("rejects %s: impossible birth date despite a right check digit", (id) => {
    expect(normaliseIdNumber(id).kind).toBe("invalid");
  });

  it("accepts 29 February of a leap year", () => {
    expect(normaliseIdNumber(makeId("330282", "20000229", "456")).kind).toBe("full");
  });

  it.each(["", "  ", null, undefined])("treats %j as empty", (input) => {
    expect(normaliseIdNumber(input)).toMatchObject({ value: null, kind: "empty", partialKey: null });
  });

  it.each(["12345", "33028219540318123", "身份证遗失", "3302821954031812345", "330282X95403181234"])("rejects the malformed %j", (input) => {
    expect(normaliseIdNumber(input)).toMatchObject({ value: null, kind: "invalid", given: input });
  });
});

describe("birthDateOf and ageAt", () => {
  it("reads the birth date of an 18- or 15-digit number", () => {
    expect(birthDateOf(ZHANG)).toBe("1954-03-18");
    expect(birthDateOf("330282540318123")).toBe("1954-03-18");
    expect(birthDateOf("330282********1234")).toBeNull();
  });

  it("counts completed years on the Beijing calendar day", () => {
    // 2024-03-17 16:30 UTC is already 18 March in Beijing: the 70th birthday.
    expect(ageAt(ZHANG, new Date("2024-03-17T16:30:00Z"))).toBe(70);
    expect(ageAt(ZHANG, new Date("2024-03-17T15:30:00Z"))).toBe(69);
    expect(ageAt(ZHANG, new Date("2025-01-01T00:00:00Z"))).toBe(70);
    expect(ageAt("330282********1234", new Date())).toBeNull();
  });
});
