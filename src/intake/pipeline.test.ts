// The intake pipeline end to end on a real database: a native file per outside channel in, standard records out.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idCheckDigit } from "../personal-data/id-number.js";
import { createBatch, ingestChunk } from "./ingest.js";
import { ingestPaths, type RunSummary } from "./run-files.js";
import {
  channelFile,
  compoundAddresses,
  creditCode,
  EXTENSION,
  idNumber,
  idNumberEndingInX,
  nativeRow,
  OUTSIDE_CHANNELS,
  roadAddresses,
  tempDir,
  villageAddresses,
  writeChannelFile,
  wrongCheckDigit,
  type OutsideChannel,
  type Report,
} from "./test-support/channel-files.js";
import { intakeState, recordOf, seededIntakeDb, tableCounts, type IntakeDb } from "./test-support/intake-db.js";

const road = roadAddresses();
const compound = compoundAddresses();
const village = villageAddresses();
const AT_1405 = "2025-03-05T06:05:00.000Z";
const DAY_START = "2025-03-04T16:00:00.000Z";
const X_ID = idNumberEndingInX("19900101");
const BAD_ID = wrongCheckDigit(idNumber("19750101", 5));
const GOOD_CREDIT = creditCode(1);

/** The first report of each channel is the messy one checked field by field; the others are plain. */
const RICH: Record<OutsideChannel, Report> = {
  "110": { id: "J2025030500001", time: "2025/3/5 14:05", name: " 王 小明", phone: "138-1234-5678", idNumber: "330282********1234", address: road[0].text, narrative: "樓上鄰居裝修噪音擾民，多次溝通無果", category: "纠纷-邻里纠纷" },
  "12345": { id: "G2025030500001", time: "20250305140500", name: "李女士", phone: "+86 138 1234 5679", address: compound[0].text, narrative: "小区楼道堆放杂物，影响通行", category: "投诉" },
  "81890": { id: "S2025030500001", time: "2025年3月5日14时05分", name: "赵一鸣", phone: "１３９１２３４５６７８", address: village[0].text, narrative: "楼上漏水到我家厨房", category: "邻里协调" },
  zlf: { id: "ZLF2025030500001", time: "2025-03-05 14:05:00", name: "钱二丽", idNumber: "330282850312123", phone: "13712345678", address: `浙江省宁波市慈溪市古塘街道${compound[1].text}2单元501室`, narrative: "要求拆除违章搭建", category: "城乡建设-房屋管理", peopleCount: 12 },
  odr: { id: "ODR2025030500001", time: Date.parse(AT_1405), name: "孙三强", idNumber: X_ID.toLowerCase(), phone: "0574-63123456", address: road[1].text, narrative: "装修款纠纷", category: "consumer", amount: 36000, company: "慈溪市某某制衣有限公司", creditCode: wrongCheckDigit(GOOD_CREDIT) },
  ldbz: { id: "LD2025030500001", time: "2025-03-05", name: "周五", idNumber: idNumber("19800520", 7), phone: "13612345678", address: road[2].text, narrative: "拖欠工人工资", amount: "58000", peopleCount: "12", company: "慈溪市某某五金厂", creditCode: GOOD_CREDIT },
  xf: { id: "XF2025030500001", time: "2025-03-05T14:05:00+08:00", name: "吴六", address: village[1].text, narrative: "反映村道路灯损坏", category: "来访", peopleCount: "5" },
  rmtj: { id: "RM2025030500001", time: "2025-03-05", name: "郑七", idNumber: BAD_ID, phone: "15912345678", narrative: "宅基地边界纠纷", category: "邻里纠纷" },
};

function plain(channel: OutsideChannel, n: number): Report {
  return { id: `${channel.toUpperCase()}-P${n}`, time: "2025-02-10 09:30:00", name: `陈${n}`, phone: `1380000${String(n).padStart(4, "0")}`, address: road[10 + n].text, narrative: `普通求助事项${n}`, category: "求助" };
}

