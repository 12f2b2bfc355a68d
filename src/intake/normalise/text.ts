// Text clean-up shared by every intake field: width, script (Traditional → Simplified), invisible characters, and the
// matching form. Each function returns its input untouched when there is nothing to do, so the common case costs a
// single scan and no allocation.
import { ConverterBuilder } from "opencc-js/core";
import * as t2cnPreset from "opencc-js/preset/t2cn";

// ---- width ----------------------------------------------------------------------------------------------------

/** Full-width forms that are ordinary Chinese punctuation in a narrative; kept unless `all` is asked for. */
const CHINESE_PUNCT = new Set("，：；！？（）".split("").map((c) => c.charCodeAt(0)));

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space → half-width. Keeps ，：；！？（） (and 。、“” which are not
 * full-width forms at all) as Chinese punctuation; `{ all: true }` folds those too, for codes and matching keys.
 */
export function toHalfWidth(s: string, opts?: { all?: boolean }): string {
  const all = opts?.all === true;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e && (all || !CHINESE_PUNCT.has(c)))) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000) out += " ";
    else if (c >= 0xff01 && c <= 0xff5e && (all || !CHINESE_PUNCT.has(c))) out += String.fromCharCode(c - 0xfee0);
    else out += s[i];
  }
  return out;
}

// ---- Traditional → Simplified ---------------------------------------------------------------------------------

// OpenCC's t2s chain ("from: t"): CJK compatibility ideographs, then TSPhrases + TSCharacters. We avoid "tw": its
// variant table rewrites Simplified text too (显著 → 显着), and its segmentation makes it ~6x slower.
type ChainConfig = { normalizationChain?: string[][]; conversionChain: string[][] };
const T2S = (t2cnPreset.configs as unknown as Record<string, ChainConfig>).t2s;

let converter: ((s: string) => string) | null = null;
/** One bit per UTF-16 unit: set when the converter could change a text holding it (astral keys mark their lead surrogate). */
let tradUnits: Uint8Array | null = null;

// A character is marked when some dictionary entry changes it: a single-character entry whose value differs, or a
// position at which a phrase's key and value differ (a phrase of unequal length marks all its characters). A text with
// no marked unit is therefore returned unchanged by the converter, so skipping it is exact, not a guess.
function buildTradUnits(): Uint8Array {
  const units = new Uint8Array(0x10000);
  const dicts = [...(T2S.normalizationChain ?? []).flat(), ...T2S.conversionChain.flat()];
  for (const dict of dicts) {
    for (const entry of dict.split("|")) {
      const [key, value] = entry.split(" ");
      if (!key || key === value) continue;
      const k = [...key];
      const v = [...(value ?? "")];
      for (let j = 0; j < k.length; j++) if (k.length !== v.length || k[j] !== v[j]) units[k[j].charCodeAt(0)] = 1;
    }
  }
  return units;
}

function mayHoldTraditional(s: string, units: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && units[c] === 1) return true;
  }
  return false;
}

/** Traditional (Taiwan / Hong Kong / OpenCC standard) → Simplified; text with no Traditional-only character is returned as is. */
export function toSimplified(s: string): string {
  tradUnits ??= buildTradUnits();
  if (!mayHoldTraditional(s, tradUnits)) return s;
  converter ??= ConverterBuilder(t2cnPreset)({ from: "t", to: "cn" });
  return converter(s);
}

// ---- invisible characters and whitespace ------------------------------------------------------------------------

// Control characters (bar \n, \t and \r, which the whitespace pass handles), zero-width characters and soft hyphen.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
const NEEDS_CLEANING =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]|\s\s|^\s|\s$/;
const HORIZONTAL_RUN = /[^\S\n]+/g;
const LINE_BREAK_RUN = /\s*\n\s*/g;
const CRLF = /\r\n?/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Trim, collapse whitespace (a run holding a line break becomes one \n), drop invisible characters, NFC. */
export function cleanText(s: string): string {
  let out = s;
  if (NEEDS_CLEANING.test(out)) {
    out = out.replace(CRLF, "\n").replace(INVISIBLE, "").replace(HORIZONTAL_RUN, " ").replace(LINE_BREAK_RUN, "\n").trim();
  }
  // Decomposed forms only arise from non-ASCII input; NFC of ASCII is the identity.
  return NON_ASCII.test(out) ? out.normalize("NFC") : out;
}

// ---- matching form ------------------------------------------------------------------------------------------

// Spaces touching a CJK character carry no meaning ("3幢 2单元" = "3幢2单元"); spaces between Latin words do.
const CJK_SPACE = /(?<=[\u2e80-\u9fff\uf900-\ufaff])\s+|\s+(?=[\u2e80-\u9fff\uf900-\ufaff])/g;
const UPPER_ASCII = /[A-Z]/;

/** The form two texts are compared in: cleaned, half-width (punctuation too), Simplified, ASCII lower-case. */
export function matchKey(s: string): string {
  let out = toSimplified(toHalfWidth(cleanText(s), { all: true }));
  if (out.indexOf(" ") !== -1 || out.indexOf("\n") !== -1) out = out.replace(CJK_SPACE, "");
  return UPPER_ASCII.test(out) ? out.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : out;
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
    String.raw`\b(?:or|and)\s+(['"]?)(\w+)\1\s*=\s*\1\2\1`, // OR 1=1, ' OR 'a'='a
    String.raw`\b(?:drop|truncate)\s+table\b`,
    String.raw`;\s*--`,
  ].join("|"),
  "i",
);
const MARKUP_HINT = /[<>=;]|select|table|script/i;

/** True when the text holds HTML, script or SQL-injection shapes. Used to flag a record, never to reject it. */
export function containsMarkup(s: string): boolean {
  // Every shape holds one of these signs or words; most narratives have none, so one cheap scan settles them.
  const half = toHalfWidth(s, { all: true });
  return MARKUP_HINT.test(half) && MARKUP.test(half);
}
