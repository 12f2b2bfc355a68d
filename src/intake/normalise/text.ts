// Text clean-up shared by every intake field: width, script (Traditional → Simplified), invisible characters, and the
// matching form. Each function returns its input untouched when there is nothing to do, so the common case costs a
// single scan and no allocation.
import { ConverterBuilder } from "opencc-js/core";
import * as t2cnPreset from "opencc-js/preset/t2cn";

// ---- width ----------------------------------------------------------------------------------------------------

/** ，：；！？ */
function isSentenceMark(c: number): boolean {
  return c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff01 || c === 0xff1f;
}

/** The half-width code for a full-width form or the ideographic space; -1 to keep the character. */
function halfWidthOf(c: number, all: boolean): number {
  if (c === 0x3000) return 0x20;
  if (c < 0xff01 || c > 0xff5e) return -1;
  // ，：；！？（） are ordinary Chinese punctuation in a narrative; folded only when `all` is asked for.
  if (!all && (isSentenceMark(c) || c === 0xff08 || c === 0xff09)) return -1;
  return c - 0xfee0;
}

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space → half-width. Keeps ，：；！？（） (and 。、“” which are not
 * full-width forms at all) as Chinese punctuation; `{ all: true }` folds those too, for codes and matching keys.
 */
export function toHalfWidth(s: string, opts?: { all?: boolean }): string {
  const all = opts?.all === true;
  let out = "";
  let start = 0; // unchanged stretches are copied as slices
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xff01 && c !== 0x3000) continue; // most characters, Chinese ones included, leave here
    const r = halfWidthOf(c, all);
    if (r === -1) continue;
    out += s.slice(start, i) + String.fromCharCode(r);
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

// ---- Traditional → Simplified ---------------------------------------------------------------------------------

// OpenCC's t2s chain ("from: t"): CJK compatibility ideographs, then TSPhrases + TSCharacters. We avoid "tw": its
// variant table rewrites Simplified text too (显著 → 显着), and its segmentation makes it ~6x slower.
type ChainConfig = { normalizationChain?: string[][]; conversionChain: string[][] };
const T2S = (t2cnPreset.configs as unknown as Record<string, ChainConfig>).t2s;

let converter: ((s: string) => string) | null = null;
/** One byte per UTF-16 unit: 1 for a Traditional-only character (astral ones mark their lead surrogate). */
let tradUnits: Uint8Array | null = null;

// Marked: every character the single-character tables change. Phrase-table rewrites of characters that are also
// Simplified (回覆 → 回复, but also 打坏 → 打坯, 沈下 → 沉下) only run beside a Traditional-only character: on Simplified
// input they corrupt words (打坏了窗户) and the surname 沈.
function buildTradUnits(): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (const dict of [...(T2S.normalizationChain ?? []).flat(), ...T2S.conversionChain.flat()]) {
    for (const entry of dict.split("|")) {
      const [key, value] = entry.split(" ");
      if (key !== value && [...key].length === 1) units[key.charCodeAt(0)] = 1;
    }
  }
  return units;
}

// No dictionary key holds ASCII or punctuation, so a text converts piece by piece between them exactly as it does
// whole; converting only the pieces holding a Traditional character saves most of the converter's cost.
function isBreak(c: number): boolean {
  return c < 0x80 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff65);
}

/** Traditional → Simplified; a text with no Traditional-only character is returned as it is. */
export function toSimplified(s: string): string {
  const units = (tradUnits ??= buildTradUnits());
  let i = 0;
  while (i < s.length && units[s.charCodeAt(i)] !== 1) i++;
  if (i === s.length) return s;
  const convert = (converter ??= ConverterBuilder(t2cnPreset)({ from: "t", to: "cn" }));
  let out = "";
  let start = 0; // the piece under way
  let done = 0; // everything before it is in out
  let traditional = false;
  for (i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    if (i < s.length && !isBreak(c)) {
      if (units[c] === 1) traditional = true;
      continue;
    }
    if (traditional) {
      out += s.slice(done, start) + convert(s.slice(start, i));
      done = i;
      traditional = false;
    }
    start = i + 1;
  }
  return out + s.slice(done);
}

// ---- invisible characters and whitespace ------------------------------------------------------------------------

// Per UTF-16 unit, what cleanText must know: a table lookup per character keeps its common case near a memory scan.
const PLAIN = 0;
const SPACE = 1; // " " or "\n": fine alone, a run (or one at either end) needs collapsing
const ODD = 2; // control, zero-width or unusual space: the slow path
const NOT_NFC_STABLE = 3; // may change under NFC
const CHAR_CLASS = buildCharClass();

function buildCharClass(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const nfcStable =
      c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || (c >= 0x3001 && c <= 0x3098) ||
      (c >= 0x309b && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);
    t[c] = nfcStable ? PLAIN : NOT_NFC_STABLE;
  }
  const odd: [number, number][] = [
    [0x00, 0x1f], [0x7f, 0xa0], [0xad, 0xad], [0x1680, 0x1680], [0x2000, 0x200f], [0x2028, 0x202f], [0x205f, 0x2064],
    [0x3000, 0x3000], [0xfeff, 0xfeff],
  ];
  for (const [from, to] of odd) t.fill(ODD, from, to + 1);
  t[0x20] = SPACE;
  t[0x0a] = SPACE;
  return t;
}

