// Invented channel rows for the intake tests, written in each outside channel's native format (GBK CSV, CSV with BOM,
// JSON Lines, a JSON array), with addresses taken from the street's registry so that they resolve.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { idCheckDigit } from "../../personal-data/id-number.js";
import { shippedRegistry } from "../../test/regions-fixture.js";
import type { ChannelCode } from "../channels.js";
import { creditCodeCheckChar } from "../normalise/credit-code.js";

export const OUTSIDE_CHANNELS = ["110", "12345", "81890", "zlf", "odr", "ldbz", "xf", "rmtj"] as const satisfies readonly ChannelCode[];
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

/** One report, channel-neutral; `nativeRow` renames it into a channel's own fields. */
export interface Report {
  id: string;
  /** As the channel gives it: "2025/3/5 14:05", "20250305140500", epoch ms … */
  time: string | number;
  name?: string;
  phone?: string;
  idNumber?: string;
  address?: string;
  narrative: string;
  category?: string;
  amount?: number | string | null;
  peopleCount?: number | string | null;
  company?: string;
  creditCode?: string;
}

export function nativeRow(channel: OutsideChannel, r: Report): Record<string, unknown> {
  const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  switch (channel) {
    case "110":
      return { 接警编号: r.id, 报警时间: s(r.time), 报警人: s(r.name), 联系电话: s(r.phone), 身份证号: s(r.idNumber), 事发地址: s(r.address), 警情类别: s(r.category), 报警内容: r.narrative, 处警单位: "古塘派出所", 处警民警: "民警周", 处警结果: "现场调解", 是否非警务: "是" };
    case "12345":
      return { gdbh: r.id, slsj: r.time, ldr: r.name ?? null, lxdh: r.phone ?? null, sqlx: r.category ?? null, sqbt: null, sqnr: r.narrative, sfdz: r.address ?? null, cbdw: "古塘街道", blsx: 5 };
    case "81890":
      return { 服务单号: r.id, 求助时间: s(r.time), 求助人: s(r.name), 电话: s(r.phone), 地址: s(r.address), 求助内容: r.narrative, 服务类别: s(r.category) };
    case "zlf":
      return { xfjbh: r.id, djsj: r.time, xfrxm: r.name ?? null, zjhm: r.idNumber ?? null, lxdh: r.phone ?? null, wtsd: r.address ?? null, nrfl: r.category ?? null, xfmd: "求决", zyqq: r.narrative, xfrs: r.peopleCount ?? null };
    case "odr":
      return {
        caseNo: r.id,
        createdAt: r.time,
        applicant: { name: r.name ?? null, idCard: r.idNumber ?? null, phone: r.phone ?? null, address: r.address ?? null },
        respondent: r.company ? { companyName: r.company, creditCode: r.creditCode ?? null, phone: null } : { name: "对方某", idCard: null, phone: null },
        disputeType: r.category ?? null,
        description: r.narrative,
        amount: r.amount ?? null,
        status: "mediating",
      };
    case "ldbz":
      return { 投诉编号: r.id, 投诉日期: s(r.time), 投诉人: s(r.name), 身份证: s(r.idNumber), 电话: s(r.phone), 被投诉单位: s(r.company), 统一社会信用代码: s(r.creditCode), 单位地址: s(r.address), 涉及人数: s(r.peopleCount), "欠薪金额(元)": s(r.amount), 投诉事项: r.narrative };
    case "xf":
      return { 编号: r.id, 日期: s(r.time), 方式: s(r.category), 信访人: s(r.name), 人数: s(r.peopleCount), 住址: s(r.address), 事由: r.narrative, 诉求: "" };
    case "rmtj":
      return { ajbh: r.id, slrq: r.time, dsr: [{ xm: r.name ?? null, sfzh: r.idNumber ?? null, dh: r.phone ?? null, js: "申请人" }], jflx: r.category ?? null, jyqk: r.narrative, tjy: "调解员吴", tjjg: "调解中", xysbh: null };
  }
}