const reportsOf = (channel: OutsideChannel) => [RICH[channel], plain(channel, 1), plain(channel, 2)];
const ROWS = OUTSIDE_CHANNELS.length * 3;

function expectAddsUp(s: RunSummary, rows: number) {
  const t = s.total;
  expect(t.read).toBe(rows);
  expect(t.accepted + t.redelivered + t.corrected + t.quarantined).toBe(rows);
}

let h: IntakeDb;
let dir: string;
let scratch: string;
/** A folder of its own for one delivery, removed with the rest after the file. */
const another = () => fs.mkdtempSync(path.join(scratch, "delivery-"));
let first: RunSummary;
let stateAfterFirst: Awaited<ReturnType<typeof intakeState>>;
const run = (paths: string[]) => ingestPaths(h.deps, paths, { actorLabel: "test:pipeline" });

beforeAll(async () => {
  h = await seededIntakeDb();
  dir = tempDir();
  scratch = tempDir();
  for (const ch of OUTSIDE_CHANNELS) writeChannelFile(dir, ch, reportsOf(ch));
  first = await run([dir]);
  stateAfterFirst = await intakeState(h.t);
});
afterAll(async () => {
  await h.t.close();
  for (const d of [dir, scratch]) fs.rmSync(d, { recursive: true, force: true });
});

