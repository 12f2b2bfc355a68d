import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMATS } from "../formats/index.js";
import { readFolder, readRows } from "./read-file.js";
import { collect, csvText, errors, tempDir, writeFile } from "./test-fixtures.js";
import type { ReadRow } from "./types.js";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const H110 = FORMATS["110"].headerFields!;
const row110 = (id: string, story = "报警人称邻居家装修噪音很大，影响休息。") =>
  [id, "2025/3/5 14:05", "王小明", "138-0000-1111", "", "示例小区3幢", "纠纷-邻里纠纷", story, "示例派出所", "民警甲", "已调解", "是"];

function mapped(rows: ReadRow[]) {
  return rows.map((r) => {
    if (r.channel === null || r.error || !r.fields) return r.error?.reason;
    const m = FORMATS[r.channel].map(r.fields);
    return m.ok ? m.draft : m.reason;
  });
}

describe("readRows: each channel in its own format", () => {
  it("reads 110 as GBK CSV with CRLF, quoted commas and newlines", async () => {
    const csv = csvText(H110, [row110("J1"), row110("J2", "邻居说\"再吵就动手\",\n报警人很害怕。"), row110("J1")]);
    const file = writeFile(dir, "channels/110/110_202503.csv", csv, "gb18030");
    const rows = await collect(readRows(file));
    expect(rows.map((r) => [r.channel, r.origin.line, r.origin.index, r.fields?.["接警编号"]])).toEqual([
      ["110", 2, 0, "J1"],
      ["110", 3, 1, "J2"],
      ["110", 5, 2, "J1"], // a redelivery is just another row here
    ]);
    expect(rows[1].fields?.["报警内容"]).toBe('邻居说"再吵就动手",\n报警人很害怕。');
    expect(rows[1].text).toContain(',\n报警人很害怕。"');
    expect(rows[0].origin.file).toBe(file);
  });

  it("reads 81890 as GBK CSV", async () => {
    const csv = csvText(FORMATS["81890"].headerFields!, [["S1", "2025-03-05 14:05", "李女士", "0574-60000000", "示例村5组", "楼上漏水，请帮忙协调。", "邻里协调"]]);
    const rows = await collect(readRows(writeFile(dir, "81890/81890_202503.csv", csv, "gb18030")));
    expect(mapped(rows)).toMatchObject([{ externalId: "S1", people: [{ role: "reporter", name: "李女士" }], categoryWords: ["邻里协调"] }]);
  });

  it("reads ldbz as UTF-8 CSV with a BOM", async () => {
    const csv = csvText(FORMATS.ldbz.headerFields!, [["L1", "2025-03-05", "赵一鸣", "", "13900001111", "示例制衣厂", "91330200MA2XXXXX1A", "示例路8号", "12", "36000", "拖欠三个月工资"]]);
    const rows = await collect(readRows(writeFile(dir, "channels/ldbz/ldbz_202503.csv", csv, "utf8-bom")));
    expect(rows[0].fields).toHaveProperty("投诉编号", "L1");
    expect(mapped(rows)).toMatchObject([{ amount: "36000", peopleCount: "12", categoryWords: ["欠薪"] }]);
  });

  it("reads xf as UTF-8 CSV with LF", async () => {
    const csv = csvText(FORMATS.xf.headerFields!, [["X-1", "2025年3月5日", "来访", "钱二丽", "1", "示例村5组", "邻居占用通道", "要求恢复通行"]], "\n");
    const rows = await collect(readRows(writeFile(dir, "xf/xf_202503.csv", csv)));
    expect(mapped(rows)).toMatchObject([{ narrative: "邻居占用通道\n要求恢复通行" }]);
  });

  it("reads 12345, odr and rmtj as JSON Lines", async () => {
    const f12345 = writeFile(dir, "channels/12345/12345_202503.jsonl", JSON.stringify({ gdbh: "G1", slsj: "20250305140500", sqbt: "噪音", sqnr: "夜间施工" }) + "\n");
    const fOdr = writeFile(dir, "channels/odr/odr_202503.jsonl", JSON.stringify({ caseNo: "O1", createdAt: 1741154700000, applicant: { name: "孙三强" }, respondent: { companyName: "示例公司", creditCode: "91330200MA2XXXXX1A" }, description: "拖欠货款" }) + "\r\n");
    const fRmtj = writeFile(dir, "channels/rmtj/rmtj_202503.jsonl", JSON.stringify({ ajbh: "T1", slrq: "2025-03-05", dsr: [], jflx: "邻里纠纷", jyqk: "因排水发生纠纷" }) + "\n");
    for (const [file, channel] of [[f12345, "12345"], [fOdr, "odr"], [fRmtj, "rmtj"]] as const) {
      const rows = await collect(readRows(file));
      expect(rows).toHaveLength(1);
      expect(rows[0].channel).toBe(channel);
      expect(mapped(rows)[0]).toHaveProperty("externalId");
    }
  });

  it("reads zlf as one JSON array", async () => {
    const arr = "[\n" + [{ xfjbh: "Z1", djsj: "2025-03-05 14:05:00", zyqq: "要求退款" }, { xfjbh: "Z2", djsj: "2025-03-06 09:00:00", zyqq: "要求复查" }].map((o) => JSON.stringify(o)).join(",\n") + "\n]";
    const rows = await collect(readRows(writeFile(dir, "channels/zlf/zlf_202503.json", arr)));
    expect(rows.map((r) => [r.origin.line, r.origin.index, r.fields?.xfjbh])).toEqual([
      [2, 0, "Z1"],
      [3, 1, "Z2"],
    ]);
  });

  it("reads the hub's own form as pretty-printed JSON", async () => {
    const form = { id: "W1", reportedAt: "2025-03-05 14:05", reporterName: "周五华", narrative: "来窗口反映邻里纠纷", receptionist: "窗口甲" };
    const rows = await collect(readRows(writeFile(dir, "window/window_1.json", JSON.stringify(form, null, 2)), {}));
    expect(mapped(rows)).toMatchObject([{ externalId: "W1", extra: { receptionist: "窗口甲" } }]);
  });
});

