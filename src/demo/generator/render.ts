// One planned report → one channel record: who is named and how, the narrative in the channel's frame, the
// address at the detail this channel gives, and the truth line that goes with it.
import { renderAddress } from "./addresses.js";
import type { SourceChannel } from "./categories.js";
import type { GenContext } from "./context.js";
import { beijingParts, channelTime, truthTime, yyyymm, yyyymmdd } from "./formats.js";
import { FRAMES, type Frame } from "./frames.js";
import { fill, storyParts } from "./narrative.js";
import { noisyName, noisyPhone, noisyText } from "./noise.js";
import type { Other } from "./parties.js";
import type { Person } from "./people.js";
import type { Dispute, PlannedReport } from "./plan.js";
import type { Rng } from "./prng.js";
import type { TruthRecord } from "./truth.js";

export interface Rendered {
  channel: SourceChannel;
  externalId: string;
  fields: Record<string, unknown>;
  truth: TruthRecord;
}

/** What the channel builders share for one report. */
export interface ReportScene {
  ctx: GenContext;
  rng: Rng;
  d: Dispute;
  rep: PlannedReport;
  index: number;
  speaker: Person;
  other: Other;
  year: number;
  noise: string[];
  phrasing: string[];
  otherNamed: boolean;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function externalId(ctx: GenContext, channel: SourceChannel, ms: number): string {
  const t = beijingParts(ms);
  const day = yyyymmdd(t);
  const next = (key: string, w: number) => pad(ctx.nextId(`${channel}|${key}`), w);
  switch (channel) {
    case "110": return `JQ${day}${next(day, 5)}`;
    case "12345": return `GD${day.slice(2)}${next(day, 5)}`;
    case "81890": return `QZ${day}${next(day, 5)}`;
    case "zlf": return `ZLF${day}${next(day, 5)}`;
    case "odr": return `DYHJ${day}${next(day, 4)}`;
    case "ldbz": return `LB${yyyymm(t)}${next(yyyymm(t), 5)}`;
    case "xf": return `XF${t.y}${next(String(t.y), 6)}`;
    case "rmtj": return `RMTJ${t.y}${next(String(t.y), 6)}`;
  }
}

export function sceneFor(ctx: GenContext, rng: Rng, d: Dispute, rep: PlannedReport, index: number): ReportScene {
  const byB = rep.side === "B" && d.b.kind === "person";
  const speaker = byB && d.b.kind === "person" ? d.b.person : d.a;
  const other: Other = byB ? { kind: "person", person: d.a } : d.b;
  return { ctx, rng, d, rep, index, speaker, other, year: beijingParts(rep.at).y, noise: [], phrasing: [], otherNamed: false };
}

/** The narrative in one of the channel's frames, with its noise and phrasing ids recorded on the scene. */
export function narrate(s: ReportScene, frames: Frame[], channelTag: string, nameText: string): string {
  const fi = s.rng.pickIndex(frames.length);
  const frame = frames[fi];
  const parts = storyParts(s.rng, s.d, s.rep, frame.voice, s.year);
  const text = fill(frame.text.replace("{core}", parts.core).replace("{ask}", parts.ask).replace("{extra}", parts.extra).replace("{name}", nameText), parts.tokens);
  s.otherNamed ||= parts.otherNamed;
  s.phrasing.push(...parts.phrasing, `${channelTag}#${fi}`);
  const noisy = noisyText(s.rng, text);
  s.noise.push(...noisy.noise);
  return noisy.text;
}

/** The same fact and demand, without a frame (the 信访 form has separate 事由 and 诉求 columns). */
export function narrateSplit(s: ReportScene, nameText: string, allowed: number[]): { reason: string; ask: string } {
  const frames = FRAMES.xf;
  const fi = s.rng.pick(allowed);
  const parts = storyParts(s.rng, s.d, s.rep, frames[fi].voice, s.year);
  const reason = fill(frames[fi].text.replace("{core}", parts.core).replace("{extra}", parts.extra).replace("{name}", nameText), parts.tokens);
  s.otherNamed ||= parts.otherNamed;
  s.phrasing.push(...parts.phrasing, `xf#${fi}`);
  const noisy = noisyText(s.rng, reason);
  s.noise.push(...noisy.noise);
  return { reason: noisy.text, ask: fill(parts.ask, parts.tokens) };
}

export function nameOf(s: ReportScene, p: Person = s.speaker): string {
  const n = noisyName(s.rng, p, s.year);
  s.noise.push(...n.noise);
  return n.text;
}

/** A phone as given, or null (missing) at the channel's rate. */
export function phoneOf(s: ReportScene, field: string, missing: number, p: Person = s.speaker): string | null {
  if (s.rng.chance(missing)) {
    s.noise.push(`missing:${field}`);
    return null;
  }
  const ph = noisyPhone(s.rng, p);
  s.noise.push(...ph.noise);
  return ph.text;
}

/** Where the matter is, at this channel's detail; sometimes the caller's home instead; sometimes nothing. */
export function addressOf(s: ReportScene, field: string, homeShare: number, missing = 0.04): string | null {
  if (s.rng.chance(missing)) {
    s.noise.push(`missing:${field}`);
    return null;
  }
  const spot = s.rng.chance(homeShare) ? s.speaker.home : s.d.place;
  return renderAddress(s.rng, spot, s.ctx.places).text;
}

export function time(s: ReportScene): string | number {
  return channelTime(s.rng, s.rep.channel, s.rep.at);
}

export function truthFor(s: ReportScene, externalId: string, extraPeople: string[], orgNamed: boolean): TruthRecord {
  const { d, rep } = s;
  const personKeys = [s.speaker.key];
  if (s.other.kind === "person" && (s.otherNamed || extraPeople.includes(s.other.person.key))) personKeys.push(s.other.person.key);
  const orgKeys = s.other.kind === "org" && (s.otherNamed || orgNamed) ? [s.other.org.key] : [];
  return {
    channel: rep.channel,
    externalId,
    disputeId: d.id,
    category: d.story.category,
    riskLevel: d.risk.level,
    communityCode: d.place.community,
    gridCode: d.place.grid,
    microGridCode: d.place.microGrid,
    personKeys,
    orgKeys,
    reporterKey: s.speaker.key,
    reporterSide: rep.side === "B" && d.b.kind === "person" ? "B" : "A",
    isRedelivery: false,
    isCorrection: false,
    correctedField: null,
    reportedAt: truthTime(rep.channel, rep.at),
    riskAtReport: d.riskAtReport[s.index],
    signals: [...rep.signals],
    isFlareUp: rep.flareUp,
    noise: [...new Set(s.noise)],
    phrasing: s.phrasing,
    defect: null,
  };
}
