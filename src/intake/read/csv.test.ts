import { describe, expect, it } from "vitest";
import { CsvReader, MAX_QUOTED_LINES, readCsv, splitCsvRecord } from "./csv.js";
import { readLines } from "./lines.js";
import { collect, csvText, inPieces } from "./test-fixtures.js";
import type { ReadRecord } from "./types.js";

async function parse(text: string, maxChars?: number): Promise<ReadRecord[]> {
  return collect(readCsv(readLines(inPieces(Buffer.from(text), 7), "utf8"), maxChars));
}

const HEADER = ["编号", "日期", "信访人", "事由"];

describe("splitCsvRecord", () => {
  it("splits plain and quoted fields", () => {
    expect(splitCsvRecord("a,b,,c")).toEqual(["a", "b", "", "c"]);
    expect(splitCsvRecord('a,"b,c","say ""hi""",')).toEqual(["a", "b,c", 'say "hi"', ""]);
    expect(splitCsvRecord('"x\r\ny",z')).toEqual(["x\r\ny", "z"]);
  });

  it("takes a quote inside an unquoted field literally", () => {
    expect(splitCsvRecord('a,他说"还钱",c')).toEqual(["a", '他说"还钱"', "c"]);
  });

  it("refuses an unterminated quote and text after a closing quote", () => {
    expect(splitCsvRecord('a,"bc')).toBeNull();
    expect(splitCsvRecord('a,"b"c,d')).toBeNull();
  });
});

describe("readCsv", () => {
  it("maps rows by header, strips the BOM and trims header names, keeps values as given", async () => {
    const rows = await parse("\uFEFF 编号 ,日期, 信访人,事由\r\nX1,2025-03-05, 王小明 ,邻居占道\r\n");
    expect(rows).toEqual([
      { line: 2, index: 0, text: "X1,2025-03-05, 王小明 ,邻居占道", fields: { 编号: "X1", 日期: "2025-03-05", 信访人: " 王小明 ", 事由: "邻居占道" } },
    ]);
  });

  it("keeps a quoted field's commas, quotes and newlines; the raw text spans the physical lines", async () => {
    const story = '反映：邻居"占道",\r\n多次协商未果';
    const rows = await parse(csvText(HEADER, [["X1", "2025-03-05", "王小明", story], ["X2", "2025-03-06", "李大伟", "无"]]));
    expect(rows[0].fields).toMatchObject({ 事由: story });
    expect(rows[0].text).toBe('X1,2025-03-05,王小明,"反映：邻居""占道"",\r\n多次协商未果"');
    expect(rows[0].line).toBe(2);
    expect(rows[1]).toMatchObject({ line: 4, index: 1, fields: { 编号: "X2" } });
  });

  it("skips blank lines outside quotes, keeps a redelivered duplicate as its own row", async () => {
    const rows = await parse("编号,事由\n\nX1,a\n  \nX1,a\n");
    expect(rows.map((r) => [r.line, r.text])).toEqual([
      [3, "X1,a"],
      [5, "X1,a"],
    ]);
  });

  it("reports a row with the wrong number of columns and reads the rows after it", async () => {
    const rows = await parse("编号,事由\nX1,a\nX2,b,extra\nX3,c\n");
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["X1", "malformed_row", "X3"]);
    expect(rows[1]).toMatchObject({ line: 3, text: "X2,b,extra" });
    expect(rows[1].error?.message).toContain("应为 2 列，实际 3 列");
  });

  it("reports a stray opening quote by its own line only and reads on from the next line", async () => {
    const rows = await parse('编号,事由\nX1,a\nX2,"broken\nX3,c\nX4,d\n');
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["X1", "malformed_row", "X3", "X4"]);
    expect(rows[1]).toMatchObject({ line: 3, text: 'X2,"broken' });
  });

  it("does not let an unterminated quote run past its cap", async () => {
    const body = Array.from({ length: MAX_QUOTED_LINES + 50 }, (_, i) => `X${i},ok`).join("\n");
    const rows = await parse(`编号,事由\nBAD,"never closed\n${body}\n`);
    expect(rows[0]).toMatchObject({ line: 2, error: { reason: "malformed_row" } });
    expect(rows.slice(1).every((r) => !r.error)).toBe(true);
    expect(rows).toHaveLength(MAX_QUOTED_LINES + 51);
  });

  it("takes a quote closed on a later line as one field when the record comes out whole", async () => {
    const rows = await parse('编号,事由\nX1,"a\nX2,b"\nX3,c\n');
    expect(rows.map((r) => r.fields?.["事由"])).toEqual(["a\nX2,b", "c"]);
  });

  it("recovers when a stray quote is closed by another row's stray quote", async () => {
    const rows = await parse('编号,事由\nX1,"a\nX2,"b\nX3,c\n');
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["malformed_row", "malformed_row", "X3"]);
  });

  it("reports text after a closing quote", async () => {
    const rows = await parse('编号,事由\nX1,"a"b\nX2,c\n');
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["malformed_row", "X2"]);
  });

  it("reports an over-long line as record_too_large", async () => {
    const rows = await collect(readCsv(readLines(inPieces(Buffer.from(`编号,事由\nX1,${"长".repeat(3000)}\nX2,c\n`), 100), "utf8", 1000), 1000));
    expect(rows.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["record_too_large", "X2"]);
  });

  it("reports a quote still open at the end of the file", () => {
    const reader = new CsvReader(1 << 20);
    const out: ReadRecord[] = [];
    reader.push({ text: "编号,事由", line: 1, eol: "\n" }, out);
    reader.push({ text: 'X1,"open', line: 2, eol: "\n" }, out);
    reader.push({ text: "X2,b", line: 3, eol: "" }, out);
    reader.end(out);
    expect(out.map((r) => r.error?.reason ?? r.fields?.["编号"])).toEqual(["malformed_row", "X2"]);
  });
});