/** For the odd characters: 2 a line break, 1 a space, 0 invisible (dropped). */
function oddKind(c: number): number {
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return 2;
  const space =
    c === 0x09 || c === 0x0b || c === 0x0c || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000;
  return space ? 1 : 0;
}

// One pass: stretches of visible text are copied as slices, the whitespace between them becomes one space or one line
// break (none at either end), invisible characters vanish without splitting words ("王\u200b小明" → "王小明").
function cleanSlowly(s: string): string {
  let out = "";
  let run = -1; // start of the visible stretch under way
  let gap = 0; // the whitespace since the last stretch: 0 none, 1 space, 2 line break
  let nfc = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = CHAR_CLASS[c];
    if (k === PLAIN || k === NOT_NFC_STABLE) {
      if (k === NOT_NFC_STABLE) nfc = true;
      if (run < 0) {
        if (out !== "" && gap !== 0) out += gap === 2 ? "\n" : " ";
        gap = 0;
        run = i;
      }
      continue;
    }
    if (run >= 0) {
      out += s.slice(run, i);
      run = -1;
    }
    const kind = c === 0x20 ? 1 : oddKind(c);
    if (kind > gap) gap = kind;
  }
  if (run >= 0) out += s.slice(run);
  return nfc ? out.normalize("NFC") : out;
}

/** Trim, collapse whitespace (a run holding a line break becomes one \n), drop invisible characters, NFC. */
export function cleanText(s: string): string {
  // One pass decides whether anything needs doing; most texts come out of it untouched.
  let prevSpace = true; // so that leading whitespace counts as a run
  let nfc = false;
  for (let i = 0; i < s.length; i++) {
    const k = CHAR_CLASS[s.charCodeAt(i)];
    if (k === PLAIN) prevSpace = false;
    else if (k === SPACE) {
      if (prevSpace) return cleanSlowly(s);
      prevSpace = true;
    } else if (k === ODD) return cleanSlowly(s);
    else {
      nfc = true;
      prevSpace = false;
    }
  }
  if (prevSpace && s.length > 0) return cleanSlowly(s);
  return nfc ? s.normalize("NFC") : s;
}

// ---- matching form ------------------------------------------------------------------------------------------

function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * The form two texts are compared in: cleaned, half-width (brackets too), Simplified, ASCII lower-case, and without
 * the spaces that touch a CJK character ("3幢 2单元" = "3幢2单元"; spaces between Latin words stay).
 */
export function matchKey(s: string): string {
  const clean = cleanText(s);
  // Copy unchanged stretches as slices; only the characters that change are built one by one.
  let out = "";
  let start = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    let r = -1; // replacement code, 0 to drop the character, -1 to keep it
    // Full-width forms fold, brackets too (宁波（慈溪） = 宁波(慈溪)); the sentence marks ，：；！？ stay, as toHalfWidth
    // keeps them: they are frequent in narratives, and carry nothing that decides a match.
    if (c >= 0xff01 && c <= 0xff5e) r = isSentenceMark(c) ? -1 : c - 0xfee0;
    else if (c >= 0x41 && c <= 0x5a) r = c + 0x20;
    else if ((c === 0x20 || c === 0x0a) && (isCjk(clean.charCodeAt(i - 1)) || isCjk(clean.charCodeAt(i + 1)))) r = 0;
    if (r === -1) continue;
    out += clean.slice(start, i);
    if (r !== 0) out += String.fromCharCode(r >= 0x41 && r <= 0x5a ? r + 0x20 : r);
    start = i + 1;
  }
  return toSimplified(start === 0 ? clean : out + clean.slice(start));
}

// ---- markup and injection shapes --------------------------------------------------------------------------------

const MARKUP = new RegExp(
  [
    String.raw`<\s*\/?\s*[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?\s*>`, // an HTML tag
    String.raw`<\s*script`,
    String.raw`<!--`,
    String.raw`javascript\s*:`,
    String.raw`\bon(?:error|load|click|mouseover|focus)\s*=`,
    String.raw`['"]\s*;\s*(?:drop|delete|insert|update|truncate|alter|exec)\b`,
    String.raw`\bunion\s+(?:all\s+)?select\b`,
    String.raw`\b(?:or|and)\s+(['"]?)(\w+)\1\s*=\s*\1\2\1?(?!\w)`, // OR 1=1, ' OR 'a'='a (the query closes the quote)
    String.raw`\b(?:drop|truncate)\s+table\b`,
    String.raw`;\s*--`,
  ].join("|"),
  "i",
);
const MARKUP_HINT = /[<>=;]|select|table|script/i;

/**
 * True when the text holds HTML, script or SQL-injection shapes. Used to flag a record, never to reject it.
 * Full-width look-alikes (＜script＞) are not flagged: no browser or database reads them as markup.
 */
export function containsMarkup(s: string): boolean {
  // Every shape holds one of these signs or words; most narratives have none, so one cheap scan settles them.
  return MARKUP_HINT.test(s) && MARKUP.test(s);
}
