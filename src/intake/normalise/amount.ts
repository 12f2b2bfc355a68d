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

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER = `(${ARABIC}|[${CN_NUMERAL}]+)`;
// A figure, "more than" (多/余/几/来), a multiplier, and the currency. 块 is also a measure word (三块地, 两块玻璃).
const MONEY = new RegExp(
  String.raw`(?:(¥|￥|人民币|RMB)\s*)?${NUMBER}\s*(?:多|余|几|来)?\s*(亿|万|千)?\s*(?:多|余)?\s*(元|圆|块钱|块(?![地砖玻璃板石田木墙瓦布牌肉表屏钢铁]))?`,
  "gi",
);
// After "…万" with no currency, these words say it counts something other than money.
const NOT_MONEY_AFTER_WAN = /^[人名户个位平亩米公次件台辆头只株棵套间斤吨字步册]/;
const MONEY_HINT = /[元块万¥￥币]/;

function valueOf(num: string): number {
  const c = num.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 ? Number(num.replace(/,/g, "")) : chineseNumeral(num);
}

const MULTIPLIER: Record<string, number> = { 亿: 100_000_000, 万: 10_000, 千: 1000 };

function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The largest money figure in a text, in yuan; null when it names none. */
export function extractAmount(narrative: string | null | undefined): number | null {
  if (!narrative || !MONEY_HINT.test(narrative)) return null;
  const text = toHalfWidth(narrative);
  let best: number | null = null;
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m !== null; m = MONEY.exec(text)) {
    const [whole, prefix, num, mult, currency] = m;
    const endsInWan = mult === "万" || mult === "亿" || num.endsWith("万") || num.endsWith("亿");
    const isMoney = prefix !== undefined || currency !== undefined || (endsInWan && !NOT_MONEY_AFTER_WAN.test(text.slice(m.index + whole.length)));
    if (!isMoney) continue;
    const value = roundCents(valueOf(num) * (mult ? MULTIPLIER[mult] : 1));
    if (Number.isFinite(value) && value > 0 && (best === null || value > best)) best = value;
  }
  return best;
}

const PLAIN = /^\d+(?:\.\d+)?$/;

/** An amount field (11000, "1.1万", "11,000元", "三万元") → yuan; null when empty or unreadable. */
export function parseAmount(v: number | string | null | undefined): number | null {
  if (v == null) return null;
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : null;
  const s = toHalfWidth(v).trim();
  if (s === "") return null;
  if (PLAIN.test(s)) return Number(s);
  if (/^[\d,]+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ""));
  // A field holds one figure, so a bare "1.1万" or "三万" counts as money here even without 元.
  return extractAmount(/[元块¥￥币]/.test(s) || /[万亿]$/.test(s) ? s : `${s}元`);
}

// ---- head counts ------------------------------------------------------------------------------------------------

// A figure, "more than", a measure word, and who: 20余人, 10多名工人, 十几人, 三十多户, 几十位村民.
const PEOPLE = new RegExp(
  `(几十|几百|\\d+|[${CN_NUMERAL.replace("万亿", "")}]+)\\s*(?:多|余|几|来)?\\s*(?:名|个|位)?\\s*(?:农民工|工人|员工|职工|村民|居民|业主|住户|群众|家属|老人|学生|人(?!民币)|户)`,
  "g",
);
const PEOPLE_HINT = /[人户工民主众属生]/;

/** The largest group size a text mentions, as its stated base figure (20余人 → 20, 十几人 → 10); null when none. */
export function extractPeopleCount(narrative: string | null | undefined): number | null {
  if (!narrative || !PEOPLE_HINT.test(narrative)) return null;
  const text = toHalfWidth(narrative);
  let best: number | null = null;
  PEOPLE.lastIndex = 0;
  for (let m = PEOPLE.exec(text); m !== null; m = PEOPLE.exec(text)) {
    const num = m[1];
    const n = num === "几十" ? 20 : num === "几百" ? 200 : valueOf(num);
    if (Number.isFinite(n) && n > 0 && n < 100_000 && (best === null || n > best)) best = n;
  }
  return best;
}
