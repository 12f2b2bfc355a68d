// What intake does with input that is wrong: the bad row goes to quarantine, verbatim and with its reason, and the
// rows around it are still taken. Nothing bad is ever silently dropped or interpreted.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import { loadIntakeDeps } from "./deps.js";
import { createBatch, ingestRows, type IntakeDeps, type RowOutcome } from "./ingest.js";
import { readRows, type ReadOptions } from "./read/read-file.js";
import { channelFile, csvLine, channelText, nativeRow, roadAddresses, tempDir, type Report } from "./test-support/channel-files.js";
import { recordOf } from "./test-support/intake-db.js";

let h: TestApp;
let deps: IntakeDeps;
let dir: string;
let staff: Session;
const road = roadAddresses();
const report = (id: string, narrative = `测试事项${id}`, more: Partial<Report> = {}): Report => ({ id, time: "2025-03-05 14:05:00", name: "林八", phone: "13800001111", address: road[0].text, narrative, category: "求助", ...more });

beforeAll(async () => {
  h = await createTestApp();
  deps = await loadIntakeDeps(h.t.db, h.t.cipher);
  dir = tempDir();
  staff = await login(h.app, (await createAccount(h.t, "street_centre", "330282006")).username);
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** Ingests one file in a batch of its own; answers the outcomes and the batch's quarantined rows, decrypted. */
async function ingestFile(file: string, opts: ReadOptions = {}) {
  const batchId = await createBatch(h.t.db, { source: "file", fileName: file, actorLabel: "test:bad-input" });
  const outcomes: RowOutcome[] = [];
  const counts = await ingestRows(deps, batchId, readRows(file, opts), { onChunk: (_c, o) => outcomes.push(...o) });
  const { rows } = await h.t.db.$client.query("SELECT * FROM quarantined_rows WHERE batch_id = $1 ORDER BY id", [batchId]);
  const quarantined = rows.map((r) => ({ reason: r.reason as string, message: r.message as string, line: r.line as number | null, raw: h.t.cipher.decrypt(r.raw_enc) }));
  expect(counts.accepted + counts.redelivered + counts.corrected + counts.quarantined).toBe(counts.read);
  // Every row answered "quarantined" is in the quarantine list.
  expect(quarantined.length).toBe(counts.quarantined);
  return { batchId, counts, outcomes, quarantined };
}

describe("a malformed CSV row", () => {
  it("is quarantined verbatim and the rows after it are still accepted", async () => {
    const text = channelText("110", [report("BAD-CSV-1"), report("BAD-CSV-2"), report("BAD-CSV-3"), report("BAD-CSV-4")].map((r) => nativeRow("110", r)));
    const lines = text.split("\r\n");
    const extraColumn = `${lines[2]},多出来的一列`;
    const strayQuote = lines[3].replace("测试事项BAD-CSV-3", '"测试事项BAD-CSV-3 引号没有闭合');
    const file = write("110_bad-csv.csv", iconv.encode([lines[0], lines[1], extraColumn, strayQuote, lines[4], ""].join("\r\n"), "gbk"));
    const r = await ingestFile(file);
    expect(r.counts).toEqual({ read: 4, accepted: 2, redelivered: 0, corrected: 0, quarantined: 2 });
    expect(r.outcomes.filter((o) => o.status === "accepted").map((o) => o.externalId)).toEqual(["BAD-CSV-1", "BAD-CSV-4"]);
    expect(r.quarantined).toEqual([
      expect.objectContaining({ reason: "malformed_row", line: 3, raw: extraColumn }),
      expect.objectContaining({ reason: "malformed_row", line: 4, raw: strayQuote }),
    ]);
    expect(r.quarantined[0].message).toContain("列数不符");
  });
});

describe("a file that is not text in a known encoding", () => {
  it("answers one quarantined row for a Windows-1252 file, and nothing else", async () => {
    const file = write("110_latin.csv", iconv.encode("接警编号,报警时间\r\nJ1,Caf\u00e9 \u20ac 5\r\n".replace(/[^\x00-\xff\u20ac]/g, "?"), "win1252"));
    const r = await ingestFile(file);
    expect(r.counts).toMatchObject({ read: 1, quarantined: 1 });
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: "unreadable_encoding", message: expect.stringContaining("编码") })]);
  });

  it("answers one quarantined row for binary bytes", async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const r = await ingestFile(write("12345_dump.jsonl", bytes));
    expect(r.counts).toMatchObject({ read: 1, quarantined: 1 });
    expect(r.quarantined[0]).toMatchObject({ reason: "unsupported_file", message: expect.stringContaining("二进制") });
  });

  it("reads a UTF-16 export by its BOM instead of rejecting it", async () => {
    const text = channelText("110", [nativeRow("110", report("UTF16-1"))]);
    const r = await ingestFile(write("110_utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])));
    expect(r.counts).toMatchObject({ read: 1, accepted: 1 });
    expect((await recordOf(h.t, "110", "UTF16-1")).narrative).toBe("测试事项UTF16-1");
  });

  it("refuses a zip file as unsupported, and two of them are both listed", async () => {
    const zip = (n: number) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, n)]);
    const a = await ingestFile(write("110_202501.zip", zip(1)));
    const b = await ingestFile(write("110_202502.zip", zip(2)));
    for (const r of [a, b]) {
      expect(r.counts).toMatchObject({ read: 1, quarantined: 1 });
      expect(r.quarantined).toEqual([expect.objectContaining({ reason: "unsupported_file", message: expect.stringContaining("zip") })]);
    }
  });

  it("does not read a file over the size limit", async () => {
    const file = write("110_big.csv", channelFile("110", [report("BIG-1"), report("BIG-2")]));
    const r = await ingestFile(file, { maxFileBytes: 100 });
    expect(r.counts).toMatchObject({ read: 1, quarantined: 1, accepted: 0 });
    expect(r.quarantined[0]).toMatchObject({ reason: "file_too_large", message: expect.stringContaining("100") });
    const { rows } = await h.t.db.$client.query("SELECT count(*)::int AS n FROM records WHERE external_id LIKE 'BIG-%'");
    expect(rows[0].n).toBe(0);
  });
});

