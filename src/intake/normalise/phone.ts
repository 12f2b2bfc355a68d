// Phone numbers as the channels deliver them → one canonical form, so that the same caller meets across channels.
// Mobile: 11 digits. Landline: "area-local" ("0574-63123456"); a bare 8-digit local number is a Ningbo (0574) one.

export interface PhoneResult {
  /** Canonical number; null when empty or invalid. */
  value: string | null;
  kind: "mobile" | "landline" | "invalid" | "empty";
  /** The input exactly as given ("" for null), kept for an invalid number. */
  given: string;
}

const LOCAL_AREA = "0574";
const MOBILE = /^1[3-9]\d{9}$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;
// Several numbers in one field ("138…/0574-…", "138…，139…"): the first usable one is the contact number.
const LIST_SEPARATOR = /[\/、,，;；|]/;

/** Characters that only format a number. Anything else (letters, words, "转") makes the number unreadable. */
function isFormatting(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || // spaces
    c === 0x2d || c === 0xff0d || c === 0x2010 || c === 0x2013 || c === 0x2014 || c === 0x2212 || // dashes
    c === 0x2e || c === 0xff0e || c === 0x28 || c === 0x29 || c === 0xff08 || c === 0xff09 // dots, parentheses
  );
}

/** Digits only (full-width folded), "+" when the number opened with one; null when a foreign character appears. */
function digitsOf(s: string): { digits: string; plus: boolean } | null {
  let digits = "";
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += s[i];
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xfee0);
    else if ((c === 0x2b || c === 0xff0b) && digits.length === 0) plus = true;
    else if (!isFormatting(c)) return null;
  }
  return { digits, plus };
}

// Area codes: 010 and 02x are three digits, every other one (0xxx) four.
function areaCodeLength(d: string): number {
  return d[1] === "1" || d[1] === "2" ? 3 : 4;
}

function canonical(raw: string): { value: string; kind: "mobile" | "landline" } | null {
  const parts = digitsOf(raw);
  if (!parts) return null;
  let d = parts.digits;
  // International prefixes: +86 …, 0086 …, and 86 … in front of a mobile number.
  // Without a "+", a leading 86 is a country code only when what follows is too long to be a number by itself.
  if (d.startsWith("0086")) d = d.slice(4);
  else if (parts.plus || (d.startsWith("86") && d.length >= 12)) {
    if (!d.startsWith("86")) return null; // a foreign number is not a contact we can use
    d = d.slice(2);
    // Dialled from abroad, a landline loses its trunk 0: +86 574 63123456.
    if (d.length > 0 && d[0] !== "0" && d[0] !== "1") d = "0" + d;
  }

  if (MOBILE.test(d)) return { value: d, kind: "mobile" };
  // A 0 in front of a mobile number: the habit of dialling it long-distance.
  if (d.length === 12 && d[0] === "0" && MOBILE.test(d.slice(1))) return { value: d.slice(1), kind: "mobile" };
  if (d.length === 8 && LOCAL_NUMBER.test(d)) return { value: `${LOCAL_AREA}-${d}`, kind: "landline" };
  if (d[0] === "0" && d[1] !== "0") {
    const area = areaCodeLength(d);
    const code = d.slice(0, area);
    const local = d.slice(area);
    // Ningbo local numbers are all 8 digits; elsewhere 7 still exist.
    if (LOCAL_NUMBER.test(local) && (local.length === 8 || code !== LOCAL_AREA)) return { value: `${code}-${local}`, kind: "landline" };
  }
  return null;
}

/** A phone field → canonical mobile / landline, or invalid with the input kept as given. */
export function normalisePhone(input: string | null | undefined): PhoneResult {
  const given = input ?? "";
  // The common case first: a clean mobile number needs no work.
  if (given.length === 11 && MOBILE.test(given)) return { value: given, kind: "mobile", given };
  const trimmed = given.trim();
  if (trimmed === "" || trimmed === "无" || trimmed === "-" || trimmed === "/") return { value: null, kind: "empty", given };
  let found = canonical(trimmed);
  if (!found && LIST_SEPARATOR.test(trimmed)) {
    for (const part of trimmed.split(LIST_SEPARATOR)) {
      found = canonical(part.trim());
      if (found) break;
    }
  }
  return found ? { value: found.value, kind: found.kind, given } : { value: null, kind: "invalid", given };
}