describe("readRows: telling the channel", () => {
  it("uses opts.channel over the path", async () => {
    const file = writeFile(dir, "misc/anything.csv", csvText(H110, [row110("J9")]), "gb18030");
    expect((await collect(readRows(file, { channel: "110" })))[0].channel).toBe("110");
  });

  it("falls back to the CSV header or the JSON keys", async () => {
    const csv = writeFile(dir, "inbox/export.csv", csvText(H110, [row110("J9")]), "gb18030");
    const jsonl = writeFile(dir, "inbox/push.jsonl", JSON.stringify({ ajbh: "T1", slrq: "2025-03-05", dsr: [], jflx: "x", jyqk: "y", tjy: "", tjjg: "", xysbh: "" }) + "\n");
    const arr = writeFile(dir, "inbox/petitions.json", JSON.stringify([{ xfjbh: "Z1", djsj: "d", xfrxm: "n", lxdh: "", wtsd: "", nrfl: "", zyqq: "q", xfrs: 1 }]));
    expect((await collect(readRows(csv)))[0].channel).toBe("110");
    expect((await collect(readRows(jsonl)))[0].channel).toBe("rmtj");
    expect((await collect(readRows(arr)))[0].channel).toBe("zlf");
  });

  it("gives one unknown_channel row when nothing tells", async () => {
    const rows = await collect(readRows(writeFile(dir, "inbox/other.csv", "a,b,c\n1,2,3\n")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: null, fields: null, error: { reason: "unknown_channel" } });
  });

  it("reads as GBK a GBK channel's file whose first 64 KB is all ASCII", async () => {
    const header = "jjbh,ascii_padding\n" + "J0,abc\n".repeat(12_000);
    const file = writeFile(dir, "channels/110/110_ascii.csv", Buffer.concat([Buffer.from(header), iconv.encode("J1,王小明\n", "gb18030")]));
    const rows = await collect(readRows(file));
    expect(rows.at(-1)?.fields?.ascii_padding).toBe("王小明");
  });
});

