import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../formats/index.js";
import { readBuffer } from "./read-buffer.js";
import { readRows } from "./read-file.js";
import { collect, csvText, tempDir, writeFile } from "./test-fixtures.js";

const csv = csvText(FORMATS["81890"].headerFields!, [
  ["S1", "2025-03-05 14:05", "李女士", "13900001111", "示例村5组", "楼上漏水，请帮忙协调。", "邻里协调"],
  ["S2", "2025-03-06 09:00", "王先生", "13900002222", "示例小区", "邻居\"养狗\"扰民,\n夜间吠叫。", "便民求助"],
]);

describe("readBuffer", () => {
  it("yields the same rows as readRows for the same bytes", async () => {
    const bytes = iconv.encode(csv, "gb18030");
    const dir = tempDir();
    const fromFile = await collect(readRows(writeFile(dir, "81890_202503.csv", bytes)));
    const fromBuffer = await collect(readBuffer(bytes, "81890_202503.csv"));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(fromBuffer.map((r) => ({ ...r, origin: { ...r.origin, file: "x" } }))).toEqual(fromFile.map((r) => ({ ...r, origin: { ...r.origin, file: "x" } })));
    expect(fromBuffer.map((r) => r.fields?.["服务单号"])).toEqual(["S1", "S2"]);
    expect(fromBuffer[0].origin.file).toBe("81890_202503.csv");
  });

  it("tells the channel from the content when the upload's name says nothing", async () => {
    const rows = await collect(readBuffer(iconv.encode(csv, "gb18030"), "upload.csv"));
    expect(rows.map((r) => r.channel)).toEqual(["81890", "81890"]);
  });

  it("refuses an upload over the limit, and a zip", async () => {
    expect(await collect(readBuffer(Buffer.from(csv), "81890_x.csv", { maxFileBytes: 10 }))).toMatchObject([{ error: { reason: "file_too_large" } }]);
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(64)]);
    expect(await collect(readBuffer(zip, "upload.zip"))).toMatchObject([{ channel: null, error: { reason: "unsupported_file" } }]);
  });
});
