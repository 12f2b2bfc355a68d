// Tells a file's channel when the caller did not: first from where it lies (channels/<code>/…, <code>_yyyymm.csv),
// else from its CSV header or JSON keys.
import { CHANNELS, type ChannelCode } from "../channels.js";
import { FORMATS } from "./index.js";

const BY_LOWER = new Map<string, ChannelCode>(CHANNELS.map((c) => [c.toLowerCase(), c]));

/**
 * The file name's prefix (`110_202411.csv`, `zlf-2025.json`) wins, then the nearest folder named after a channel.
 * `stopAt` limits the folders looked at to those below it (a walked folder's own ancestors say nothing).
 */
export function detectChannelFromPath(path: string, stopAt?: string): ChannelCode | null {
  const segments = path.split(/[\\/]+/).filter(Boolean);
  const name = segments.pop() ?? "";
  const prefix = /^([A-Za-z0-9]+)[_-]/.exec(name);
  const fromName = prefix && BY_LOWER.get(prefix[1].toLowerCase());
  if (fromName) return fromName;
  const floor = stopAt ? stopAt.split(/[\\/]+/).filter(Boolean).length - 1 : 0;
  for (let i = segments.length - 1; i >= Math.max(floor, 0); i--) {
    const c = BY_LOWER.get(segments[i].toLowerCase());
    if (c) return c;
  }
  return null;
}

/**
 * The channel whose declared fields the names cover best: its id field must be present and at least 60% of its
 * fields; among those, the closest match overall wins (so grid's extra `gridWorker` tells it from portal).
 */
export function detectChannelFromHeader(fieldNames: string[]): ChannelCode | null {
  const names = new Set(fieldNames.map((n) => n.replace(/^\uFEFF/, "").trim()));
  let best: ChannelCode | null = null;
  let bestScore = 0;
  for (const code of CHANNELS) {
    const f = FORMATS[code];
    const declared = f.headerFields ?? [f.idField, ...f.required];
    if (!names.has(f.idField)) continue;
    const hits = declared.filter((n) => names.has(n)).length;
    if (hits < declared.length * 0.6) continue;
    const score = hits / (names.size + declared.length - hits); // Jaccard
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}
