// Shapes shared by the readers: a physical line, a record cut from a file, and the row handed to intake.
import type { QuarantineReason, RawRow } from "../draft.js";

/** One physical line, decoded, without its terminator. `tooLarge` lines carry only their first 200 chars. */
export interface LineRecord {
  text: string;
  /** 1-based physical line number where the line starts. */
  line: number;
  /** The terminator that ended it, so a record spanning lines can be rebuilt verbatim. */
  eol: "\n" | "\r\n" | "";
  tooLarge?: true;
}

export interface RowError {
  reason: QuarantineReason;
  message: string;
}

/** A record cut from a file by one of the container readers, before the channel is attached. */
export interface ReadRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** 0-based position among the file's records (CSV data rows, JSONL lines, array elements). */
  index: number;
  text: string;
  fields: Record<string, unknown> | null;
  error?: RowError;
}

/**
 * What readRows yields: a RawRow, or a file-level error row for a file whose channel could not be told.
 * RawRow.channel cannot be null, so that one case is a separate variant the caller must narrow on.
 */
export type ReadRow =
  | RawRow
  | (Omit<RawRow, "channel" | "fields" | "error"> & { channel: null; fields: null; error: RowError });

export const PREVIEW_CHARS = 200;
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
export const SNIFF_BYTES = 64 * 1024;
export const CHUNK_BYTES = 1024 * 1024;

export function preview(text: string): string {
  return text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text;
}

export function errorRecord(line: number, index: number, text: string, reason: QuarantineReason, message: string): ReadRecord {
  return { line, index, text, fields: null, error: { reason, message } };
}

/** Blank or whitespace only; stops at the first other character, so a long line costs nothing (trim() copies). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}
