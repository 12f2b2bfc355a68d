// Text → features for the dispute classifier. The text is put in matching form (Simplified, half-width, lower case),
// cut by jieba with the street's place names as single tokens, and cleaned: place names, people's names written
// 张某, digits, punctuation and function words go. Features are the remaining words (w:) and the character bigrams
// (b:) of each stretch of kept words, so a word jieba cuts oddly still counts through its characters.
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { matchKey } from "../intake/normalise/text.js";
import { shippedPlaceNames, type PlaceKind, type PlaceName } from "./place-names.js";
import { STOP_WORDS } from "./stop-words.js";

const require = createRequire(import.meta.url);

export interface Token {
  word: string;
  /** Set for a registry place name. */
  place?: PlaceKind;
}

interface Segmenter {
  jieba: Jieba;
  places: Map<string, PlaceName>;
  /** A place's head word (医院, 超市, 菜场): the kind of place, kept as a feature where the name is dropped. */
  heads: Map<string, string>;
}

let shipped: Segmenter | null = null;

/** Builds a segmenter: jieba's own dictionary plus the given place names. ~300 ms; the shipped one is built once. */
export function createSegmenter(placeNames: PlaceName[]): Segmenter {
  const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const places = new Map<string, PlaceName>();
  const heads = new Map<string, string>();
  const lines: string[] = [];
  for (const p of placeNames) {
    const name = matchKey(p.name);
    if (p.stem && jieba.cut(name, false).length === 1) continue; // an ordinary word too (开发, 园丁)
    places.set(name, p);
    lines.push(`${name} 50000 ns`);
    if (p.kind === "shop" || p.kind === "factory" || p.kind === "landmark") {
      const words = jieba.cut(name, false);
      const head = words[words.length - 1];
      if (words.length > 1 && head.length >= 2) heads.set(name, head);
    }
  }
  jieba.loadDict(Buffer.from(lines.join("\n"), "utf8"));
  return { jieba, places, heads };
}

function shippedSegmenter(): Segmenter {
  shipped ??= createSegmenter(shippedPlaceNames());
  return shipped;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /^[a-z][a-z0-9]*$/;
// 张某, 王某某, 某某: parties anonymised in write-ups and court findings.
const ANONYMISED = /^[\u4e00-\u9fff]{0,2}某+[甲乙丙丁]?$/;
// Places outside the registry named by their administrative level (宁波市, 白沙镇, 东山乡): they say where, too.
const ADMINISTRATIVE_PLACE = /^[\u4e00-\u9fff]{2,6}[省市县镇乡]$/;

function kept(word: string): boolean {
  if (STOP_WORDS.has(word)) return false;
  if (ANONYMISED.test(word) || ADMINISTRATIVE_PLACE.test(word)) return false;
  if (HAN.test(word)) return true;
  return word.length >= 2 && LATIN_WORD.test(word) && !/^[a-z]\d*$/.test(word);
}

/** The text cut into tokens, in matching form; registry place names come out whole and marked. */
export function segment(text: string, seg: Segmenter = shippedSegmenter()): Token[] {
  const out: Token[] = [];
  for (const word of seg.jieba.cut(matchKey(text), true)) {
    const place = seg.places.get(word);
    out.push(place ? { word, place: place.kind } : { word });
  }
  return out;
}

/** The features of a text, each once: w:word and b:bigram; a named place counts only through its head word (w:超市). */
export function textFeatures(text: string, seg: Segmenter = shippedSegmenter()): string[] {
  const features = new Set<string>();
  let run = ""; // the kept words since the last break, for bigrams
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) features.add(`b:${run.slice(i, i + 2)}`);
    run = "";
  };
  for (const token of segment(text, seg)) {
    if (token.place) {
      flush();
      const head = seg.heads.get(token.word);
      if (head) features.add(`w:${head}`);
      continue;
    }
    if (!kept(token.word)) {
      flush();
      continue;
    }
    features.add(`w:${token.word}`);
    if (HAN.test(token.word)) run += token.word;
    else flush();
  }
  flush();
  return [...features];
}
