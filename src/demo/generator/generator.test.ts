import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidIdNumber } from "../../personal-data/id-number.js";
import { CATEGORIES, type SourceChannel } from "./categories.js";
import { isValidCreditCode } from "./companies.js";
import { HEADERS } from "./formats.js";
import { generateDemo, writeDemo, type GeneratedDemo } from "./generate.js";
import { ID_FIELD } from "./redeliver.js";
import { applyRiskRule } from "./signals.js";
import { STORIES_BY_CATEGORY } from "./stories.js";

const YEAR = { from: new Date("2025-01-01T00:00:00+08:00"), to: new Date("2026-01-01T00:00:00+08:00") };

interface ParsedFile {
  channel: SourceChannel;
  path: string;
  /** Raw lines of the records (no header, no array brackets), as delivered. */
  lines: string[];
  /** Parsed records; null for a line that does not parse (a deliberately broken one). */
  records: (Record<string, unknown> | null)[];
}

function decode(channel: SourceChannel, bytes: Buffer): string {
  if (channel === "110" || channel === "81890") {
    const text = iconv.decode(bytes, "gbk");
    expect(iconv.encode(text, "gbk").equals(bytes)).toBe(true); // nothing outside GBK
    return text;
  }
  return bytes.toString("utf8");
}

function parseFile(f: { path: string; bytes: Buffer }): ParsedFile {
  const channel = f.path.split("/")[1] as SourceChannel;
  let text = decode(channel, f.bytes);
  if (channel === "ldbz") {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    text = text.slice(1);
  }
  const header = HEADERS[channel];
  if (header) {
    const eol = channel === "xf" ? "\n" : "\r\n";
    expect(text.endsWith(eol)).toBe(true);
    if (eol === "\r\n") expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const [head, ...lines] = text.slice(0, -eol.length).split(eol);
    expect(head).toBe(header.join(","));
    const records = lines.map((line) => {
      const rows = parseCsv(line, { relax_column_count: true, relax_quotes: true }) as string[][];
      if (rows.length !== 1 || rows[0].length !== header.length) return null;
      return Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    });
    return { channel, path: f.path, lines, records };
  }
  if (channel === "zlf") {
    const array = JSON.parse(text) as Record<string, unknown>[];
    const lines = text.split("\n").slice(1, -2).map((l) => l.replace(/,$/, ""));
    expect(lines).toHaveLength(array.length);
    return { channel, path: f.path, lines, records: array };
  }
  const lines = text.slice(0, -1).split("\n");
  const records = lines.map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      return null;
    }
  });
  return { channel, path: f.path, lines, records };
}

/** Every ID number and credit code a record carries, with where it came from. */
function numbersOf(channel: SourceChannel, r: Record<string, unknown>): { ids: string[]; codes: string[] } {
  const ids: unknown[] = [];
  const codes: unknown[] = [];
  const o = (v: unknown) => (v ?? {}) as Record<string, unknown>;
  if (channel === "110") ids.push(r["身份证号"]);
  if (channel === "zlf") ids.push(r.zjhm);
  if (channel === "ldbz") ids.push(r["身份证"]), codes.push(r["统一社会信用代码"]);
  if (channel === "odr") ids.push(o(r.applicant).idCard, o(r.respondent).idCard), codes.push(o(r.respondent).creditCode);
  // An organisation party carries its credit code in sfzh: 91/92 companies, 54/55 committees, 11 government.
  if (channel === "rmtj") for (const p of r.dsr as Record<string, unknown>[]) (/^(91|92|54|55|11)/.test(String(p.sfzh)) ? codes : ids).push(p.sfzh);
  const present = (xs: unknown[]) => xs.filter((x): x is string => typeof x === "string" && x !== "");
  return { ids: present(ids), codes: present(codes) };
}

