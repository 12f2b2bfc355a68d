// COPY … FROM STDIN with the plain `pg` client (pg-copy-streams is not a dependency): a query object that pg
// submits like any other, answers the server's CopyInResponse with the data, and settles at ReadyForQuery.
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
    // A chunk's worth of rows (a few MB) goes in one piece; larger inputs would want backpressure.
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

/** Runs `COPY table (columns) FROM STDIN` with `data` in text format on the client's connection. */
export function copyFrom(client: pg.PoolClient | pg.Client, table: string, columns: string[], data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const q = new CopyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`, data);
    q.callback = (err) => (err ? reject(err) : resolve());
    (client as unknown as { query: (q: unknown) => void }).query(q);
  });
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyText(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  const s = typeof v === "string" ? v : v instanceof Date ? v.toISOString() : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s;
}

/** A text[] literal ({"a","b"}), ready to pass through copyText. */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
