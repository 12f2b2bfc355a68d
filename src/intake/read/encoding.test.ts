import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { describeBinary, detectEncoding, isPlausibleGb18030, isValidUtf8 } from "./encoding.js";

const chinese = "接警编号,报警时间,报警人\r\nJ001,2025-03-05 14:05:00,王小明\r\n邻居家装修噪音很大，影响休息。\r\n";

describe("detectEncoding", () => {
  it("reads byte order marks", () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]))).toBe("utf8-bom");
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(chinese, "utf-16le")]))).toBe("utf16le");
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(chinese, "utf-16be")]))).toBe("utf16be");
  });

  it("tells UTF-8 from GBK by validating the bytes", () => {
    expect(detectEncoding(Buffer.from(chinese))).toBe("utf8");
    expect(detectEncoding(iconv.encode(chinese, "gb18030"))).toBe("gb18030");
    expect(detectEncoding(iconv.encode("楊先生反映：鄰居佔用通道。" + chinese, "gbk"))).toBe("gb18030");
    expect(detectEncoding(Buffer.from("id,name\n1,abc\n"))).toBe("utf8");
    expect(detectEncoding(Buffer.alloc(0))).toBe("utf8");
  });

  it("accepts a multibyte character cut off by the end of the sample", () => {
    const utf8 = Buffer.from(chinese + "王");
    expect(detectEncoding(utf8.subarray(0, utf8.length - 1))).toBe("utf8");
    expect(detectEncoding(utf8.subarray(0, utf8.length - 2))).toBe("utf8");
    const gbk = iconv.encode(chinese + "王", "gb18030");
    expect(detectEncoding(gbk.subarray(0, gbk.length - 1))).toBe("gb18030");
  });

  it("calls UTF-16 without a BOM by its NUL pattern", () => {
    expect(detectEncoding(iconv.encode("id,name,phone\r\n1,abc,123\r\n", "utf-16le"))).toBe("utf16le");
    expect(detectEncoding(iconv.encode("id,name,phone\r\n1,abc,123\r\n", "utf-16be"))).toBe("utf16be");
  });

  it("calls archives, NUL-bearing and undecidable bytes binary", () => {
    expect(detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe("binary");
    expect(detectEncoding(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe("binary");
    expect(detectEncoding(Buffer.from("abc\0def\0"))).toBe("binary");
    expect(detectEncoding(Buffer.from("\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0", "latin1"))).toBe("binary");
    // Latin-1 French: valid as neither UTF-8 nor plausible GBK.
    expect(detectEncoding(Buffer.from("Le fabricant a été prévenu, la réunion était prévue à côté.", "latin1"))).toBe("binary");
  });
});

describe("describeBinary", () => {
  it("names the archive kinds", () => {
    expect(describeBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toMatch(/zip/);
    expect(describeBinary(Buffer.from([0x1f, 0x8b, 0x08]))).toMatch(/gzip/);
    expect(describeBinary(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00]))).toMatch(/7z/);
    expect(describeBinary(Buffer.from("Rar!\x1a\x07\x00", "latin1"))).toMatch(/rar/);
    expect(describeBinary(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))).toMatch(/xz/);
    expect(describeBinary(Buffer.from("BZh91AY&SY", "latin1"))).toMatch(/bzip2/);
    expect(describeBinary(Buffer.from("BZh is not bzip2"))).toBeNull();
    expect(describeBinary(Buffer.from("id,name\n"))).toBeNull();
  });
});

describe("isValidUtf8", () => {
  it("rejects overlongs, surrogates and code points above U+10FFFF", () => {
    expect(isValidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false);
    expect(isValidUtf8(Buffer.from("😀王"))).toBe(true);
  });

  it("accepts a truncated end only when told the buffer is a prefix", () => {
    const cut = Buffer.from("王").subarray(0, 2);
    expect(isValidUtf8(cut)).toBe(false);
    expect(isValidUtf8(cut, true)).toBe(true);
  });
});

describe("isPlausibleGb18030", () => {
  it("wants mostly common hanzi, not chance pairs", () => {
    expect(isPlausibleGb18030(iconv.encode("古塘街道邻里纠纷调解", "gb18030"))).toBe(true);
    expect(isPlausibleGb18030(Buffer.from("été", "latin1"))).toBe(false);
  });
});
