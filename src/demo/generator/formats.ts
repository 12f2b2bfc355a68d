// The channels' native forms: times as each system writes them (Beijing time), CSV lines, the column orders.
import type { SourceChannel } from "./categories.js";
import type { Rng } from "./prng.js";

const BEIJING = 8 * 3_600_000;

export interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

export function beijingParts(ms: number): Parts {
  const t = new Date(ms + BEIJING);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 2025-03-05 14:05:00 */
export const isoSpace = (t: Parts) => `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
/** 2025-03-05T14:05:00 */
export const isoT = (t: Parts) => `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
/** 2025/3/5 14:05 */
export const slashShort = (t: Parts) => `${t.y}/${t.mo}/${t.d} ${t.h}:${p2(t.mi)}`;
/** 2025年3月5日14时05分 */
export const chinese = (t: Parts) => `${t.y}年${t.mo}月${t.d}日${t.h}时${p2(t.mi)}分`;
/** 20250305140500 */
export const compact = (t: Parts) => `${t.y}${p2(t.mo)}${p2(t.d)}${p2(t.h)}${p2(t.mi)}${p2(t.s)}`;
/** 2025-03-05 */
export const dateOnly = (t: Parts) => `${t.y}-${p2(t.mo)}-${p2(t.d)}`;
/** 2025-03-05 14:05 */
export const minutes = (t: Parts) => `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}`;
export const yyyymmdd = (t: Parts) => `${t.y}${p2(t.mo)}${p2(t.d)}`;
export const yyyymm = (t: Parts) => `${t.y}${p2(t.mo)}`;

/** The report time as the channel's system writes it; date-only channels drop the clock. */
export function channelTime(rng: Rng, channel: SourceChannel, ms: number): string | number {
  const t = beijingParts(ms);
  switch (channel) {
    case "110":
      return rng.weighted({ a: 60, b: 25, c: 15 }) === "a" ? isoSpace(t) : rng.chance(0.62) ? slashShort(t) : chinese(t);
    case "12345":
      return rng.chance(0.7) ? isoT(t) : compact(t);
    case "81890":
      return rng.chance(0.7) ? minutes(t) : slashShort(t);
    case "zlf":
      return isoSpace(t);
    case "odr":
      return ms;
    case "ldbz":
      return rng.chance(0.85) ? dateOnly(t) : `${t.y}/${t.mo}/${t.d}`;
    case "xf":
      return rng.chance(0.9) ? dateOnly(t) : `${t.y}年${t.mo}月${t.d}日`;
    case "rmtj":
      return dateOnly(t);
  }
}

/** Channels whose records carry only the date. */
export const DATE_ONLY: ReadonlySet<SourceChannel> = new Set(["ldbz", "xf", "rmtj"]);

/** The instant a record states, as the truth gives it: ISO with +08:00. */
export function truthTime(channel: SourceChannel, ms: number): string {
  const t = beijingParts(ms);
  return DATE_ONLY.has(channel) ? `${dateOnly(t)}T00:00:00+08:00` : `${isoT(t)}+08:00`;
}

export const HEADERS: Partial<Record<SourceChannel, string[]>> = {
  "110": ["接警编号", "报警时间", "报警人", "联系电话", "身份证号", "事发地址", "警情类别", "报警内容", "处警单位", "处警民警", "处警结果", "是否非警务"],
  "81890": ["服务单号", "求助时间", "求助人", "电话", "地址", "求助内容", "服务类别"],
  ldbz: ["投诉编号", "投诉日期", "投诉人", "身份证", "电话", "被投诉单位", "统一社会信用代码", "单位地址", "涉及人数", "欠薪金额(元)", "投诉事项"],
  xf: ["编号", "日期", "方式", "信访人", "人数", "住址", "事由", "诉求"],
};

export const FILE_EXT: Record<SourceChannel, string> = {
  "110": "csv", "12345": "jsonl", "81890": "csv", zlf: "json", odr: "jsonl", ldbz: "csv", xf: "csv", rmtj: "jsonl",
};

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(",");
}

/** A record's line: CSV in header order, JSON otherwise. */
export function serialise(channel: SourceChannel, fields: Record<string, unknown>): string {
  const header = HEADERS[channel];
  return header ? csvLine(header.map((h) => fields[h])) : JSON.stringify(fields);
}
