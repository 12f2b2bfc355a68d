import { describe, expect, it } from "vitest";
import { normaliseCreditCode } from "./credit-code.js";

// Written independently of the module, straight from GB 32100-2015, so the test does not check the code against itself.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function withCheck(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  const c = 31 - (sum % 31);
  return body17 + ALPHABET[c === 31 ? 0 : c];
}

const A = withCheck("91330282MA2H3K5P7"); // a company registered in Cixi
const B = withCheck("92330282MA2AB12C3"); // an individual business
const C = withCheck("52330282MJ8765432");

describe("normaliseCreditCode", () => {
  it.each([A, B, C])("accepts the valid code %s", (code) => {
    expect(normaliseCreditCode(code)).toEqual({ value: code, valid: true, given: code });
  });

  it("upper-cases, trims and folds full-width characters", () => {
    const messy = `  ${A.toLowerCase()} `;
    expect(normaliseCreditCode(messy)).toEqual({ value: A, valid: true, given: messy });
    const wide = [...A].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("");
    expect(normaliseCreditCode(wide).value).toBe(A);
    expect(normaliseCreditCode(`${A.slice(0, 9)} ${A.slice(9)}`).value).toBe(A);
  });

  it("rejects a wrong check character, keeping the input", () => {
    const last = ALPHABET.indexOf(A[17]);
    const wrong = A.slice(0, 17) + ALPHABET[(last + 1) % 31];
    expect(normaliseCreditCode(wrong)).toEqual({ value: null, valid: false, given: wrong });
  });

  it("rejects a changed body character (a typo)", () => {
    const typo = A.slice(0, 5) + (A[5] === "8" ? "9" : "8") + A.slice(6);
    expect(normaliseCreditCode(typo).valid).toBe(false);
  });

  it.each(["", "   ", null, undefined, "91330282MA2H3K5P", "91330282MA2H3K5PIO", "无"])("rejects %j", (input) => {
    expect(normaliseCreditCode(input)).toMatchObject({ value: null, valid: false, given: input ?? "" });
  });
});
