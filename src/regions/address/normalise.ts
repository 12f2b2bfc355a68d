// Turning a free-text address into the plain form the resolver matches against: half-width, Simplified,
// no spaces or punctuation, and without the administrative prefix above the street.
import { Locale, type DictGroup } from "opencc-js";

/**
 * Words the rules read besides the registry's own names (prefix, building, unit, direction, connector words).
 * Their Traditional forms are mapped back too, so "號樓", "對面", "交叉口" in Traditional text still read.
 */
const RULE_WORDS =
  "浙江省宁波市慈溪市古塘街道社区村委会民小组号楼幢栋座单元室层第交叉路口十字汇处对面门口附近旁边的往东南西北米与和跟及之间县镇乡区斜侧前向走一带不远处自然村队中段";

/** Punctuation and spacing that never carries meaning in an address; dashes become "-" (as in 3-2-301). */
const DROPPED = " \t\r\n\u3000,，。.、;；:：()（）[]【】「」『』<>《》\"'“”‘’!！?？·•*\u0000";
const DASHES = "—–－‐‑‒―~～_";

/**
 * The character map: Traditional → Simplified for the characters the registry's names and the rules use,
 * punctuation → nothing, dashes → "-". It is built once from the names, so normalising costs one Map
 * lookup per character instead of running a converter on every address. It reads OpenCC's dictionaries
 * directly rather than building its converters, which would load the 400 KB phrase table several times
 * over (about a second); only the entries for characters and phrases that occur in the names are used.
 */
export function buildCharMap(names: Iterable<string>): Map<number, string> {
  const map = new Map<number, string>();
  for (const ch of DROPPED) map.set(ch.charCodeAt(0), "");
  for (const ch of DASHES) map.set(ch.charCodeAt(0), "-");

  const texts = [...names, RULE_WORDS];
  const simplified = new Set<string>();
  const phrases = new Set<string>();
  for (const text of texts) {
    for (const ch of text) simplified.add(ch);
    for (let i = 0; i < text.length; i++) for (let n = 2; n <= MAX_PHRASE && i + n <= text.length; n++) phrases.add(text.slice(i, i + n));
  }
  // Aligned character by character: phrases convert differently from lone characters (慈溪 → 慈谿, 理发 → 理髮).
  // A Traditional form that is itself a Simplified character of some name keeps its own meaning.
  const learn = (source: string, target: string, simpleOf: (ch: string) => string | undefined) => {
    if (source.length !== target.length) return;
    for (let i = 0; i < source.length; i++) {
      const simple = simpleOf(source[i]);
      if (simple && target[i] !== source[i] && !simplified.has(target[i])) map.set(target.charCodeAt(i), simple);
    }
  };
  for (const [source, targets] of dictionaryEntries(Locale.from.cn)) {
    if (source.length === 1 ? simplified.has(source) : phrases.has(source)) {
      for (const t of targets) learn(source, t, (ch) => (simplified.has(ch) ? ch : undefined));
    }
  }
  // Taiwan and Hong Kong write some of those Traditional characters differently again (裏 → 裡, 衛 → 衞).
  const simpleOf = (ch: string) => (simplified.has(ch) ? ch : map.get(ch.charCodeAt(0)));
  for (const locale of ["tw", "hk"]) {
    for (const [source, targets] of dictionaryEntries(Locale.to[locale])) for (const t of targets) learn(source, t, simpleOf);
  }
  return map;
}

const MAX_PHRASE = 8;

/** OpenCC dictionaries are "source target [target…]|…" strings or [source, target] pairs. */
function* dictionaryEntries(groups: readonly DictGroup[]): Generator<[string, string[]]> {
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict === "string") {
        for (const item of dict.split("|")) {
          const [source, ...targets] = item.split(" ");
          if (source) yield [source, targets];
        }
      } else for (const [source, target] of dict) yield [source, [target]];
    }
  }
}

/** Full-width ASCII (０-９, Ａ-Ｚ, －) to half-width, then the character map. */
export function normaliseChars(text: string, map: Map<number, string>): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    const mapped = map.get(code);
    out += mapped ?? String.fromCharCode(code);
  }
  return out;
}

/** The chain above the street, in the forms people write it; longest first so "浙江省" is not left as "省". */
const PREFIXES = ["浙江省", "浙江", "宁波市", "宁波", "慈溪市", "慈溪", "古塘街道", "古塘"];
const STREET_PREFIXES = new Set(["古塘街道", "古塘"]);

/** Drops the administrative prefix in any order and repetition; `street` says whether 古塘 itself was named. */
export function stripPrefix(text: string): { rest: string; street: boolean } {
  let rest = text;
  let street = false;
  for (let again = true; again; ) {
    again = false;
    for (const p of PREFIXES) {
      if (rest.startsWith(p)) {
        rest = rest.slice(p.length);
        street ||= STREET_PREFIXES.has(p);
        again = true;
        break;
      }
    }
  }
  return { rest, street };
}

/**
 * Another province, city, district, street or town at the start of what is left after our own prefix:
 * the address lies outside 古塘. Words that merely end in 市/区 (超市, 市场, 小区, 社区, 园区) are not places.
 */
const OTHER_AREA = /^[\u4e00-\u9fff]{2,4}?(?:省|自治区|(?<!超)市(?!场)|街道|镇|乡)|^[\u4e00-\u9fff]{2,3}?(?<![小社园校厂景片城])区(?=.)|^[\u4e00-\u9fff]{2,3}?县/;

export function namesAnotherArea(rest: string): boolean {
  return OTHER_AREA.test(rest);
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic or Chinese numerals up to 999 (五, 十二, 二十, 一百零五); NaN when it is neither. */
export function parseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch === "十" || ch === "百") {
      total += (digit < 0 ? 1 : digit) * (ch === "十" ? 10 : 100);
      digit = -1;
    } else return NaN;
  }
  return digit < 0 ? (text ? total : NaN) : total + digit;
}
