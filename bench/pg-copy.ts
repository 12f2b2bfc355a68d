// COPY helpers for the write-path experiment: the pipeline's own COPY (src/intake/copy.ts) and value formatting for
// rows built here.
export { copyFrom } from "../src/intake/copy.js";

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