describe("a native file from every outside channel", () => {
  it("accepts every valid row, per channel, and the summary adds up", () => {
    expectAddsUp(first, ROWS);
    expect(first.total).toMatchObject({ accepted: ROWS, quarantined: 0 });
    for (const ch of OUTSIDE_CHANNELS) expect(first.byChannel.get(ch), ch).toMatchObject({ read: 3, accepted: 3 });
  });

  it.each(OUTSIDE_CHANNELS)("%s: the report time is Beijing time", async (ch) => {
    const r = await recordOf(h.t, ch, RICH[ch].id);
    const dateOnly = ["ldbz", "rmtj"].includes(ch);
    expect(r.reported_at.toISOString()).toBe(dateOnly ? DAY_START : AT_1405);
  });

  it.each([
    ["110", "13812345678", "mobile"],
    ["12345", "13812345679", "mobile"],
    ["81890", "13912345678", "mobile"],
    ["zlf", "13712345678", "mobile"],
    ["odr", "0574-63123456", "landline"],
    ["ldbz", "13612345678", "mobile"],
    ["rmtj", "15912345678", "mobile"],
  ] as const)("%s: the phone is normalised to %s", async (ch, phone, status) => {
    const [p] = (await recordOf(h.t, ch, RICH[ch].id)).people;
    expect(p.phone_status).toBe(status);
    expect(h.t.cipher.decrypt(p.phone_enc)).toBe(phone);
    expect(p.phone_hash).toBe(h.t.cipher.hash(phone));
  });

  it("upgrades a 15-digit ID number and upper-cases a lowercase x", async () => {
    const zlf = (await recordOf(h.t, "zlf", RICH.zlf.id)).people[0];
    const upgraded = `33028219850312123${idCheckDigit("33028219850312123")}`;
    expect(zlf).toMatchObject({ id_status: "full", id_number_hash: h.t.cipher.hash(upgraded) });
    expect(h.t.cipher.decrypt(zlf.id_number_enc)).toBe(upgraded);
    const odr = (await recordOf(h.t, "odr", RICH.odr.id)).people[0];
    expect(odr.id_status).toBe("full");
    expect(h.t.cipher.decrypt(odr.id_number_enc)).toBe(X_ID);
    const ldbz = (await recordOf(h.t, "ldbz", RICH.ldbz.id)).people[0];
    expect(h.t.cipher.decrypt(ldbz.id_number_enc)).toBe(RICH.ldbz.idNumber);
  });

  it("keeps a masked ID number as a partial key, not an error", async () => {
    const r = await recordOf(h.t, "110", RICH["110"].id);
    expect(r.people[0]).toMatchObject({ id_status: "masked", id_number_masked: "330282********1234", id_number_hash: null });
    expect(r.people[0].id_partial_hash).toBeTruthy();
    expect(r.flags).not.toContain("invalid_id_number");
  });

  it("keeps an invalid ID number encrypted as given, and flags the record", async () => {
    const r = await recordOf(h.t, "rmtj", RICH.rmtj.id);
    expect(r.people[0]).toMatchObject({ id_status: "invalid", id_number_hash: null, id_partial_hash: null });
    expect(h.t.cipher.decrypt(r.people[0].id_number_enc)).toBe(BAD_ID);
    expect(r.flags).toContain("invalid_id_number");
  });

  it("checks credit codes: a valid one kept, a wrong check character flagged", async () => {
    const ldbz = await recordOf(h.t, "ldbz", RICH.ldbz.id);
    expect(ldbz.people[1]).toMatchObject({ role: "respondent", is_organisation: true, company_name: "慈溪市某某五金厂", credit_code: GOOD_CREDIT, credit_code_valid: true });
    expect(ldbz.flags).not.toContain("invalid_credit_code");
    const odr = await recordOf(h.t, "odr", RICH.odr.id);
    expect(odr.people[1]).toMatchObject({ credit_code: wrongCheckDigit(GOOD_CREDIT), credit_code_valid: false });
    expect(odr.flags).toContain("invalid_credit_code");
  });

  it.each([
    ["110", road[0]],
    ["12345", compound[0]],
    ["81890", village[0]],
    ["zlf", compound[1]],
    ["odr", road[1]],
    ["ldbz", road[2]],
    ["xf", village[1]],
  ] as const)("%s: the address lies on the registry's micro-grid", async (ch, place) => {
    const r = await recordOf(h.t, ch, RICH[ch].id);
    expect(r).toMatchObject({ address_status: "resolved", region_code: place.microGrid });
    expect(r.region_code.startsWith(place.grid)).toBe(true);
  });

  it("leaves a record without a place unplaced and says so", async () => {
    const r = await recordOf(h.t, "rmtj", RICH.rmtj.id);
    expect(r).toMatchObject({ address_status: "unresolved", region_node_id: null });
    expect(r.flags).toContain("address_unresolved");
  });

  it("matches Traditional characters in the key and keeps the narrative as written", async () => {
    const r = await recordOf(h.t, "110", RICH["110"].id);
    expect(r.narrative).toBe("樓上鄰居裝修噪音擾民，多次溝通無果");
    expect(r.narrative_key).toBe("楼上邻居装修噪音扰民，多次沟通无果");
    expect(r.people[0].name).toBe("王小明");
  });

  it.each([
    ["110", ["纠纷-邻里纠纷"], null, null],
    ["12345", ["投诉"], null, null],
    ["81890", ["邻里协调"], null, null],
    ["zlf", ["城乡建设-房屋管理", "求决"], null, 12],
    ["odr", ["consumer"], 36000, null],
    ["ldbz", ["欠薪"], 58000, 12],
    ["xf", ["来访"], null, 5],
    ["rmtj", ["邻里纠纷"], null, null],
  ] as const)("%s: category words %j, amount %s, people %s", async (ch, words, amount, people) => {
    const r = await recordOf(h.t, ch, RICH[ch].id);
    expect(r.category_words).toEqual(words);
    expect(r.amount === null ? null : Number(r.amount)).toBe(amount);
    expect(r.people_count).toBe(people);
  });
});

