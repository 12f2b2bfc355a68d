// Looks at a file's first 64 KB to decide how to read it: its encoding, its container (CSV, JSON Lines, a JSON
// array, plain JSON) and its channel. Any of these can be wrong in a real delivery, so each is checked on the bytes.
import type { ChannelCode } from "../channels.js";
import { detectChannelFromHeader, detectChannelFromPath } from "../formats/detect.js";
import { FORMATS } from "../formats/index.js";
import { splitCsvRecord } from "./csv.js";
import { describeBinary, detectEncoding, hasControlBytes } from "./encoding.js";
import { JsonSplitter } from "./json-array.js";
import { parseObject } from "./jsonl.js";
import { createDecoder, type TextEncoding } from "./lines.js";
import type { ReadRecord, RowError } from "./types.js";

export type Container = "csv" | "jsonl" | "json-array" | "json";

export type Sniffed =
  | { ok: true; encoding: TextEncoding; channel: ChannelCode; container: Container | null }
  | { ok: false; channel: ChannelCode | null; error: RowError };

export function sniff(head: Uint8Array, fileSize: number, file: string | undefined, channel?: ChannelCode): Sniffed {
  let resolved = channel ?? (file ? detectChannelFromPath(file) : null);
  const detected = detectEncoding(head);
  if (detected === "binary") {
    const what = describeBinary(head);
    const error: RowError = what
      ? { reason: "unsupported_file", message: `不支持的文件：看起来是${what}，请解压或导出为 CSV/JSON 后再导入` }
      : hasControlBytes(head)
        ? { reason: "unsupported_file", message: "不支持的文件：含有 NUL 等控制字符，是二进制文件而不是文本导出" }
        : { reason: "unreadable_encoding", message: "无法识别的文字编码：既不是 UTF-8/UTF-16，也不像 GBK/GB18030" };
    return { ok: false, channel: resolved, error };
  }
  const text = decodeHead(head, detected);
  const container = detectContainer(text);
  resolved ??= container ? channelFromContent(text, container) : null;
  if (!resolved) {
    const message = "无法判断文件来自哪个渠道：路径和文件名中没有渠道代码，表头或字段名也对不上任何渠道";
    return { ok: false, channel: null, error: { reason: "unknown_channel", message } };
  }
  // An all-ASCII start says nothing about the rest: then the channel's declared encoding decides (GBK reads ASCII too).
  const encoding = detected === "utf8" && fileSize > head.length && isAscii(head) ? FORMATS[resolved].encoding : detected;
  return { ok: true, encoding, channel: resolved, container };
}

/** The sample decoded the way the file will be; a character cut by the sample's end is left out. */
function decodeHead(head: Uint8Array, encoding: TextEncoding): string {
  return createDecoder(encoding).write(head).replace(/^\uFEFF/, "");
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

/** `[` opens an array; `{` opens JSON Lines when the first line is a whole object, else pretty-printed JSON. */
export function detectContainer(text: string): Container | null {
  const m = /\S/.exec(text);
  if (!m) return null;
  if (m[0] === "[") return "json-array";
  if (m[0] !== "{") return "csv";
  const nl = text.indexOf("\n", m.index);
  if (nl === -1) return "jsonl"; // one line, or a line longer than the sample
  return text.slice(m.index, nl).trim().endsWith("}") ? "jsonl" : "json";
}

function channelFromContent(text: string, container: Container): ChannelCode | null {
  if (container === "csv") {
    const first = text.split("\n").find((l) => l.trim() !== "");
    const names = first ? splitCsvRecord(first.replace(/\r$/, "")) : null;
    return names ? detectChannelFromHeader(names) : null;
  }
  let fields: Record<string, unknown> | null = null;
  if (container === "jsonl") {
    // The first object that parses: a line may be broken, and the last one is cut by the sample's end.
    for (const l of text.split("\n")) {
      if (l.trim() === "") continue;
      const r = parseObject(l, 0, 0);
      if (r.fields) {
        fields = r.fields;
        break;
      }
    }
  } else {
    const out: ReadRecord[] = [];
    new JsonSplitter(container === "json-array" ? "array" : "sequence").push(text, out);
    fields = out.find((r) => r.fields)?.fields ?? null;
  }
  return fields ? detectChannelFromHeader(Object.keys(fields)) : null;
}
