// Tells a file's text encoding from its first bytes. Channel exports arrive as UTF-8, UTF-8 with BOM or GBK, and
// now and then as something else entirely (an archive, a spreadsheet); we decide from the bytes, never from the name.

export type Encoding = "utf8" | "utf8-bom" | "gb18030" | "utf16le" | "utf16be" | "binary";

const MAGIC: Array<[number[], string, ((head: Uint8Array) => boolean)?]> = [
  [[0x50, 0x4b, 0x03, 0x04], "zip 压缩包（或 xlsx/docx 等 Office 文件）"],
  [[0x50, 0x4b, 0x05, 0x06], "zip 压缩包（空）"],
  [[0x1f, 0x8b], "gzip 压缩包"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "7z 压缩包"],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], "rar 压缩包"],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "xz 压缩包"],
  // "BZh" alone could start a text file; a real bzip2 stream has a block-size digit and the block magic after it.
  [[0x42, 0x5a, 0x68], "bzip2 压缩包", (h) => h[3] >= 0x31 && h[3] <= 0x39 && h[4] === 0x31 && h[5] === 0x41],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "旧版 Office 文件（xls/doc）"],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "PDF 文件"],
];

function startsWith(head: Uint8Array, magic: number[]): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

/** What a binary file looks like, in words for the quarantine list; null when no known signature matches. */
export function describeBinary(head: Uint8Array): string | null {
  for (const [magic, name, check] of MAGIC) {
    if (startsWith(head, magic) && (!check || check(head))) return name;
  }
  return null;
}

export function detectEncoding(head: Uint8Array): Encoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return "utf8-bom";
  if (startsWith(head, [0xff, 0xfe]) && !startsWith(head, [0xff, 0xfe, 0x00, 0x00])) return "utf16le";
  if (startsWith(head, [0xfe, 0xff])) return "utf16be";
  if (describeBinary(head)) return "binary";
  const bomless16 = utf16WithoutBom(head);
  if (bomless16) return bomless16;
  if (hasControlBytes(head)) return "binary";
  if (isValidUtf8(head, true)) return "utf8";
  if (isPlausibleGb18030(head)) return "gb18030";
  return "binary";
}

/** NUL or other C0 controls that never occur in text exports (tab, CR, LF, FF, ESC are allowed). */
export function hasControlBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) return true;
  }
  return false;
}

/** UTF-16 text without a BOM shows NUL in every other byte when it is mostly ASCII (CSV punctuation, digits). */
function utf16WithoutBom(b: Uint8Array): "utf16le" | "utf16be" | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.5 && evenNul < pairs * 0.02) return "utf16le";
  if (evenNul > pairs * 0.5 && oddNul < pairs * 0.02) return "utf16be";
  return null;
}

/**
 * A strict UTF-8 validator (no overlongs, no surrogates, nothing above U+10FFFF). With `truncatedEndOk`, a
 * multibyte sequence cut off by the end of the sample is accepted, since the sample is a prefix of the file.
 */
export function isValidUtf8(b: Uint8Array, truncatedEndOk = false): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return truncatedEndOk;
      const t = b[i + k];
      if (k === 1 ? t < lo || t > hi : t < 0x80 || t > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * GB18030 byte structure, and mostly characters from the GB2312 hanzi and symbol rows: Latin-1 or random bytes
 * can form valid GBK pairs by chance, but rarely land mostly in those rows.
 */
export function isPlausibleGb18030(b: Uint8Array): boolean {
  const n = b.length;
  let multi = 0;
  let common = 0;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff) return false;
    if (i + 1 >= n) break; // cut by the end of the sample
    const t = b[i + 1];
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      multi++;
      if (t >= 0xa1 && ((c >= 0xb0 && c <= 0xf7) || (c >= 0xa1 && c <= 0xa9))) common++;
      i += 2;
    } else if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= n) break;
      const t2 = b[i + 2];
      const t3 = b[i + 3];
      if (t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return false;
      multi++;
      i += 4;
    } else return false;
  }
  return multi > 0 && common >= multi * 0.6;
}
