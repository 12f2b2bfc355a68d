import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createDecoder, LineSplitter, readLines } from "./lines.js";
import { collect, inPieces } from "./test-fixtures.js";
import type { LineRecord } from "./types.js";

const text = "编号,姓名\r\nA1,王小明\r\n\r\nA2,李大伟\nA3,赵一鸣";

describe("readLines", () => {
  it("splits CRLF and LF lines, keeps blank ones, numbers them, and notes each terminator", async () => {
    const lines = await collect(readLines(inPieces(Buffer.from(text), 1 << 20), "utf8"));
    expect(lines).toEqual([
      { text: "编号,姓名", line: 1, eol: "\r\n" },
      { text: "A1,王小明", line: 2, eol: "\r\n" },
      { text: "", line: 3, eol: "\r\n" },
      { text: "A2,李大伟", line: 4, eol: "\n" },
      { text: "A3,赵一鸣", line: 5, eol: "" },
    ]);
  });

  it.each([
    ["utf8", Buffer.from(text)],
    ["utf8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["gb18030", iconv.encode(text, "gb18030")],
    ["utf16le", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")])],
    ["utf16be", iconv.encode(text, "utf-16be")],
  ] as const)("decodes %s with characters split across one-byte chunks, BOM stripped", async (enc, bytes) => {
    const lines = await collect(readLines(inPieces(bytes, 1), enc));
    expect(lines.map((l) => l.text)).toEqual(["编号,姓名", "A1,王小明", "", "A2,李大伟", "A3,赵一鸣"]);
  });

  it("reports an over-long line once, by its first 200 characters, and reads on", async () => {
    const long = "长".repeat(5000);
    const bytes = Buffer.from(`first\n${long}\nlast\n`);
    const lines = await collect(readLines(inPieces(bytes, 1000), "utf8", 1000));
    expect(lines).toEqual([
      { text: "first", line: 1, eol: "\n" },
      { text: "长".repeat(200), line: 2, eol: "\n", tooLarge: true },
      { text: "last", line: 3, eol: "\n" },
    ]);
  });

  it("reports an over-long last line without a newline", async () => {
    const lines = await collect(readLines(inPieces(Buffer.from("ok\n" + "x".repeat(3000)), 512), "utf8", 1000));
    expect(lines.map((l) => [l.line, l.tooLarge ?? false, l.text.length])).toEqual([
      [1, false, 2],
      [2, true, 200],
    ]);
  });
});

describe("LineSplitter", () => {
  it("catches an over-long line that arrives within one chunk", () => {
    const out: LineRecord[] = [];
    const s = new LineSplitter(10);
    s.push("short\n" + "y".repeat(50) + "\nok\n", out);
    s.end(out);
    expect(out.map((l) => [l.text.length, l.tooLarge ?? false])).toEqual([
      [5, false],
      [50, true],
      [2, false],
    ]);
  });
});

describe("createDecoder", () => {
  // Traditional characters sit in GBK's extension rows; 𠀀 and € need GB18030's four-byte and single-byte forms.
  const sample = "楊鄰佔，古塘街道邻里纠纷 𠀀 € abc\r\n";
  it.each([
    ["gb18030", iconv.encode(sample, "gb18030")],
    ["utf16le", iconv.encode(sample, "utf-16le")],
    ["utf16be", iconv.encode(sample, "utf-16be")],
    ["utf8", Buffer.from(sample)],
  ] as const)("decodes %s the same natively and with iconv-lite, a byte at a time", (enc, bytes) => {
    for (const native of [true, false]) {
      const d = createDecoder(enc, native);
      let s = "";
      for (let i = 0; i < bytes.length; i++) s += d.write(bytes.subarray(i, i + 1));
      s += d.end();
      expect(s).toBe(sample);
    }
  });
});
