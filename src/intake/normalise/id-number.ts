// Resident ID numbers (GB 11643) as the channels deliver them: 18 digits, a lowercase x, the old 15-digit form,
// full-width digits, or masked by the sending system. A masked number is a partial key, not an error.
import { idCheckDigit } from "../../personal-data/id-number.js";

export interface IdNumberResult {
  /** Full: the 18-character number. Masked: the number with "*" for each hidden character. Otherwise null. */
  value: string | null;
  kind: "full" | "masked" | "invalid" | "empty";
  upgradedFrom15: boolean;
  /** Region code + last four ("330282|1234"): where a masked and a full number of one person meet. */
  partialKey: string | null;
  /** The input exactly as given ("" for null), kept for an invalid number. */
  given: string;
}

const FULL = /^\d{17}[\dX]$/;
const OLD = /^\d{15}$/;
// First six and last four visible, anything hidden between; digits may show on either side of the mask.
const MASKED_WITH_KEY = /^(\d{6})\d*\*+\d*(\d{3}[\dX])$/;
const MASKED_ANY = /^[\dX*]*\*[\dX*]*$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Fixed at load: as time passes it only lets more years through to the clock check below, never fewer.
const RECENT_YEAR = new Date().getUTCFullYear() - 1;

/** Spaces and separators out, full-width folded, x upper-cased, every mask sign as "*". */
function canonicalChars(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x30 && c <= 0x39) out += String.fromCharCode(c);
    else if (c === 0x78 || c === 0x58) out += "X";
    else if (c === 0x2a || c === 0xd7 || c === 0x25cf || c === 0x2022 || c === 0xb7) out += "*"; // * × ● • ·
    // Anything else but spacing stays, so that the shapes below reject it.
    else if (c !== 0x20 && c !== 0x2d && c !== 0x3000 && c !== 0x09) out += String.fromCharCode(c);
  }
  return out;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A real calendar date, from 1900 up to today (Beijing). */
function isPossibleBirthDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  if (d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1])) return false;
  // Only a recent year can lie in the future; read the clock just for those.
  if (y >= RECENT_YEAR) {
    const today = new Date(Date.now() + 8 * 3_600_000);
    const key = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
    if (y * 10000 + m * 100 + d > key) return false;
  }
  return true;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function birthOf18(id: string): { y: number; m: number; d: number } {
  const y = digitAt(id, 6) * 1000 + digitAt(id, 7) * 100 + digitAt(id, 8) * 10 + digitAt(id, 9);
  return { y, m: digitAt(id, 10) * 10 + digitAt(id, 11), d: digitAt(id, 12) * 10 + digitAt(id, 13) };
}

function keyOf(id: string): string {
  return `${id.slice(0, 6)}|${id.slice(-4)}`;
}

function invalid(given: string): IdNumberResult {
  return { value: null, kind: "invalid", upgradedFrom15: false, partialKey: null, given };
}

function full18(id: string, given: string, upgradedFrom15: boolean): IdNumberResult {
  const b = birthOf18(id);
  if (idCheckDigit(id) !== id[17] || !isPossibleBirthDate(b.y, b.m, b.d)) return invalid(given);
  return { value: id, kind: "full", upgradedFrom15, partialKey: keyOf(id), given };
}

/** An ID number field → the canonical 18-character number, a masked partial key, or invalid (kept as given). */
export function normaliseIdNumber(input: string | null | undefined): IdNumberResult {
  const given = input ?? "";
  // The common case: already canonical.
  if (given.length === 18 && FULL.test(given)) return full18(given, given, false);
  const s = canonicalChars(given);
  if (s === "") return { value: null, kind: "empty", upgradedFrom15: false, partialKey: null, given };
  if (s.length === 18 && FULL.test(s)) return full18(s, given, false);
  if (s.length === 15 && OLD.test(s)) {
    // The 15-digit form (before 1999) has a 2-digit year of the 1900s and no check digit.
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    return full18(first17 + idCheckDigit(first17), given, true);
  }
  if (s.length <= 18 && s.indexOf("*") !== -1) {
    const m = MASKED_WITH_KEY.exec(s);
    if (m) return { value: s, kind: "masked", upgradedFrom15: false, partialKey: `${m[1]}|${m[2]}`, given };
    if (MASKED_ANY.test(s)) return { value: s, kind: "masked", upgradedFrom15: false, partialKey: null, given };
  }
  // Systems that mask with X ("330282XXXXXXXX1234"): an X anywhere but last is a mask sign.
  // A lone X inside a number is a typo, not a mask: a mask hides at least two characters.
  const x = s.indexOf("XX");
  if (s.length <= 18 && x !== -1 && x < s.length - 2) {
    const masked = s.slice(0, -1).replace(/X/g, "*") + s[s.length - 1];
    const m = MASKED_WITH_KEY.exec(masked);
    if (m) return { value: masked, kind: "masked", upgradedFrom15: false, partialKey: `${m[1]}|${m[2]}`, given };
    // Tail hidden too ("33028219900101XXXX"): still a masked number, with no key to meet on.
    if (s.endsWith("XX")) return { value: s.replace(/X/g, "*"), kind: "masked", upgradedFrom15: false, partialKey: null, given };
  }
  return invalid(given);
}

/** The birth date ("1950-03-05") of a full or 15-digit ID number in any accepted form; null otherwise. */
export function birthDateOf(id: string): string | null {
  const r = normaliseIdNumber(id);
  if (r.kind !== "full" || !r.value) return null;
  return `${r.value.slice(6, 10)}-${r.value.slice(10, 12)}-${r.value.slice(12, 14)}`;
}

/** Age in completed years on the Beijing calendar day of `at`; null when the number gives no birth date. */
export function ageAt(id: string, at: Date): number | null {
  const r = normaliseIdNumber(id);
  if (r.kind !== "full" || !r.value) return null;
  const b = birthOf18(r.value);
  const day = new Date(at.getTime() + 8 * 3_600_000);
  const y = day.getUTCFullYear();
  const beforeBirthday = day.getUTCMonth() + 1 < b.m || (day.getUTCMonth() + 1 === b.m && day.getUTCDate() < b.d);
  return y - b.y - (beforeBirthday ? 1 : 0);
}
