import { describe, expect, it } from "vitest";
import { detectChannelFromHeader, detectChannelFromPath } from "./detect.js";
import { FORMATS } from "./index.js";

describe("detectChannelFromPath", () => {
  it("reads the file name's prefix, then the nearest channel folder", () => {
    expect(detectChannelFromPath("/data/channels/110/110_202411.csv")).toBe("110");
    expect(detectChannelFromPath("/data/in/ZLF_202411.json")).toBe("zlf");
    expect(detectChannelFromPath("/data/xf/2025-03.csv")).toBe("xf");
    expect(detectChannelFromPath("C:\\exports\\rmtj\\march.jsonl")).toBe("rmtj");
    expect(detectChannelFromPath("/data/in/export.csv")).toBeNull();
    expect(detectChannelFromPath("/data/in/xfiles_1.csv")).toBeNull();
  });

  it("ignores folders above the walked root", () => {
    expect(detectChannelFromPath("/srv/xf/inbox/export.csv", "/srv/xf/inbox")).toBeNull();
    expect(detectChannelFromPath("/srv/xf/inbox/odr/export.csv", "/srv/xf/inbox")).toBe("odr");
  });
});

describe("detectChannelFromHeader", () => {
  it("recognises every channel by its own fields", () => {
    for (const f of Object.values(FORMATS)) expect(detectChannelFromHeader(f.headerFields!)).toBe(f.code);
  });

  it("tolerates a BOM, stray spaces, a missing column and nested JSON noise", () => {
    expect(detectChannelFromHeader(["\uFEFF投诉编号", " 投诉日期 ", "投诉人", "身份证", "电话", "被投诉单位", "单位地址", "涉及人数", "投诉事项"])).toBe("ldbz");
    expect(detectChannelFromHeader(["caseNo", "createdAt", "applicant", "respondent", "disputeType", "description", "amount", "status", "extraKey"])).toBe("odr");
  });

  it("says null rather than guess", () => {
    expect(detectChannelFromHeader(["id", "name"])).toBeNull();
    expect(detectChannelFromHeader(["编号", "姓名", "电话"])).toBeNull();
    expect(detectChannelFromHeader([])).toBeNull();
  });
});
