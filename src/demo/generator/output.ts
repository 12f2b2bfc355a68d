// Where generated rows go: into memory (the demo seed, tests) or through per-file buckets on disk (a million
// records and more). Either way a file is one channel and month, its rows sorted by delivery time, in the
// channel's encoding: GBK with CRLF for 110 and 81890, UTF-8 with BOM for ldbz, one JSON array for zlf.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import type { SourceChannel } from "./categories.js";
import { beijingParts, FILE_EXT, HEADERS, yyyymm } from "./formats.js";

export interface Row {
  channel: SourceChannel;
  deliveredAt: number;
  line: string;
}

export interface Sink {
  row(r: Row): void;
  record(json: string): void;
  dispute(json: string): void;
}

export function fileKey(r: Row): string {
  return `${r.channel}/${r.channel}_${yyyymm(beijingParts(r.deliveredAt))}.${FILE_EXT[r.channel]}`;
}

interface Sorted {
  t: number;
  seq: number;
  line: string;
}

const byDelivery = (a: Sorted, b: Sorted) => a.t - b.t || a.seq - b.seq;

/** A file's bytes, written in pieces so that a large file never becomes one string. */
export function encodeFile(channel: SourceChannel, lines: string[], write: (b: Buffer) => void): void {
  const gbk = channel === "110" || channel === "81890";
  const eol = gbk || channel === "ldbz" ? "\r\n" : "\n";
  const header = HEADERS[channel];
  const enc = (s: string) => (gbk ? iconv.encode(s, "gbk") : Buffer.from(s, "utf8"));
  if (channel === "ldbz") write(Buffer.from([0xef, 0xbb, 0xbf]));
  if (header) write(enc(header.join(",") + eol));
  if (channel === "zlf") write(enc("[\n"));
  const CHUNK = 4000;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const part = lines.slice(i, i + CHUNK);
    const last = i + CHUNK >= lines.length;
    const text = channel === "zlf" ? part.join(",\n") + (last ? "\n" : ",\n") : part.join(eol) + eol;
    write(enc(text));
  }
  if (channel === "zlf") write(enc("]\n"));
}

/** Everything in memory: fine for the demo's year of ~2,500 records. */
export class MemorySink implements Sink {
  private readonly files = new Map<string, { channel: SourceChannel; rows: Sorted[] }>();
  private seq = 0;
  readonly records: string[] = [];
  readonly disputes: string[] = [];

  row(r: Row): void {
    const key = fileKey(r);
    let f = this.files.get(key);
    if (!f) this.files.set(key, (f = { channel: r.channel, rows: [] }));
    f.rows.push({ t: r.deliveredAt, seq: this.seq++, line: r.line });
  }
  record(json: string): void {
    this.records.push(json);
  }
  dispute(json: string): void {
    this.disputes.push(json);
  }

  outputFiles(): { path: string; bytes: Buffer }[] {
    return [...this.files.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, f]) => {
        const parts: Buffer[] = [];
        encodeFile(f.channel, f.rows.sort(byDelivery).map((r) => r.line), (b) => parts.push(b));
        return { path: `channels/${key}`, bytes: Buffer.concat(parts) };
      });
  }
}

/** Appends to a file through a buffer; synchronous, so the generator stays a simple loop. */
class Appender {
  private buf: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(file: string) {
    this.fd = fs.openSync(file, "w");
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join(""));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Rows go to one bucket per output file (delivery time, order, line), sorted and encoded at the end. */
export class DiskSink implements Sink {
  private readonly buckets = new Map<string, { channel: SourceChannel; out: Appender; tmp: string }>();
  private readonly records: Appender;
  private readonly disputes: Appender;
  private readonly tmpDir: string;
  private seq = 0;
  files = 0;

  constructor(private readonly dir: string) {
    this.tmpDir = path.join(dir, ".generator-tmp");
    fs.mkdirSync(this.tmpDir, { recursive: true });
    fs.mkdirSync(path.join(dir, "truth"), { recursive: true });
    this.records = new Appender(path.join(dir, "truth", "records.jsonl"));
    this.disputes = new Appender(path.join(dir, "truth", "disputes.jsonl"));
  }

  row(r: Row): void {
    const key = fileKey(r);
    let b = this.buckets.get(key);
    if (!b) {
      const tmp = path.join(this.tmpDir, key.replace(/\//g, "__"));
      b = { channel: r.channel, out: new Appender(tmp), tmp };
      this.buckets.set(key, b);
    }
    b.out.write(`${r.deliveredAt}\t${this.seq++}\t${r.line}\n`);
  }
  record(json: string): void {
    this.records.write(json + "\n");
  }
  dispute(json: string): void {
    this.disputes.write(json + "\n");
  }

  finish(): void {
    this.records.close();
    this.disputes.close();
    for (const [key, b] of this.buckets) {
      b.out.close();
      const rows: Sorted[] = [];
      for (const l of fs.readFileSync(b.tmp, "utf8").split("\n")) {
        if (!l) continue;
        const i = l.indexOf("\t");
        const j = l.indexOf("\t", i + 1);
        rows.push({ t: +l.slice(0, i), seq: +l.slice(i + 1, j), line: l.slice(j + 1) });
      }
      rows.sort(byDelivery);
      const target = path.join(this.dir, "channels", key);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const fd = fs.openSync(target, "w");
      encodeFile(b.channel, rows.map((r) => r.line), (buf) => fs.writeSync(fd, buf));
      fs.closeSync(fd);
      fs.rmSync(b.tmp);
      this.files++;
    }
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}
