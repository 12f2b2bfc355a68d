// What every channel format declares, and the small helpers the mappers share. Mappers rename and trim only:
// times, phones, ID numbers and amounts stay as the channel gave them, for the normalisers to read.
import type { ChannelCode } from "../channels.js";
import type { DraftPerson, MapResult, PersonRole, RecordDraft } from "../draft.js";

export interface ChannelFormat {
  code: ChannelCode;
  name: string;
  container: "csv" | "jsonl" | "json-array" | "json";
  /** The encoding the channel declares; only a tie-breaker when the bytes cannot tell (an all-ASCII start). */
  encoding: "utf8" | "gb18030";
  idField: string;
  /** The CSV header or the top-level JSON keys the channel sends, for telling a file's channel by its content. */
  headerFields?: string[];
  required: string[];
  /**
   * What the address field says. `matter`: where the matter is (事发地址, 问题属地, the employer's address), at
   * whatever detail; `party`: where a party lives or can be reached (住址, an applicant's address), which may be far
   * from the matter; `none`: the channel sends no place. standardise reads the story's own places accordingly.
   */
  addressMeans: AddressMeaning;
  map(fields: Record<string, unknown>): MapResult;
}

export type AddressMeaning = "matter" | "party" | "none";

export type Fields = Record<string, unknown>;

/** A trimmed string, or null for missing / empty. Numbers become their decimal text (JSON exports vary). */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  return null;
}

/** A value kept as given (a number stays a number), strings trimmed, empty → null. */
export function raw(v: unknown): string | number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return text(v);
}

/** Joins the non-empty parts with a newline: narratives built from a title and a body. */
export function joinText(...parts: unknown[]): string {
  let out = "";
  for (const p of parts) {
    const t = text(p);
    if (t !== null) out = out === "" ? t : `${out}\n${t}`;
  }
  return out;
}

export function words(...vs: unknown[]): string[] {
  const out: string[] = [];
  for (const v of vs) {
    const t = text(v);
    if (t !== null) out.push(t);
  }
  return out;
}

export function obj(v: unknown): Fields {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Fields) : {};
}

type PersonFields = Exclude<keyof DraftPerson, "role">;

/** A person entry from native values (trimmed), or null when it names nobody (no name, company, number or phone). */
export function person(role: PersonRole, p: Partial<Record<PersonFields, unknown>>): DraftPerson | null {
  const out: DraftPerson = { role };
  let any = false;
  for (const k of Object.keys(p) as PersonFields[]) {
    const t = text(p[k]);
    out[k] = t;
    if (t !== null && k !== "address") any = true;
  }
  return any ? out : null;
}

export function people(...ps: Array<DraftPerson | null>): DraftPerson[] {
  return ps.filter((p): p is DraftPerson => p !== null);
}

/** The channel-specific fields to keep, non-empty ones only, under their native names. */
export function extra(f: Fields, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = raw(f[k]);
    if (v !== null) out[k] = v;
  }
  return out;
}

/**
 * Builds the draft, then checks the required fields, named in Chinese for the quarantine list (`labels` gives a
 * pinyin or English field its meaning). A narrative composed of several fields is checked as a whole under the
 * pseudo-field `narrative`, when `labels.narrative` names it.
 */
export function mapWith(f: Fields, required: string[], labels: Record<string, string>, build: () => RecordDraft): MapResult {
  const draft = build();
  const missing = required.filter((k) => text(f[k]) === null);
  if (draft.narrative === "" && labels.narrative && !missing.includes("narrative")) missing.push("narrative");
  if (missing.length > 0) {
    return { ok: false, reason: "missing_required", message: `缺少必填字段：${missing.map((k) => labels[k] ?? k).join("、")}` };
  }
  return { ok: true, draft };
}
