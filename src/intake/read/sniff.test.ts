import { describe, expect, it } from "vitest";
import { detectContainer, sniff } from "./sniff.js";

describe("detectContainer", () => {
  it("tells the container from the first characters", () => {
    expect(detectContainer('  [\n{"a":1}]')).toBe("json-array");
    expect(detectContainer('{"a":1}\n{"a":2}\n')).toBe("jsonl");
    expect(detectContainer('{\n  "a": 1\n}\n')).toBe("json");
    expect(detectContainer("编号,日期\nX1,d\n")).toBe("csv");
    expect(detectContainer(" \n ")).toBeNull();
  });
});

describe("sniff", () => {
  it("trusts the declared encoding only when an ASCII start leaves it open", () => {
    const head = Buffer.from("id,x\n1,2\n");
    expect(sniff(head, head.length + 1000, "110_1.csv")).toMatchObject({ ok: true, encoding: "gb18030", channel: "110" });
    expect(sniff(head, head.length, "110_1.csv")).toMatchObject({ ok: true, encoding: "utf8" });
    expect(sniff(head, head.length + 1000, "xf_1.csv")).toMatchObject({ ok: true, encoding: "utf8" });
  });

  it("names the channel it could tell even when the file is refused", () => {
    expect(sniff(Buffer.from([0x1f, 0x8b, 8, 0]), 4, "channels/odr/odr_1.jsonl.gz")).toMatchObject({ ok: false, channel: "odr", error: { reason: "unsupported_file" } });
  });
});
