// Filling a story into one report: the fact and demand in the frame's voice, the other party as this caller
// names them (王某, 王建军, 王阿姨, or not at all), the signals of this report, the amount in one of its written
// forms.
import { spotMention } from "./addresses.js";
import type { Org } from "./companies.js";
import { COUNTER_ASKS, type Voice } from "./frames.js";
import type { Other } from "./parties.js";
import { ageOn, titleOf, type Person } from "./people.js";
import type { Dispute, PlannedReport } from "./plan.js";
import type { Rng } from "./prng.js";
import { signalPhrase } from "./signals.js";

export interface StoryParts {
  core: string;
  ask: string;
  /** The signal sentences, ending in 。, or "". */
  extra: string;
  tokens: Record<string, string>;
  /** Whether the text names the other party (even as 王某). */
  otherNamed: boolean;
  phrasing: string[];
}

// After dropping 其称 / 我称, a fact starting with one of these needs its subject back (其与…, 我被…, 其丈夫…).
const NEEDS_SUBJECT = /^(?:[与被和在把从给为替向对跟家]|\{(?:配偶|前配偶|子女|兄妹)\})/;

/** The fact as the voice says it: no 报警人称其称…, no 我称… in a citizen's own words. */
function inVoice(fact: string, voice: Voice): string {
  const f = fact.replace(/^\{我\}(?:称|反映)\{我\}/, "{我}");
  const said = /^\{我\}(?:称|反映)/.exec(f);
  if (voice === "register" || !said) return f;
  const rest = f.slice(said[0].length);
  return NEEDS_SUBJECT.test(rest) ? `{我}${rest}` : rest;
}

function orgMention(rng: Rng, org: Org, voice: Voice): string {
  if (voice === "register") return org.name;
  const generic = org.kind === "property" ? "物业" : org.kind === "committee" ? (/村/.test(org.name) ? "村里" : "居委会") : org.kind === "developer" ? "开发商" : null;
  const r = rng.next();
  if (generic && r < 0.2) return generic;
  return r < 0.6 ? org.alias : org.name;
}

function personMention(rng: Rng, p: Person, voice: Voice, year: number): string {
  if (voice === "register") return p.name;
  const r = rng.next();
  if (r < 0.4) return `${p.surname}某`;
  if (r < 0.62) return p.name;
  if (r < 0.75) return titleOf(rng, p, year);
  return "";
}

export function mentionOf(rng: Rng, other: Other, voice: Voice, year: number): string {
  return other.kind === "org" ? orgMention(rng, other.org, voice) : personMention(rng, other.person, voice, year);
}

/** 3500元, 3.5万元, 3万5千元 …: one amount, written the ways people write it. */
export function amountText(rng: Rng, n: number): string {
  if (n < 10_000) return rng.chance(0.8) ? `${n}元` : `${n}块钱`;
  const wan = n / 10_000;
  const r = rng.next();
  if (r < 0.45 && Number.isInteger(wan * 10)) return `${wan}万元`;
  if (r < 0.55 && Number.isInteger(wan)) return `${wan}万`;
  return `${n}元`;
}

function kinship(speaker: Person, other: Person): Record<string, string> {
  const m = other.gender === "M";
  const older = other.birth.y < speaker.birth.y || (other.birth.y === speaker.birth.y && other.birth.m < speaker.birth.m);
  return {
    配偶: m ? "丈夫" : "妻子",
    前配偶: m ? "前夫" : "前妻",
    子女: m ? "儿子" : "女儿",
    兄妹: older ? (m ? "哥哥" : "姐姐") : m ? "弟弟" : "妹妹",
  };
}

export function storyParts(rng: Rng, d: Dispute, rep: PlannedReport, voice: Voice, year: number): StoryParts {
  const { story } = d;
  const bySideB = rep.side === "B" && d.b.kind === "person" && story.counter !== undefined;
  const speaker = bySideB && d.b.kind === "person" ? d.b.person : d.a;
  const other: Other = bySideB ? { kind: "person", person: d.a } : d.b;
  const facts = bySideB ? story.counter! : story.facts;
  const fi = rng.pickIndex(facts.length);
  let core = inVoice(facts[fi], voice);
  if (d.amount !== null && !core.includes("{金额}") && !bySideB && (d.amount >= 100_000 || rng.chance(0.3))) {
    core += rng.pick(["，涉及金额{金额}", "，涉及金额约{金额}", "，前后共计{金额}"]);
  }
  const asks = bySideB ? COUNTER_ASKS : story.asks;
  const ai = rng.pickIndex(asks.length);
  const age = ageOn(d.a, rep.at);
  const ctx = { peopleCount: d.peopleCount, age, repeatNo: rep.repeatNo, gap: d.slots.gap };
  // The complainant's vulnerability is theirs to mention; the other side does not.
  const phrases = rep.signals
    .filter((s) => !(bySideB && (s === "elderly" || s === "disabled" || s === "pregnant")))
    .map((s) => signalPhrase(rng, s, story.category, ctx));
  const mention = mentionOf(rng, other, voice, year);
  const tokens: Record<string, string> = {
    我: voice === "third" ? "其" : voice === "first" ? "我" : "申请人",
    对方: mention,
    金额: d.amount !== null ? amountText(rng, d.amount) : "",
    时长: d.slots.duration,
    地: spotMention(rng, d.place),
    数: String(Math.max(1, (d.peopleCount ?? 3) - 1)),
    年龄: String(age),
    ...(other.kind === "person" ? kinship(speaker, other.person) : {}),
    ...d.slots.vars,
  };
  return {
    core,
    ask: asks[ai],
    extra: phrases.length ? `${phrases.join("，")}。` : "",
    tokens,
    otherNamed: mention !== "",
    phrasing: [`${story.id}.${bySideB ? "c" : "f"}${fi}`, `${story.id}.${bySideB ? "b" : "a"}${ai}`],
  };
}

/** Replaces every {slot}; a slot the story forgot to provide is a bug in the template. */
export function fill(text: string, tokens: Record<string, string>): string {
  return text.replace(/\{([^{}]+)\}/g, (_m, k: string) => {
    const v = tokens[k];
    if (v === undefined) throw new Error(`story slot {${k}} has no value in: ${text}`);
    return v;
  });
}