const csvCell = (v: unknown) => {
  const t = String(v ?? "");
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
export const csvLine = (values: unknown[]) => values.map(csvCell).join(",");

/** The file's text (before encoding): CSV with a header, JSON Lines, or one JSON array. */
export function channelText(channel: OutsideChannel, rows: Record<string, unknown>[]): string {
  switch (channel) {
    case "110":
    case "81890":
    case "ldbz":
    case "xf": {
      const header = Object.keys(nativeRow(channel, { id: "", time: "", narrative: "" }));
      return [csvLine(header), ...rows.map((r) => csvLine(header.map((h) => r[h])))].join("\r\n") + "\r\n";
    }
    case "zlf":
      return "[\n" + rows.map((r) => "  " + JSON.stringify(r)).join(",\n") + "\n]\n";
    default:
      return rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  }
}

/** The bytes a channel delivers: GBK for 110 and 81890, UTF-8 with BOM for ldbz, UTF-8 otherwise. */
export function encodeFor(channel: OutsideChannel, text: string): Buffer {
  if (channel === "110" || channel === "81890") return iconv.encode(text, "gbk");
  if (channel === "ldbz") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  return Buffer.from(text, "utf8");
}

export const EXTENSION: Record<OutsideChannel, string> = { "110": "csv", "12345": "jsonl", "81890": "csv", zlf: "json", odr: "jsonl", ldbz: "csv", xf: "csv", rmtj: "jsonl" };

export function channelFile(channel: OutsideChannel, reports: Report[]): Buffer {
  return encodeFor(channel, channelText(channel, reports.map((r) => nativeRow(channel, r))));
}

/** Writes `<dir>/<channel>_<suffix>.<ext>` and returns its path. */
export function writeChannelFile(dir: string, channel: OutsideChannel, reports: Report[], suffix = "202503"): string {
  const file = path.join(dir, `${channel}_${suffix}.${EXTENSION[channel]}`);
  fs.writeFileSync(file, channelFile(channel, reports));
  return file;
}

export function tempDir(prefix = "tongban-intake-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ---- numbers ------------------------------------------------------------------------------------------------------

/** A valid 18-digit ID number of someone from Cixi born on `birth` (yyyymmdd). */
export function idNumber(birth: string, seq: number): string {
  const first17 = `330282${birth}${String(seq % 1000).padStart(3, "0")}`;
  return first17 + idCheckDigit(first17);
}

/** A valid ID number whose check character is X (the first sequence number that gives one). */
export function idNumberEndingInX(birth: string): string {
  for (let seq = 0; ; seq++) {
    const id = idNumber(birth, seq);
    if (id.endsWith("X")) return id;
  }
}

/** The same number with its check digit wrong. */
export function wrongCheckDigit(id: string): string {
  const last = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + last;
}

/** A valid GB 32100 credit code. */
export function creditCode(seq: number): string {
  const body = `91330282MA${String(seq).padStart(7, "0")}`;
  return body + creditCodeCheckChar(body);
}

// ---- addresses from the registry ----------------------------------------------------------------------------------

export interface Place {
  text: string;
  /** The micro-grid the registry puts it in. */
  microGrid: string;
  grid: string;
}

interface RangeLike { from: number; to: number; microGrid?: string; grid: string; gateOf?: string }
interface PlaceLike { kind: string; name: string; buildings?: { no: number; microGrid: string }[]; houseNumbers?: { from: number; to: number; microGrid: string }[]; grid: string }

/** House numbers on unshared roads: `上傅路66号`-style, numbers inside a range that names a micro-grid. */
export function roadAddresses(): Place[] {
  const out: Place[] = [];
  for (const road of shippedRegistry().roads as unknown as { name: string; shared?: boolean; ranges: RangeLike[] }[]) {
    if (road.shared) continue;
    for (const r of road.ranges) {
      if (!r.microGrid || r.gateOf || r.to - r.from < 4) continue;
      out.push({ text: `${road.name}${r.from + 2}号`, microGrid: r.microGrid, grid: r.grid });
    }
  }
  return out;
}

/** A compound's building: `上傅家小区3幢`. */
export function compoundAddresses(): Place[] {
  const out: Place[] = [];
  for (const p of shippedRegistry().places as unknown as PlaceLike[]) {
    if (p.kind !== "compound" || !p.buildings?.length) continue;
    const b = p.buildings[Math.min(2, p.buildings.length - 1)];
    out.push({ text: `${p.name}${b.no}幢`, microGrid: b.microGrid, grid: p.grid });
  }
  return out;
}

/** A village group's house: `团圈1组23号`. */
export function villageAddresses(): Place[] {
  const out: Place[] = [];
  for (const p of shippedRegistry().places as unknown as PlaceLike[]) {
    if (p.kind !== "village-group" || !p.houseNumbers?.length) continue;
    const h = p.houseNumbers[0];
    out.push({ text: `${p.name}${h.from + 3}号`, microGrid: h.microGrid, grid: p.grid });
  }
  return out;
}

/** Every kind of address, interleaved, for bulk fixtures. */
export function allAddresses(): Place[] {
  const lists = [roadAddresses(), compoundAddresses(), villageAddresses()];
  const out: Place[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (l[i]) out.push(l[i]);
  return out;
}
