// Money and head counts as people write them: 1.1万, 11,000元, 6100块, 三万元, 10多名工人, 三十多户. Risk rules weigh
// wage arrears and group size, so a narrative's figures are read when the channel has no field for them.
import { toHalfWidth } from "./text.js";

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_NUMERAL = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

/** 三万 → 30000, 十五 → 15, 一千二百 → 1200, 两 → 2; NaN when a character is not a numeral. */
export function chineseNumeral(s: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch in UNIT) {
      section += (digit === 0 ? 1 : digit) * UNIT[ch]; // 十五: a bare 十 means one ten
      digit = 0;
    } else if (ch === "万") {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === "亿") {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else return NaN;
  }
  return total + section + digit;
}

// ---- finding figures -------------------------------------------------------------------------------------------

// Scanning a whole narrative with the figure patterns is slow (every 一 and every digit starts a try). Instead we look
// for the few characters a figure must stand before (元, 块, 万 …; 人, 户, 工 …), walk back to where the figure starts,
// and run the pattern there only.
const NUMERAL = new Uint8Array(0x10000);
for (const ch of `0123456789${CN_NUMERAL}`) NUMERAL[ch.charCodeAt(0)] = 1;
const BETWEEN = new Uint8Array(0x10000); // what may stand between a figure and its unit: 多, 余, 名 …
for (const ch of " 多余几来名个位") BETWEEN[ch.charCodeAt(0)] = 1;

function table(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** Start of the figure that ends just before `anchor` (numerals with 多/余 … between), or -1 when none does. */
function figureStart(text: string, anchor: number): number {
  let i = anchor - 1;
  let sawNumeral = false;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (NUMERAL[c] === 1) sawNumeral = true;
    else if ((c === 0x2e || c === 0x2c) && i > 0 && NUMERAL[text.charCodeAt(i - 1)] === 1 && sawNumeral) {
      // a decimal point or thousands comma inside an Arabic figure
    } else if (BETWEEN[c] !== 1) break;
    i--;
  }
  if (!sawNumeral) return -1;
  i++;
  // Skip 多/余 … that stood before the figure, but not the 几 of 几十 / 几百, which is the figure.
  while (NUMERAL[text.charCodeAt(i)] !== 1 && !(text[i] === "几" && (text[i + 1] === "十" || text[i + 1] === "百"))) i++;
  return i;
}

/** Runs the sticky `pattern` at each figure standing before an anchor character; `read` turns a match into a number. */
function largestFigure(text: string, anchors: Uint8Array, pattern: RegExp, read: (m: RegExpExecArray) => number | null): number | null {
  let best: number | null = null;
  let lastStart = -1;
  for (let p = 1; p < text.length; p++) {
    if (anchors[text.charCodeAt(p)] !== 1) continue;
    const start = figureStart(text, p);
    if (start < 0 || start === lastStart) continue;
    lastStart = start;
    pattern.lastIndex = start;
    const m = pattern.exec(text);
    const v = m ? read(m) : null;
    if (v !== null && Number.isFinite(v) && v > 0 && (best === null || v > best)) best = v;
  }
  return best;
}

function valueOf(num: string): number {
  const c = num.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return chineseNumeral(num);
  return num.indexOf(",") === -1 ? +num : +num.replace(/,/g, "");
}

function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- money -------------------------------------------------------------------------------------------------------

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER = `(${ARABIC}|[${CN_NUMERAL}]+)`;
// A figure, "more than" (多/余/几/来), a multiplier, and the currency. 块 is also a measure word (三块地, 两块玻璃);
// after 万 or 亿 the currency may be left out (要求退还1.2万) unless a counted noun follows (1.2万人).
const MONEY = new RegExp(
  String.raw`${NUMBER}\s*(?:多|余|几|来)?\s*(亿|万|千)?\s*(?:多|余)?\s*(元|圆|块钱|块(?![地砖玻璃板石田木墙瓦布牌肉表屏钢铁])|(?<=[万亿])(?![人名户个位平亩米公次件台辆头只株棵套间斤吨字步册]))`,
  "y",
);
const PREFIXED = new RegExp(String.raw`(?:¥|￥|人民币|RMB)\s*(${ARABIC})\s*(万)?`, "gi");
const PREFIX_HINT = /[¥￥]|人民币|rmb/i;
const MONEY_ANCHORS = table("元圆块万亿千");
const MULTIPLIER: Record<string, number> = { 亿: 100_000_000, 万: 10_000, 千: 1000 };

function readMoney(m: RegExpExecArray): number {
  return roundCents(valueOf(m[1]) * (m[2] ? MULTIPLIER[m[2]] : 1));
}

/** The largest money figure in a text, in yuan; null when it names none. */
export function extractAmount(narrative: string | null | undefined): number | null {
  if (!narrative) return null;
  const text = toHalfWidth(narrative);
  let best = largestFigure(text, MONEY_ANCHORS, MONEY, readMoney);
  if (PREFIX_HINT.test(text)) {
    PREFIXED.lastIndex = 0;
    for (let m = PREFIXED.exec(text); m !== null; m = PREFIXED.exec(text)) {
      const v = roundCents(valueOf(m[1]) * (m[2] ? 10_000 : 1));
      if (v > 0 && (best === null || v > best)) best = v;
    }
  }
  return best;
}

const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^[\d,]+(?:\.\d+)?$/;

/** An amount field (11000, "1.1万", "11,000元", "三万元") → yuan; null when empty or unreadable. */
export function parseAmount(v: number | string | null | undefined): number | null {
  if (v == null) return null;
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : null;
  const s = toHalfWidth(v).trim();
  if (s === "") return null;
  if (PLAIN.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  // A field holds one figure, so a bare "1.1万" or "三万" counts as money here even without 元.
  return extractAmount(/[元块¥￥币]/.test(s) || /[万亿]$/.test(s) ? s : `${s}元`);
}

// ---- head counts ------------------------------------------------------------------------------------------------

// A figure, "more than", a measure word, and who: 20余人, 10多名工人, 十几人, 三十多户, 几十位村民.
const PEOPLE = new RegExp(
  `(几十|几百|\\d+|[${CN_NUMERAL.replace("万亿", "")}]+)\\s*(?:多|余|几|来)?\\s*(?:名|个|位)?\\s*(?:农民工|工人|员工|职工|村民|居民|业主|住户|群众|家属|老人|学生|人(?!民币)|户)`,
  "y",
);
const PEOPLE_ANCHORS = table("农工员职村居业住群家老学人户");

function readCount(m: RegExpExecArray): number | null {
  const n = m[1] === "几十" ? 20 : m[1] === "几百" ? 200 : valueOf(m[1]);
  return n < 100_000 ? n : null;
}

/** The largest group size a text mentions, as its stated base figure (20余人 → 20, 十几人 → 10); null when none. */
export function extractPeopleCount(narrative: string | null | undefined): number | null {
  if (!narrative) return null;
  return largestFigure(toHalfWidth(narrative), PEOPLE_ANCHORS, PEOPLE, readCount);
}
