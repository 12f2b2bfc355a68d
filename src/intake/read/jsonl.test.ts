import { describe, expect, it } from "vitest";
import { readJsonl } from "./jsonl.js";
import { readLines } from "./lines.js";
import { collect, inPieces } from "./test-fixtures.js";

async function parse(text: string, maxChars?: number) {
  return collect(readJsonl(readLines(inPieces(Buffer.from(text), 5), "utf8", maxChars)));
}

describe("readJsonl", () => {
  it("reads one object per line, skipping blank lines, with CRLF", async () => {
    const rows = await parse('{"gdbh":"G1","ldr":"王小明"}\r\n\r\n{"gdbh":"G2"}\r\n');
    expect(rows).toEqual([
      { line: 1, index: 0, text: '{"gdbh":"G1","ldr":"王小明"}', fields: { gdbh: "G1", ldr: "王小明" } },
      { line: 3, index: 1, text: '{"gdbh":"G2"}', fields: { gdbh: "G2" } },
    ]);
  });

  it("reports a broken line or a non-object with its text and reads on", async () => {
    const rows = await parse('{"gdbh":"G1"}\n{"gdbh":"G2",\n[1,2]\n"text"\n{"gdbh":"G3"}\n');
    expect(rows.map((r) => r.error?.reason ?? r.fields?.gdbh)).toEqual(["G1", "malformed_row", "malformed_row", "malformed_row", "G3"]);
    expect(rows[1]).toMatchObject({ line: 2, text: '{"gdbh":"G2",' });
    expect(rows[2].error?.message).toContain("不是 JSON 对象");
  });

  it("reports an over-long line and reads on", async () => {
    const rows = await parse(`{"a":"${"x".repeat(2000)}"}\n{"gdbh":"G2"}\n`, 1000);
    expect(rows.map((r) => r.error?.reason ?? r.fields?.gdbh)).toEqual(["record_too_large", "G2"]);
    expect(rows[0].text).toHaveLength(200);
  });
});
