import { describe, expect, it } from "vitest";
import { readJsonArray } from "./json-array.js";
import { collect } from "./test-fixtures.js";

async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function parse(text: string, opts: { size?: number; mode?: "array" | "sequence"; max?: number } = {}) {
  return collect(readJsonArray(pieces(text, opts.size ?? 3), opts.mode, opts.max));
}

const ids = (rows: Awaited<ReturnType<typeof parse>>) => rows.map((r) => r.error?.reason ?? r.fields?.xfjbh);

describe("readJsonArray", () => {
  it("cuts a pretty-printed array into elements with their verbatim text and start line", async () => {
    const text = '[\n  {\n    "xfjbh": "Z1",\n    "zyqq": "要求{恢复}原状，\\"尽快\\"]"\n  },\n  {"xfjbh": "Z2", "dsr": [{"xm": "王小明"}]}\n]\n';
    const rows = await parse(text);
    expect(ids(rows)).toEqual(["Z1", "Z2"]);
    expect(rows[0]).toMatchObject({ line: 2, index: 0, text: '{\n    "xfjbh": "Z1",\n    "zyqq": "要求{恢复}原状，\\"尽快\\"]"\n  }' });
    expect(rows[0].fields?.zyqq).toBe('要求{恢复}原状，"尽快"]');
    expect(rows[1]).toMatchObject({ line: 6, index: 1 });
  });

  it("reads a compact one-line array in one-character chunks", async () => {
    const rows = await parse('[{"xfjbh":"Z1"},{"xfjbh":"Z2"}]', { size: 1 });
    expect(ids(rows)).toEqual(["Z1", "Z2"]);
  });

  it("keeps the elements before a cut and says where the file was cut", async () => {
    const rows = await parse('[\n{"xfjbh": "Z1"},\n{"xfjbh": "Z2"},\n{"xfjbh": "Z3", "zyqq": "邻居在通');
    expect(ids(rows)).toEqual(["Z1", "Z2", "truncated_file"]);
    expect(rows[2].error?.message).toContain("第 3 个元素");
    expect(rows[2]).toMatchObject({ line: 4, text: '{"xfjbh": "Z3", "zyqq": "邻居在通' });
  });

  it("reports an array that never closes", async () => {
    const rows = await parse('[\n{"xfjbh": "Z1"},\n');
    expect(ids(rows)).toEqual(["Z1", "truncated_file"]);
  });

  it("reports an element with a missing quote and resumes at the next line's element", async () => {
    const rows = await parse('[\n{"xfjbh": "Z1", "zyqq": "他说"还钱"},\n{"xfjbh": "Z2"},\n{"xfjbh": "Z3"}\n]');
    expect(ids(rows)).toEqual(["malformed_row", "Z2", "Z3"]);
    expect(rows[0].line).toBe(2);
  });

  it("reports mismatched brackets and invalid JSON inside balanced brackets", async () => {
    const rows = await parse('[\n{"xfjbh": "Z1", "a": [1}\n,{"xfjbh": "Z2", "b": 01},\n{"xfjbh": "Z3"}\n]');
    expect(ids(rows)).toEqual(["malformed_row", "malformed_row", "Z3"]);
  });

  it("reports elements that are not objects", async () => {
    const rows = await parse('[{"xfjbh": "Z1"}, 42, "text", null, [1], {"xfjbh": "Z2"}]');
    expect(ids(rows)).toEqual(["Z1", "malformed_row", "malformed_row", "malformed_row", "malformed_row", "Z2"]);
  });

  it("skips an over-long element and reads on", async () => {
    const rows = await parse(`[{"xfjbh": "Z1", "zyqq": "${"长".repeat(3000)}"}, {"xfjbh": "Z2"}]`, { size: 500, max: 1000 });
    expect(ids(rows)).toEqual(["record_too_large", "Z2"]);
    expect(rows[0].text).toHaveLength(200);
  });

  it("reports content after the closing bracket", async () => {
    const rows = await parse('[{"xfjbh": "Z1"}]\ngarbage');
    expect(ids(rows)).toEqual(["Z1", "malformed_row"]);
  });

  it("reads a sequence of pretty-printed objects", async () => {
    const rows = await parse('{\n  "xfjbh": "Z1"\n}\n{\n  "xfjbh": "Z2"\n}\n', { mode: "sequence" });
    expect(ids(rows)).toEqual(["Z1", "Z2"]);
  });
});