describe("readRows: files it cannot read", () => {
  it("reads a UTF-16 export rather than guessing it is something else", async () => {
    const rows = await collect(readRows(writeFile(dir, "channels/xf/xf_utf16.csv", csvText(FORMATS.xf.headerFields!, [["X-2", "2025-03-05", "来信", "钱二丽", "1", "示例村", "占道", "恢复"]]), "utf16le")));
    expect(rows).toMatchObject([{ channel: "xf", fields: { 编号: "X-2", 信访人: "钱二丽" } }]);
  });

  it("refuses a zip file by name", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    const rows = await collect(readRows(writeFile(dir, "channels/110/110_202503.zip", zip)));
    expect(rows).toMatchObject([{ channel: "110", error: { reason: "unsupported_file" } }]);
    expect(rows[0].error?.message).toContain("zip 压缩包");
  });

  it("refuses a binary file and text in an encoding it cannot tell", async () => {
    const bin = await collect(readRows(writeFile(dir, "channels/xf/xf_bin.csv", Buffer.from([0, 1, 2, 3, 0, 0, 9, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 7, 0]))));
    expect(errors(bin)).toMatchObject([{ reason: "unsupported_file" }]);
    const latin1 = await collect(readRows(writeFile(dir, "channels/xf/xf_latin1.csv", Buffer.from("Numéro,Déposé,Réclamation\n1,été,écrit\n", "latin1"))));
    expect(errors(latin1)).toMatchObject([{ reason: "unreadable_encoding" }]);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const file = writeFile(dir, "channels/110/110_big.csv", csvText(H110, [row110("J1"), row110("J2")]), "gb18030");
    const rows = await collect(readRows(file, { maxFileBytes: 100 }));
    expect(rows).toMatchObject([{ channel: "110", text: "", error: { reason: "file_too_large" } }]);
  });

  it("reports a malformed line in the middle and keeps the rows after it", async () => {
    const csv = csvText(H110, [row110("J1")]) + "J2,broken,row\r\n" + csvText(H110, [row110("J3")]).split("\r\n")[1] + "\r\n";
    const rows = await collect(readRows(writeFile(dir, "channels/110/110_bad.csv", csv, "gb18030")));
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["接警编号"])).toEqual(["J1", "malformed_row", "J3"]);
    expect(rows[1]).toMatchObject({ text: "J2,broken,row", origin: { line: 3, index: 1 } });
  });

  it("yields nothing for an empty file or a header alone", async () => {
    expect(await collect(readRows(writeFile(dir, "channels/110/110_empty.csv", "")))).toEqual([]);
    expect(await collect(readRows(writeFile(dir, "channels/110/110_header.csv", csvText(H110, []), "gb18030")))).toEqual([]);
  });
});

describe("readFolder", () => {
  it("walks a delivery folder in name order, telling each file's channel by its place", async () => {
    const root = tempDir();
    writeFile(root, "channels/110/110_202502.csv", "x");
    writeFile(root, "channels/110/110_202501.csv", "x");
    writeFile(root, "zlf/2025-01.json", "x");
    writeFile(root, "rmtj_202501.jsonl", "x");
    writeFile(root, "notes.txt", "x");
    writeFile(root, ".hidden", "x");
    const entries = await collect(readFolder(root));
    expect(entries.map((e) => [path.relative(root, e.file), e.channel])).toEqual([
      ["channels/110/110_202501.csv", "110"],
      ["channels/110/110_202502.csv", "110"],
      ["notes.txt", undefined],
      ["rmtj_202501.jsonl", "rmtj"],
      ["zlf/2025-01.json", "zlf"],
    ]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
