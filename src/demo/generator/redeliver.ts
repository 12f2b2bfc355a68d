// What source systems do to records after sending them: send the same line again (a redelivery), re-issue it
// with one field changed (a correction), or send a broken row (an empty required field, a malformed line, a
// year typed ten years ahead) that the hub must quarantine.
import type { SourceChannel } from "./categories.js";
import { beijingParts, isoSpace, serialise } from "./formats.js";
import { MEDIATION_OUTCOMES, ODR_STATUSES, PETITION_AIMS, POLICE_RESULTS, VISIT_MODES } from "./frames.js";
import type { Rng } from "./prng.js";
import type { Defect } from "./truth.js";

const SERVICE_WORDS = ["邻里协调", "家庭调解", "物业服务", "维修服务", "法律咨询", "消费维权", "环境卫生", "其他求助"];

/** The field each system re-issues, and how it changes. */
const CORRECTIONS: Record<SourceChannel, { field: string; change: (rng: Rng, v: unknown) => unknown }> = {
  "110": { field: "处警结果", change: (rng, v) => other(rng, POLICE_RESULTS, v) },
  "12345": { field: "blsx", change: (_rng, v) => (v === 15 ? 10 : Number(v) + 5) },
  "81890": { field: "服务类别", change: (rng, v) => other(rng, SERVICE_WORDS, v) },
  zlf: { field: "xfmd", change: (rng, v) => other(rng, PETITION_AIMS, v) },
  odr: { field: "status", change: (rng, v) => other(rng, ODR_STATUSES, v) },
  // One more or one fewer worker, never across the 10 that makes a group.
  ldbz: { field: "涉及人数", change: (_rng, v) => (Number(v) === 9 ? 8 : Number(v) + 1) },
  xf: { field: "方式", change: (rng, v) => other(rng, VISIT_MODES, v) },
  rmtj: { field: "tjjg", change: (rng, v) => other(rng, MEDIATION_OUTCOMES, v) },
};

function other<T>(rng: Rng, list: readonly T[], v: unknown): T {
  const rest = list.filter((x) => x !== v);
  return rng.pick(rest.length ? rest : list);
}

export function correct(rng: Rng, channel: SourceChannel, fields: Record<string, unknown>): { fields: Record<string, unknown>; field: string } {
  const { field, change } = CORRECTIONS[channel];
  return { fields: { ...fields, [field]: change(rng, fields[field]) }, field };
}

const REQUIRED_TEXT: Record<SourceChannel, string> = {
  "110": "报警内容", "12345": "slsj", "81890": "求助内容", zlf: "zyqq", odr: "description", ldbz: "投诉事项", xf: "日期", rmtj: "jyqk",
};
const TIME_FIELD: Record<SourceChannel, string> = {
  "110": "报警时间", "12345": "slsj", "81890": "求助时间", zlf: "djsj", odr: "createdAt", ldbz: "投诉日期", xf: "日期", rmtj: "slrq",
};

/** A year typed ten years ahead: a time in the future, in the field's own form. */
function future(v: unknown, ms: number): unknown {
  if (typeof v === "number") return v + 10 * 365 * 86_400_000;
  const s = String(v);
  const y = String(beijingParts(ms).y);
  return s.includes(y) ? s.replace(y, String(+y + 10)) : isoSpace(beijingParts(ms + 10 * 365 * 86_400_000));
}

/** A broken copy of a record, under a new id: the line as the system sent it and what is wrong with it. */
export function breakRecord(rng: Rng, channel: SourceChannel, fields: Record<string, unknown>, idField: string, newId: string, ms: number): { line: string; defect: Defect } {
  const base = { ...fields, [idField]: newId };
  const csv = channel === "110" || channel === "81890" || channel === "ldbz" || channel === "xf";
  const kind = rng.weighted({ missing_required: 40, malformed_row: channel === "zlf" ? 0 : 30, time_in_future: 30 }) as Defect;
  if (kind === "missing_required") return { line: serialise(channel, { ...base, [REQUIRED_TEXT[channel]]: "" }), defect: kind };
  if (kind === "time_in_future") return { line: serialise(channel, { ...base, [TIME_FIELD[channel]]: future(base[TIME_FIELD[channel]], ms) }), defect: kind };
  const line = serialise(channel, base);
  // A CSV row with a stray unquoted comma field; a JSON line cut off mid-record.
  return { line: csv ? `${line},（转办）` : line.slice(0, Math.max(10, Math.floor(line.length * 0.6))), defect: kind };
}

export const ID_FIELD: Record<SourceChannel, string> = {
  "110": "接警编号", "12345": "gdbh", "81890": "服务单号", zlf: "xfjbh", odr: "caseNo", ldbz: "投诉编号", xf: "编号", rmtj: "ajbh",
};