describe("the same record again", () => {
  it("is a redelivery when the content is the same: no new record", async () => {
    const before = await tableCounts(h.t);
    const again = another();
    const file = path.join(again, "110_202504.csv");
    fs.writeFileSync(file, channelFile("110", [RICH["110"]]));
    const s = await run([file]);
    expect(s.total).toMatchObject({ read: 1, redelivered: 1 });
    expect(await tableCounts(h.t)).toEqual(before);
  });

  it("is a correction when a field changed: version 2 current, version 1 kept", async () => {
    const again = another();
    const s = await run([writeChannelFile(again, "12345", [{ ...RICH["12345"], narrative: "小区楼道堆放杂物，已阻塞消防通道" }], "202504")]);
    expect(s.total).toMatchObject({ read: 1, corrected: 1 });
    const v1 = await recordOf(h.t, "12345", RICH["12345"].id, 1);
    const v2 = await recordOf(h.t, "12345", RICH["12345"].id, 2);
    expect(v1).toMatchObject({ is_current: false, narrative: RICH["12345"].narrative });
    expect(v2).toMatchObject({ is_current: true, narrative: "小区楼道堆放杂物，已阻塞消防通道" });
    expect(v2.raw_record_id).not.toBe(v1.raw_record_id);
    const { rows } = await h.t.db.$client.query("SELECT version FROM raw_records WHERE channel = '12345' AND external_id = $1 ORDER BY version", [RICH["12345"].id]);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it("is a redelivery when only the serialisation differs (quoting, \\u escapes, key order, pushed)", async () => {
    const before = await tableCounts(h.t);
    const again = another();
    const escaped = (s: string) => s.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const reordered = Object.fromEntries(Object.entries(nativeRow("odr", RICH.odr)).reverse());
    fs.writeFileSync(path.join(again, "odr_202504.jsonl"), escaped(JSON.stringify(reordered, null, 1).replace(/\n/g, "")) + "\n");
    const quoted = Object.values(nativeRow("81890", RICH["81890"])).map((v) => `"${String(v)}"`);
    fs.writeFileSync(path.join(again, "81890_202504.csv"), iconv.encode(`${Object.keys(nativeRow("81890", RICH["81890"])).join(",")}\r\n${quoted.join(",")}\r\n`, "gbk"));
    const s = await run([again]);
    expect(s.total).toMatchObject({ read: 2, redelivered: 2 });
    // As the push route hands it on: the parsed fields, serialised by JSON.stringify.
    const fields = nativeRow("zlf", RICH.zlf);
    const batchId = await createBatch(h.t.db, { source: "api", channel: "zlf", actorLabel: "test:push" });
    const [pushed] = await ingestChunk(h.deps, batchId, [{ channel: "zlf", origin: { index: 0 }, text: JSON.stringify(fields), fields }]);
    expect(pushed.status).toBe("redelivered");
    expect(await tableCounts(h.t)).toEqual(before);
  });

  it("ingesting the same files twice leaves the database as it was", async () => {
    const counts = await tableCounts(h.t);
    const state = await intakeState(h.t);
    const s = await run([dir]);
    expectAddsUp(s, ROWS);
    expect(s.total).toMatchObject({ redelivered: ROWS, accepted: 0, corrected: 0 });
    expect(await tableCounts(h.t)).toEqual(counts);
    expect(await intakeState(h.t)).toEqual(state);
  });

  it("the same records in another order end in the same state", async () => {
    const other = await seededIntakeDb();
    const shuffled = another();
    try {
      // Reversed rows, and the files given in reverse channel order.
      const files = [...OUTSIDE_CHANNELS].reverse().map((ch) => {
        const file = path.join(shuffled, `${ch}_202503.${EXTENSION[ch]}`);
        fs.writeFileSync(file, channelFile(ch, reportsOf(ch).reverse()));
        return file;
      });
      const s = await ingestPaths(other.deps, files, { actorLabel: "test:shuffled" });
      expectAddsUp(s, ROWS);
      expect(await intakeState(other.t)).toEqual(stateAfterFirst);
    } finally {
      await other.t.close();
    }
  });
});