describe("a JSON array cut off midway", () => {
  it("accepts the elements before the cut and quarantines the rest as truncated_file", async () => {
    const text = channelText("zlf", ["CUT-1", "CUT-2", "CUT-3"].map((id) => nativeRow("zlf", report(id))));
    const cut = text.slice(0, text.indexOf("CUT-3") + 20);
    const r = await ingestFile(write("zlf_cut.json", cut));
    expect(r.counts).toMatchObject({ read: 3, accepted: 2, quarantined: 1 });
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: "truncated_file", raw: expect.stringContaining("CUT-3") })]);
    expect(cut).toContain(r.quarantined[0].raw);
  });
});

describe("records too large", () => {
  it("quarantines a 10 MB narrative without holding it, and reads on", async () => {
    const huge = "很长的描述".repeat(2_000_000 / 5) + "x".repeat(8_000_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const file = write("110_huge.csv", channelFile("110", [report("HUGE-1", huge), report("HUGE-2")]));
    const r = await ingestFile(file);
    expect(r.counts).toMatchObject({ read: 2, accepted: 1, quarantined: 1 });
    expect(r.quarantined[0].reason).toBe("record_too_large");
    expect(r.quarantined[0].raw.length).toBeLessThanOrEqual(200);
    expect(r.quarantined[0].raw.startsWith("HUGE-1,")).toBe(true);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it("quarantines a narrative over the record limit with its whole raw text", async () => {
    const line = JSON.stringify(nativeRow("12345", report("LONG-1", "长".repeat(30_000))));
    const r = await ingestFile(write("12345_long.jsonl", line + "\n"));
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: "record_too_large", raw: line, message: expect.stringContaining("30000") })]);
  });
});

describe("rows whose fields cannot make a record", () => {
  it("names the missing required field in Chinese", async () => {
    const file = write("110_missing.csv", channelFile("110", [report("MISS-1", ""), report("MISS-2")]));
    const r = await ingestFile(file);
    expect(r.counts).toMatchObject({ read: 2, accepted: 1, quarantined: 1 });
    expect(r.quarantined[0]).toMatchObject({ reason: "missing_required", message: "缺少必填字段：报警内容", raw: csvLine(Object.values(nativeRow("110", report("MISS-1", "")))) });
    const j = await ingestFile(write("12345_missing.jsonl", JSON.stringify(nativeRow("12345", report(""))) + "\n"));
    expect(j.quarantined[0]).toMatchObject({ reason: "missing_required", message: "缺少必填字段：gdbh（工单编号）" });
  });

  it.each([
    ["2099-01-01 10:00:00", "time_in_future"],
    ["1989-12-31 23:59:00", "time_before_1990"],
    ["上周三下午", "invalid_time"],
  ])("quarantines the time %s as %s", async (time, reason) => {
    const row = report(`T-${reason}`, "时间有问题", { time });
    const r = await ingestFile(write(`81890_time-${reason}.csv`, channelFile("81890", [row])));
    expect(r.quarantined).toEqual([expect.objectContaining({ reason, message: expect.stringContaining(time.slice(0, 4)), raw: csvLine(Object.values(nativeRow("81890", row))) })]);
  });
});

describe("markup and SQL in text fields", () => {
  const narrative = `<script>alert("x")</script>楼上漏水 <img src=x onerror=alert(1)> '; DROP TABLE records; -- 结束`;
  const name = `Robert'); DELETE FROM records;--`;

  it("accepts the record, stores the text byte for byte, flags it, and serves it as a JSON string", async () => {
    const line = JSON.stringify(nativeRow("12345", report("MARKUP-1", narrative, { name, address: `${road[1].text}<b>门口</b>` })));
    const r = await ingestFile(write("12345_markup.jsonl", line + "\n"));
    expect(r.counts).toMatchObject({ accepted: 1 });
    const rec = await recordOf(h.t, "12345", "MARKUP-1");
    expect(Buffer.from(rec.narrative).equals(Buffer.from(narrative))).toBe(true);
    expect(rec.people[0].name).toBe(name);
    expect(rec.flags).toContain("markup_in_text");
    expect(h.t.cipher.decrypt((await h.t.db.$client.query("SELECT raw_enc FROM raw_records WHERE id = $1", [rec.raw_record_id])).rows[0].raw_enc)).toBe(line);

    const res = await h.app.inject({ method: "GET", url: `/api/records/${rec.id}`, headers: staff.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.body).toContain(JSON.stringify(narrative).slice(1, -1));
    expect(res.json()).toMatchObject({ narrative, flags: expect.arrayContaining(["markup_in_text"]), people: [expect.objectContaining({ name })] });
    expect((await h.t.db.$client.query("SELECT count(*)::int AS n FROM records")).rows[0].n).toBeGreaterThan(0);
  });
});
