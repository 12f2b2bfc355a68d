// The features of one case for the classifier: its text's features, plus the words its channel filed it under.
import { CATEGORIES, CATEGORY_NAMES, isCategory, type CategoryCode } from "../cases/categories.js";
import { DEFAULT_CHANNEL_WORDS, type ChannelWordTable } from "./channel-words.js";
import { textFeatures } from "./tokenise.js";

export interface ChannelWords {
  channel: string;
  words: string[];
}

const BY_NAME = new Map<string, CategoryCode>();
for (const c of CATEGORIES) {
  BY_NAME.set(c, c);
  BY_NAME.set(CATEGORY_NAMES[c], c);
  BY_NAME.set(`${CATEGORY_NAMES[c]}纠纷`, c);
}

/** The hub category a channel's word stands for in the table, or a category's own code or name (the hub's forms). */
export function mappedCategory(channel: string, word: string, table: ChannelWordTable = DEFAULT_CHANNEL_WORDS): CategoryCode | null {
  const mapped = table[channel]?.[word];
  if (mapped && isCategory(mapped)) return mapped;
  return BY_NAME.get(word) ?? null;
}

/**
 * A case's channel words as callers have them: one channel's words, several channels' (a case formed from several
 * records), or bare words whose channel is not known (told from the table, or from the words a model was trained on).
 */
export type ChannelWordsInput = ChannelWords | ChannelWords[] | string[];

/** Which channel a bare word belongs to; undefined when it cannot be told. */
export type ChannelOfWord = (word: string) => string | undefined;

function channelOfInTable(table: ChannelWordTable): ChannelOfWord {
  return (word) => {
    for (const [channel, words] of Object.entries(table)) if (Object.hasOwn(words, word)) return channel;
    return undefined;
  };
}

export function toChannelWords(input: ChannelWordsInput | undefined, table: ChannelWordTable, channelOf?: ChannelOfWord): ChannelWords[] {
  if (!input) return [];
  if (!Array.isArray(input)) return [input];
  if (input.length === 0) return [];
  if (typeof input[0] !== "string") return input as ChannelWords[];
  const inTable = channelOfInTable(table);
  return (input as string[]).map((word) => ({ channel: inTable(word) ?? channelOf?.(word) ?? "?", words: [word] }));
}

/**
 * cw:<channel>:<word> for each of the channel's words, and cm:<category> for each the table maps. The raw words let
 * the model learn one channel's habits; the mapped category lets an admin's new table entry count at once.
 */
export function channelFeatures(
  input: ChannelWordsInput | undefined,
  table: ChannelWordTable = DEFAULT_CHANNEL_WORDS,
  channelOf?: ChannelOfWord,
): string[] {
  const out = new Set<string>();
  for (const cw of toChannelWords(input, table, channelOf)) {
    for (const raw of cw.words) {
      const word = raw.trim();
      if (word === "") continue;
      out.add(`cw:${cw.channel}:${word}`);
      const c = mappedCategory(cw.channel, word, table);
      if (c) out.add(`cm:${c}`);
    }
  }
  return [...out];
}

export interface CaseFeatures {
  /** Text features, weighted together to unit length. */
  text: string[];
  /** Channel features, each of weight one. */
  channel: string[];
}

export function caseFeatures(text: string, cw?: ChannelWordsInput, table?: ChannelWordTable, channelOf?: ChannelOfWord): CaseFeatures {
  return { text: textFeatures(text), channel: channelFeatures(cw, table, channelOf) };
}
