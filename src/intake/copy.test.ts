// COPY text built by hand: escapes, and the fixed-width slots filled in place inside a transaction.
import { describe, expect, it } from "vitest";
import { copyArray, copyText, CopyRowsWriter, emptySlot, fillSlot } from "./copy.js";

describe("COPY text", () => {
  it("escapes the separators and writes null as \\N", () => {
    expect(copyText("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyText(null)).toBe("\\N");
    expect(copyArray(['说"话', "a\\b"])).toBe('{"说\\\\"话","a\\\\\\\\b"}');
  });
});

describe("slots", () => {
  it("are filled in place, right-aligned in their zeros, leaving the rest of the row alone", () => {
    const w = new CopyRowsWriter();
    w.write(`${emptySlot(5)}\t古塘\n`);
    const at = w.offset;
    w.write(`${emptySlot(5)}\t第二行\n`);
    const buf = w.finish();
    fillSlot(buf, 0, 5, 42);
    fillSlot(buf, at, 5, "12345");
    expect(buf.toString("utf8")).toBe("00042\t古塘\n12345\t第二行\n");
  });

  it("refuse what does not fit or is not a whole number, instead of writing a wrong id", () => {
    const buf = Buffer.from(emptySlot(3));
    expect(() => fillSlot(buf, 0, 3, 1000)).toThrow(/does not fit/);
    expect(() => fillSlot(buf, 0, 3, "-1")).toThrow(/whole number/);
    expect(() => fillSlot(buf, 0, 3, "1-")).toThrow(/whole number/);
    expect(buf.toString()).toBe("000");
  });

  it("grow the buffer for rows larger than it started with", () => {
    const w = new CopyRowsWriter();
    const big = "纠".repeat(100_000);
    w.write(big);
    expect(w.finish().toString("utf8")).toBe(big);
  });
});
