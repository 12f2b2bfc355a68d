// Report times in every form the channels use, all Beijing time (UTC+8) unless they carry an explicit offset.
// Parsed by hand: Date's own string parsing is slow, lenient (2025-02-30 becomes 2 March) and reads the host's zone.

const BEIJING_OFFSET_MIN = 8 * 60;
const MINUTE_MS = 60_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** 1990-01-01 00:00 Beijing: nothing the hub receives can be older. */
const EARLIEST_MS = Date.UTC(1990, 0, 1) - BEIJING_OFFSET_MIN * MINUTE_MS;
const FUTURE_TOLERANCE_MS = 10 * MINUTE_MS;

// 2025-03-05 14:05:00, 2025/3/5 14:05, 2025.03.05, 2025-03-05T14:05:00.123+08:00, 2025-03-05T06:05:00Z
const DELIMITED =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// 2025年3月5日14时05分, 2025年3月5日 14:05, 2025年3月5日14时05分30秒, 2025年3月5日下午2点, 2025年3月5号
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(上午|早上|凌晨|中午|下午|晚上)?\s*(\d{1,2})\s*[时點点:：]\s*(?:(\d{1,2})\s*(?:分|[:：])?\s*(?:(\d{1,2})\s*秒?)?)?)?$/;
const DIGITS = /^\d+$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** UTC instant of a wall-clock time at the given offset; null for an impossible date or time. */
function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): Date | null {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  if (d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1])) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * MINUTE_MS);
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : +s;
}

/** "Z", "+08:00", "+0800", "+08" → minutes east of UTC. */
function offsetMinutes(z: string | undefined): number {
  if (z === undefined) return BEIJING_OFFSET_MIN;
  if (z === "Z" || z === "z") return 0;
  const sign = z[0] === "-" ? -1 : 1;
  const digits = z.slice(1).replace(":", "");
  return sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2) : 0));
}

/** The number written by the digits s[from, to): callers have checked they are digits. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function fromDigits(s: string): Date | null {
  const n = s.length;
  if (n === 13) return fromEpoch(+s); // epoch ms
  if (n === 10) return fromEpoch(+s * 1000); // epoch seconds
  if (n === 8 || n === 12 || n === 14 || n === 17) {
    // yyyyMMdd[HHmm[ss[SSS]]]
    const h = n >= 12 ? digitsAt(s, 8, 10) : 0;
    const mi = n >= 12 ? digitsAt(s, 10, 12) : 0;
    const sec = n >= 14 ? digitsAt(s, 12, 14) : 0;
    const ms = n === 17 ? digitsAt(s, 14, 17) : 0;
    return instant(digitsAt(s, 0, 4), digitsAt(s, 4, 6), digitsAt(s, 6, 8), h, mi, sec, ms, BEIJING_OFFSET_MIN);
  }
  return null;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The commonest form, "2025-03-05 14:05:00" (or with T, or the date alone), read without a regex. */
function fromFixedWidth(s: string): Date | null | undefined {
  const n = s.length;
  if ((n !== 10 && n !== 19) || s[4] !== "-" || s[7] !== "-") return undefined;
  for (const i of n === 10 ? DATE_DIGITS : DATE_TIME_DIGITS) if (!isDigitAt(s, i)) return undefined;
  if (n === 19 && ((s[10] !== " " && s[10] !== "T") || s[13] !== ":" || s[16] !== ":")) return undefined;
  const time = n === 19;
  return instant(
    digitsAt(s, 0, 4), digitsAt(s, 5, 7), digitsAt(s, 8, 10), time ? digitsAt(s, 11, 13) : 0, time ? digitsAt(s, 14, 16) : 0,
    time ? digitsAt(s, 17, 19) : 0, 0, BEIJING_OFFSET_MIN,
  );
}
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const DATE_TIME_DIGITS = [...DATE_DIGITS, 11, 12, 14, 15, 17, 18];

function fromEpoch(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms) : null;
}

function fromNumber(n: number): Date | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return fromDigits(String(Math.trunc(n)));
}

/** A time in any of the channels' forms → the instant, read as Beijing time; null when unreadable or impossible. */
export function parseBeijingTime(input: string | number | null | undefined): Date | null {
  if (input == null) return null;
  if (typeof input === "number") return fromNumber(input);
  let s = input.trim();
  if (s === "") return null;
  // Full-width digits and signs (２０２５－０３－０５) are rare; fold them only when present.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) {
      s = s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
      break;
    }
  }
  const fixed = fromFixedWidth(s);
  if (fixed !== undefined) return fixed;
  if (DIGITS.test(s)) return fromDigits(s);
  let m = DELIMITED.exec(s);
  if (m) {
    const ms = m[7] === undefined ? 0 : +m[7].slice(0, 3).padEnd(3, "0");
    return instant(+m[1], +m[2], +m[3], num(m[4]), num(m[5]), num(m[6]), ms, offsetMinutes(m[8]));
  }
  m = CHINESE.exec(s);
  if (m) {
    let h = num(m[5]);
    // 下午2点 is 14:00; 中午12点 stays 12.
    if ((m[4] === "下午" || m[4] === "晚上" || (m[4] === "中午" && h < 11)) && h < 12) h += 12;
    return instant(+m[1], +m[2], +m[3], h, num(m[6]), num(m[7]), 0, BEIJING_OFFSET_MIN);
  }
  return null;
}

/** Why a report time cannot be right: more than ten minutes ahead of now, or before 1990 (Beijing). */
export function checkReportedAt(d: Date, now: Date): null | "time_in_future" | "time_before_1990" {
  const t = d.getTime();
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) return "time_in_future";
  if (t < EARLIEST_MS) return "time_before_1990";
  return null;
}
