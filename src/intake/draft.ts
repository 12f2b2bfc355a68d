// What a channel's mapper makes of one native row, before normalisation: the channel's fields, renamed.
import type { ChannelCode } from "./channels.js";

export const PERSON_ROLES = ["reporter", "applicant", "respondent", "other"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface DraftPerson {
  role: PersonRole;
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  companyName?: string | null;
  creditCode?: string | null;
  address?: string | null;
}

export interface RecordDraft {
  externalId: string;
  /** As given: "2025/3/5 14:05", "20250305140500", epoch ms … (Beijing time). */
  reportedAt: string | number | null;
  people: DraftPerson[];
  /** Where the matter is, as given. */
  addressText: string | null;
  narrative: string;
  /** The channel's own category words (警情类别, nrfl, disputeType, jflx …). */
  categoryWords: string[];
  amount: number | string | null;
  peopleCount: number | string | null;
  /** Channel-specific fields worth keeping in standard form (处警结果, 是否非警务, blsx, tjjg …). */
  extra: Record<string, unknown>;
}

/** Why a row could not become a record. Each has a Chinese explanation in quarantine-reasons.ts. */
export const QUARANTINE_REASONS = [
  "malformed_row",
  "unreadable_encoding",
  "truncated_file",
  "record_too_large",
  "missing_required",
  "invalid_time",
  "time_in_future",
  "time_before_1990",
  "unknown_channel",
  "unsupported_file",
  "file_too_large",
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export type MapResult = { ok: true; draft: RecordDraft } | { ok: false; reason: QuarantineReason; message: string };

/** One row as read from a file or a push: verbatim text, and its fields when they could be read. */
export interface RawRow {
  channel: ChannelCode;
  /** Where it came from, for the quarantine list: file name and line / array index. */
  origin: { file?: string; line?: number; index: number };
  /** The row exactly as received (the CSV line(s) decoded, the JSON text). */
  text: string;
  fields: Record<string, unknown> | null;
  /** Set when the row could not be read at all. */
  error?: { reason: QuarantineReason; message: string };
}
