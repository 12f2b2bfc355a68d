// COPY … FROM STDIN with the plain `pg` client: a query object that pg submits like any other, answers the server's
// CopyInResponse with the data, and settles at ReadyForQuery. Intake writes a chunk's rows this way: the server
// parses text rows far more cheaply than it plans and unnests parameter arrays, and the driver serialises nothing.
import type pg from "pg";

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFrom {
  callback?: (err: Error | null) => void;
  private error: Error | null = null;

  constructor(
    private text: string,
    private data: Buffer,
  ) {}

  submit(connection: Connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection) {
    // A chunk's rows (a few MB) go in one piece.
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleError(err: Error) {
    this.error = err;
  }

  handleReadyForQuery() {
    this.callback?.(this.error);
  }

  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** Runs `COPY table (columns) FROM STDIN` with `data` (COPY's text format) on the client's connection. */
export function copyFrom(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const q = new CopyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`, data);
    q.callback = (err) => (err ? reject(err) : resolve());
    (client as unknown as { query: (q: unknown) => void }).query(q);
  });
}

const SPECIAL = /[\\\t\n\r]/;
const escapeChar = (c: string) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r");

/** One text value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyText(s: string | null | undefined): string {
  if (s == null) return "\\N";
  return SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, escapeChar) : s;
}

/** A number, boolean or null in COPY's text format. */
export function copyValue(v: number | boolean | null | undefined): string {
  if (v == null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v);
}

const ARRAY_SPECIAL = /[\\"]/g;

/** A text[] value ({"a","b"}) in COPY's text format. */
export function copyArray(items: readonly string[]): string {
  if (!items.length) return "{}";
  let out = "{";
  for (let i = 0; i < items.length; i++) out += `${i ? "," : ""}"${items[i].replace(ARRAY_SPECIAL, "\\$&")}"`;
  return copyText(out + "}");
}

/**
 * Rows in COPY's text format written straight into one growing buffer, with fixed-width slots for the numbers only
 * the transaction knows (ids, versions): a slot is zero-filled now and overwritten in place later (COPY reads
 * 0000000042 as 42), so that no row has to be rebuilt, re-encoded or copied into another string to fill it in.
 */
export class CopyRowsWriter {
  private buf = Buffer.allocUnsafeSlow(1 << 16);
  private pos = 0;

  get offset(): number {
    return this.pos;
  }

  /** Appends text already in COPY's format (values escaped, separators included). */
  write(text: string): void {
    const need = this.pos + text.length * 3;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.pos);
      this.buf = grown;
    }
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** The rows written, in a buffer of their own (transferable to another thread). */
  finish(): Buffer {
    const out = Buffer.allocUnsafeSlow(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }
}

/** A slot's zero-filled text, `width` digits wide. */
export const emptySlot = (width: number) => "0".repeat(width);

/** Writes `n` (a whole number ≥ 0, or its digits) into the zero-filled slot at `at`, right-aligned. */
export function fillSlot(buf: Buffer, at: number, width: number, n: number | string): void {
  const digits = typeof n === "number" ? String(n) : n;
  const pad = width - digits.length;
  if (pad < 0) throw new Error(`${digits} does not fit a ${width}-digit slot`);
  for (let k = 0; k < digits.length; k++) {
    const c = digits.charCodeAt(k);
    if (c < 48 || c > 57) throw new Error(`${digits} is not a whole number`);
  }
  for (let k = 0; k < digits.length; k++) buf[at + pad + k] = digits.charCodeAt(k);
}
