import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";

// How a story names people without giving their number: by full name (邻居应杰说…), or by surname and a title
// (邻居胡某, 楼上沈某某家, 张女士, 老李). The other side of a quarrel is usually named this way, so these references
// tie a report to the case of the person it names, and tie that person to the report in the person index.

// Titles that follow a surname when a story names someone without their given name.
const TITLE_RE = /某某|某|先生|女士|阿姨|师傅|老板娘|老板|大爷|大妈|老太|阿婆|阿公/g;
const CJK = /^[\u4e00-\u9fff]+$/;
// Characters that come before 某/先生 without being a surname (其某, 一某, 该女士, 对方某某, 的老板, 老先生, 我先生).
const NOT_SURNAMES = new Set("其一该这那某的了是与和跟对方被人有个位名家户女男在说给把让向找同老小大我你他她们".split(""));

/**
 * What a text names people by: the one and two characters before each title (胡某 → 胡; 欧阳女士 → 阳, 欧阳) and
 * the character after 老 (老李 → 李). Read against known surnames only, so that a stray pair matches nobody.
 */
export function surnameReferences(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TITLE_RE)) {
    const i = m.index ?? 0;
    const one = text.slice(i - 1, i);
    if (i >= 1 && CJK.test(one) && !NOT_SURNAMES.has(one)) out.add(one);
    const two = text.slice(i - 2, i);
    if (i >= 2 && CJK.test(two)) out.add(two);
  }
  for (const m of text.matchAll(/老([\u4e00-\u9fff])/g)) out.add(m[1]);
  return out;
}

/** Surnames a text names someone by unambiguously: the one character before 某, 某某, 先生 or 女士 (胡某 → 胡). */
export function strictSurnameReferences(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/([\u4e00-\u9fff])(?:某|先生|女士)/g)) if (!NOT_SURNAMES.has(m[1])) out.add(m[1]);
  return out;
}

/** Whether `text` names this person: by full name, or by surname and a title (`refs` = surnameReferences(text)). */
export function namesPerson(text: string, refs: Set<string>, person: { fullName: string | null; surname: string | null }): "full" | "surname" | null {
  if (person.fullName && person.fullName.length >= 2 && text.includes(person.fullName)) return "full";
  if (person.surname && refs.has(person.surname)) return "surname";
  return null;
}

let jieba: Jieba | null = null;

/**
 * Words of a story that may be people's full names: what jieba tags as a name (nr) or cannot place in its
 * dictionary (x), two to four Chinese characters, with a trailing 家 dropped (袁美娟家). Only used to look names up
 * in the person index, so a word that is no one's name finds nothing.
 */
export function possibleNames(text: string): string[] {
  if (!jieba) {
    const { dict } = createRequire(import.meta.url)("@node-rs/jieba/dict") as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  const out = new Set<string>();
  for (const { word, tag } of jieba.tag(text, true)) {
    if (tag !== "nr" && tag !== "x") continue;
    const w = word.length > 2 && word.endsWith("家") ? word.slice(0, -1) : word;
    if (w.length >= 2 && w.length <= 4 && CJK.test(w)) out.add(w);
  }
  return [...out];
}
