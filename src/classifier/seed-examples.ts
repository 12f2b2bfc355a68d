// The hand-written seed set: for every category some forty short accounts covering its everyday and legal
// vocabulary (seed/*.ts), and the training examples made from them: each account as written, in frames of the
// registers cases come in, and paired with another account of its category into a longer text.
import { CATEGORIES, type CategoryCode } from "../cases/categories.js";
import { DEFAULT_CHANNEL_WORDS } from "./channel-words.js";
import type { ChannelWords } from "./features.js";
import { pick, seededRandom, type Random } from "./random.js";
import { claimNote, frame, injuryNote } from "./seed-frames.js";
import { FW, TD, ZD } from "./seed/land-housing.js";
import { HJ, QT } from "./seed/environment-other.js";
import { HT, LD, SC } from "./seed/economy.js";
import { HY, LL, SH } from "./seed/family-neighbours.js";
import { JT, WY, XF, YL } from "./seed/services.js";
import { WRITE_UPS } from "./seed/write-ups.js";
import type { TrainingExample } from "./train.js";

const ACCOUNTS: Record<CategoryCode, readonly string[]> = { HY, LL, FW, TD, ZD, HT, SC, LD, SH, YL, JT, WY, XF, HJ, QT };

export const SEED_EXAMPLES = {} as Record<CategoryCode, readonly string[]>;
for (const c of CATEGORIES) SEED_EXAMPLES[c] = [...ACCOUNTS[c], ...(WRITE_UPS[c] ?? [])];

/** Every (channel, word) of the default table, by the category it maps to. */
function channelWordsByCategory(): Map<CategoryCode, ChannelWords[]> {
  const out = new Map<CategoryCode, ChannelWords[]>();
  for (const [channel, words] of Object.entries(DEFAULT_CHANNEL_WORDS)) {
    for (const [word, c] of Object.entries(words)) out.set(c, [...(out.get(c) ?? []), { channel, words: [word] }]);
  }
  return out;
}

/**
 * Some framed examples carry a channel word, right most of the time and wrong sometimes, so that a model trained
 * without any channel's real records still gives the mapped category (cm:) a moderate weight.
 */
function someChannelWords(c: CategoryCode, byCategory: Map<CategoryCode, ChannelWords[]>, random: Random): ChannelWords | undefined {
  const r = random();
  if (r < 0.6) return undefined;
  const from = r < 0.9 ? c : pick(CATEGORIES, random); // right about three times in four, as channels are
  const options = byCategory.get(from);
  return options ? pick(options, random) : undefined;
}

/** How often an account of each category gets a note on an injury's treatment and costs. */
const INJURY_RATE: Partial<Record<CategoryCode, number>> = { SH: 0.6, JT: 0.5, YL: 0.15, LD: 0.4, HY: 0.1, LL: 0.15, XF: 0.1, QT: 0.15, HJ: 0.1 };
/** How often an account of any category gets a claim for money: the claim tells no category. */
const CLAIM_RATE = 0.25;

export interface SeedOptions {
  /** Framed copies of each account. */
  framed?: number;
  /** Pairs of accounts per account. */
  paired?: number;
  seed?: number;
}

export function seedTrainingExamples(opts: SeedOptions = {}): TrainingExample[] {
  const random = seededRandom(opts.seed ?? 7);
  const byCategory = channelWordsByCategory();
  const out: TrainingExample[] = [];
  for (const c of CATEGORIES) {
    const texts = SEED_EXAMPLES[c];
    texts.forEach((text, n) => {
      const group = `seed:${c}:${n}`;
      out.push({ text, category: c, source: "seed", group });
      for (let i = 0; i < (opts.framed ?? 3); i++) {
        const channelWords = someChannelWords(c, byCategory, random);
        let told = random() < (INJURY_RATE[c] ?? 0) ? `${text}，${injuryNote(random)}` : text;
        if (random() < CLAIM_RATE) told = `${told}，${claimNote(random)}`;
        out.push({ text: frame(told, random), category: c, channelWords, source: "seed", group });
      }
      for (let i = 0; i < (opts.paired ?? 1); i++) {
        const other = pick(texts, random);
        if (other !== text) out.push({ text: frame(`${text}。${other}`, random), category: c, source: "seed", group });
      }
    });
  }
  return out;
}
