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