describe("generateDemo", () => {
  let demo: GeneratedDemo;
  let parsed: ParsedFile[];

  beforeAll(() => {
    demo = generateDemo({ seed: 11, disputes: 1200, ...YEAR });
    parsed = demo.files.map(parseFile);
  });

  it("gives the same bytes for the same seed, and other bytes for another", () => {
    const a = generateDemo({ seed: 5, disputes: 120, ...YEAR });
    const b = generateDemo({ seed: 5, disputes: 120, ...YEAR });
    const c = generateDemo({ seed: 6, disputes: 120, ...YEAR });
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    a.files.forEach((f, i) => expect(f.bytes.equals(b.files[i].bytes)).toBe(true));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(Buffer.concat(c.files.map((f) => f.bytes)).equals(Buffer.concat(a.files.map((f) => f.bytes)))).toBe(false);
  });

  it("writes one file per channel and month, named as the channels name them", () => {
    for (const f of demo.files) expect(f.path).toMatch(/^channels\/(110|12345|81890|zlf|odr|ldbz|xf|rmtj)\/\1_2025(0[1-9]|1[0-2])\.(csv|jsonl|json)$/);
    expect(new Set(demo.files.map((f) => f.path.split("/")[1])).size).toBe(8);
  });

  it("parses every file in its format; only the deliberately broken rows do not", () => {
    const truthById = new Map(demo.truth.records.map((r) => [`${r.channel}|${r.externalId}`, r]));
    let rows = 0;
    for (const f of parsed) {
      f.records.forEach((r, i) => {
        rows++;
        if (r === null) {
          const id = f.lines[i].match(/^"?([A-Z]+\d+)|"(?:gdbh|caseNo|ajbh)":"([^"]+)"/);
          const t = truthById.get(`${f.channel}|${id?.[1] ?? id?.[2]}`);
          expect(t?.defect, `${f.path}: ${f.lines[i].slice(0, 80)}`).toBe("malformed_row");
        } else {
          expect(String(r[ID_FIELD[f.channel]] ?? "")).not.toBe("");
        }
      });
    }
    expect(rows).toBe(demo.truth.records.length);
  });

  it("fills every story slot", () => {
    for (const f of parsed) for (const l of f.lines) expect(l).not.toMatch(/\{[^"{}]*[\u4e00-\u9fff][^"{}]*\}/);
  });

  it("gives valid ID numbers and credit codes, except masked, old-form and deliberately mistyped ones", () => {
    const typo = new Set(demo.truth.records.filter((r) => r.noise.includes("id_typo")).map((r) => `${r.channel}|${r.externalId}`));
    let ids = 0;
    let codes = 0;
    for (const f of parsed) {
      for (const r of f.records) {
        if (!r) continue;
        const n = numbersOf(f.channel, r);
        for (const id of n.ids) {
          ids++;
          if (id.includes("*") || /^\d{15}$/.test(id) || typo.has(`${f.channel}|${r[ID_FIELD[f.channel]]}`)) continue;
          expect(isValidIdNumber(id.toUpperCase()), id).toBe(true);
        }
        for (const c of n.codes) {
          codes++;
          expect(isValidCreditCode(c), c).toBe(true);
        }
      }
    }
    expect(ids).toBeGreaterThan(500);
    expect(codes).toBeGreaterThan(100);
    for (const d of demo.truth.disputes) {
      for (const p of d.parties) {
        if (p.kind === "person") expect(isValidIdNumber(p.idNumber!)).toBe(true);
        else expect(isValidCreditCode(p.creditCode!)).toBe(true);
      }
    }
  });

  it("re-sends redeliveries byte for byte, and corrections with one field changed", () => {
    const linesById = new Map<string, string[]>();
    for (const f of parsed) {
      f.records.forEach((r, i) => {
        if (!r) return;
        const key = `${f.channel}|${r[ID_FIELD[f.channel]]}`;
        linesById.set(key, [...(linesById.get(key) ?? []), f.lines[i]]);
      });
    }
    const redeliveries = demo.truth.records.filter((r) => r.isRedelivery);
    const corrections = demo.truth.records.filter((r) => r.isCorrection);
    expect(redeliveries.length / demo.truth.records.length).toBeGreaterThan(0.015);
    expect(corrections.length).toBeGreaterThan(5);
    for (const r of redeliveries) {
      const lines = linesById.get(`${r.channel}|${r.externalId}`)!;
      expect(lines.length).toBe(2);
      expect(lines[0]).toBe(lines[1]);
    }
    for (const r of corrections) {
      const lines = linesById.get(`${r.channel}|${r.externalId}`)!;
      expect(lines.length).toBe(2);
      expect(lines[0]).not.toBe(lines[1]);
    }
  });

  it("covers all 15 categories, each with at least 8 story templates", () => {
    const counts = new Map<string, number>();
    for (const d of demo.truth.disputes) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
    for (const c of CATEGORIES) {
      expect(counts.get(c) ?? 0, c).toBeGreaterThanOrEqual(10);
      expect(STORIES_BY_CATEGORY[c].length).toBeGreaterThanOrEqual(8);
    }
  });

  it("lands the risk mix near red 8%, yellow 22%, green 70%", () => {
    const share = (level: string) => (100 * demo.truth.disputes.filter((d) => d.riskLevel === level).length) / demo.truth.disputes.length;
    expect(Math.abs(share("red") - 8)).toBeLessThanOrEqual(5);
    expect(Math.abs(share("yellow") - 22)).toBeLessThanOrEqual(5);
    expect(Math.abs(share("green") - 70)).toBeLessThanOrEqual(5);
  });

  it("keeps the truth consistent: report counts, risk at the last report, times inside the span", () => {
    const byDispute = new Map<string, typeof demo.truth.records>();
    for (const r of demo.truth.records) byDispute.set(r.disputeId, [...(byDispute.get(r.disputeId) ?? []), r]);
    for (const d of demo.truth.disputes) {
      const reports = (byDispute.get(d.disputeId) ?? []).filter((r) => !r.isRedelivery && !r.isCorrection && !r.defect);
      expect(reports.length).toBe(d.reportCount);
      expect(d.reportCount).toBeGreaterThanOrEqual(1);
      expect(d.reportCount).toBeLessThanOrEqual(5);
      expect(reports[reports.length - 1].riskAtReport).toBe(d.riskLevel);
      for (const r of reports) {
        const t = Date.parse(r.reportedAt);
        expect(t).toBeGreaterThanOrEqual(YEAR.from.getTime());
        expect(t).toBeLessThan(YEAR.to.getTime());
      }
      if (d.hardNegativeOf) expect(d.hardNegativeOf < d.disputeId).toBe(true);
    }
    expect(demo.truth.disputes.filter((d) => d.hardNegativeOf).length).toBeGreaterThan(40);
    expect(demo.truth.disputes.filter((d) => d.recurrence).length).toBeGreaterThan(30);
  });
});

describe("applyRiskRule", () => {
  const day = (d: number, ...signals: string[]) => ({ day: d, signals: signals as never[] });
  const none = { amount: null, vulnerable: false };

  it("is red for a hard signal, or 3 reports in 30 days with a later escalation", () => {
    expect(applyRiskRule([day(1, "weapon")], none).level).toBe("red");
    expect(applyRiskRule([day(1), day(5), day(20, "insult")], none).level).toBe("red");
    expect(applyRiskRule([day(1, "insult"), day(5), day(20)], none).level).toBe("yellow");
  });

  it("is yellow for repeats, emotion over two days, money or a vulnerable party; green otherwise", () => {
    expect(applyRiskRule([day(1), day(5), day(20)], none).reasons).toEqual(["repeat"]);
    expect(applyRiskRule([day(1, "emotion"), day(1)], none).level).toBe("green");
    expect(applyRiskRule([day(1, "emotion"), day(2)], none).level).toBe("yellow");
    expect(applyRiskRule([day(1)], { amount: 100_000, vulnerable: false }).level).toBe("yellow");
    expect(applyRiskRule([day(1)], { amount: null, vulnerable: true }).level).toBe("yellow");
    expect(applyRiskRule([day(1), day(40), day(80)], none).level).toBe("green");
  });
});

describe("writeDemo", () => {
  it("streams to disk exactly what generateDemo returns", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-gen-"));
    try {
      const summary = writeDemo(dir, { seed: 3, disputes: 200, ...YEAR });
      const memory = generateDemo({ seed: 3, disputes: 200, ...YEAR });
      expect(summary.files).toBe(memory.files.length);
      for (const f of memory.files) expect(fs.readFileSync(path.join(dir, f.path)).equals(f.bytes), f.path).toBe(true);
      const records = fs.readFileSync(path.join(dir, "truth", "records.jsonl"), "utf8").trim().split("\n");
      expect(records.map((l) => JSON.parse(l))).toEqual(memory.truth.records);
      expect(fs.readFileSync(path.join(dir, "truth", "disputes.jsonl"), "utf8").trim().split("\n")).toHaveLength(200);
      expect(fs.existsSync(path.join(dir, ".generator-tmp"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
