// Unified social credit codes (GB 32100-2015): 18 characters from a 31-sign alphabet, the last one a check character.
// Companies are respondents in labour and consumer disputes; the code is what ties their reports together.

export interface CreditCodeResult {
  /** The canonical code when valid; null otherwise. */
  value: string | null;
  valid: boolean;
  /** The input exactly as given ("" for null), kept for an invalid code. */
  given: string;
}

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // no I, O, S, V, Z
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Character code → value in the alphabet, -1 for signs outside it; built once.
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckChar(body17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = body17.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

const CANONICAL = /^[0-9A-Z]{18}$/;

/** Trim, drop inner spaces and dashes, full-width → half-width, upper-case. */
function canonicalChars(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c !== 0x20 && c !== 0x2d && c !== 0x3000 && c !== 0x09) out += String.fromCharCode(c);
  }
  return out;
}

/** A credit code field → the canonical code when its check character holds; otherwise invalid, kept as given. */
export function normaliseCreditCode(input: string | null | undefined): CreditCodeResult {
  const given = input ?? "";
  const s = CANONICAL.test(given) ? given : canonicalChars(given);
  if (s.length !== 18 || creditCodeCheckChar(s) !== s[17]) return { value: null, valid: false, given };
  return { value: s, valid: true, given };
}
