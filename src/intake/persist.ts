// Writing one chunk of intake in one transaction, set-based: ids drawn from the sequences in one statement, then
// one COPY per table, so that a million records take a minute, not hours. The rows are written in COPY's format
// before the transaction (`seal`, on a worker thread or while the previous chunk commits); inside it only the ids,
// versions and current flags are filled into their slots.
import type { PoolClient } from "pg";
import type { Cipher } from "../personal-data/cipher.js";
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";
import { copyArray, copyFrom, copyText, copyValue, CopyRowsWriter, emptySlot, fillSlot } from "./copy.js";
import type { StandardRecord } from "./standardise.js";

/** A standard record as intake made it, with what it was made from. */
export interface VersionContent {
  record: StandardRecord;
  contentHash: string;
  rawText: string;
  origin: { file?: string; line?: number; index: number };
  regionNodeId: number | null;
}

/** A byte range [start, end) of a chunk's COPY rows. */
export type Span = [start: number, end: number];

/**
 * A version ready to write: its key and content hash (all the transaction needs to decide its version number) and
 * where its rows lie in the chunk's COPY buffers, encrypted and hashed before the transaction — in a worker thread,
 * or while the last chunk commits.
 */
export interface SealedVersion {
  channel: string;
  externalId: string;
  contentHash: string;
  raw: Span;
  record: Span;
  /** Its people's lines, one after another (empty when it names nobody). */
  people: Span;
  /** Where each of its people's lines starts, for the record id. */
  personLines: number[];
}

export interface NewVersion extends SealedVersion {
  version: number;
}

/** A chunk's rows in COPY's text format, one buffer per table, with zero-filled slots for ids and versions. */
export interface SealedRows {
  raw: Buffer;
  records: Buffer;
  people: Buffer;
}

// Bigint ids fit 19 digits; versions (integer) 10. The slots come first on each line, at fixed offsets.
const ID = 19;
const VERSION = 10;
const RAW_SLOTS = `${emptySlot(ID)}\t${emptySlot(VERSION)}\t${emptySlot(ID)}\t`; // id, version, batch_id
const RAW_AT = { id: 0, version: ID + 1, batch: ID + VERSION + 2 };
const RECORD_SLOTS = `${emptySlot(ID)}\t${emptySlot(ID)}\t${emptySlot(VERSION)}\tf\t`; // id, raw_record_id, version, is_current
const RECORD_AT = { id: 0, raw: ID + 1, version: 2 * ID + 2, current: 2 * ID + VERSION + 3 };
const PERSON_SLOTS = `${emptySlot(ID)}\t`; // record_id

const RAW_COLUMNS = ["id", "version", "batch_id", "channel", "external_id", "content_hash", "raw_enc", "origin"] as const;
const RECORD_COLUMNS = [
  "id", "raw_record_id", "version", "is_current", "channel", "external_id", "reported_at", "narrative", "narrative_key",
  "category_words", "amount", "people_count", "address_text", "address_normalised", "region_node_id", "address_status",
  "address_confidence", "address_evidence", "extra", "flags",
] as const;
const PEOPLE_COLUMNS = [
  "record_id", "role", "name", "name_key", "title_only", "is_organisation", "id_number_enc", "id_number_hash",
  "id_number_masked", "id_partial_hash", "id_status", "phone_enc", "phone_hash", "phone_masked", "phone_status",
  "company_name", "credit_code", "credit_code_valid", "address_text",
] as const;

/** Where a chunk's versions are sealed into: one COPY buffer per table. */
export class SealedRowsWriter {
  readonly raw = new CopyRowsWriter();
  readonly records = new CopyRowsWriter();
  readonly people = new CopyRowsWriter();

  finish(): SealedRows {
    return { raw: this.raw.finish(), records: this.records.finish(), people: this.people.finish() };
  }
}

/**
 * Encrypts the raw text and the people's numbers, hashes them for matching, masks them for display, and writes the
 * rows into the chunk's buffers. One ciphertext per number (not per person or record): the person index copies and
 * reveals each alone.
 */
export function seal(cipher: Cipher, v: VersionContent, out: SealedRowsWriter): SealedVersion {
  const r = v.record;
  const t = copyText;
  const key = `${t(r.channel)}\t${t(r.externalId)}`;
  const rawStart = out.raw.offset;
  out.raw.write(`${RAW_SLOTS}${key}\t${t(v.contentHash)}\t${t(cipher.encrypt(v.rawText))}\t${t(JSON.stringify(v.origin))}\n`);
  const recordStart = out.records.offset;
  out.records.write(
    `${RECORD_SLOTS}${key}\t${t(r.reportedAt.toISOString())}\t${t(r.narrative)}\t${t(r.narrativeKey)}\t${copyArray(r.categoryWords)}\t` +
      `${copyValue(r.amount)}\t${copyValue(r.peopleCount)}\t${t(r.addressText)}\t${t(r.place.normalised || null)}\t` +
      `${copyValue(v.regionNodeId)}\t${t(r.place.status)}\t${copyValue(r.place.confidence)}\t${copyArray(r.place.evidence)}\t` +
      `${t(JSON.stringify(r.extra))}\t${copyArray(r.flags)}\n`,
  );
  const peopleStart = out.people.offset;
  const personLines: number[] = [];
  for (const p of r.people) {
    const idValid = p.idStatus === "full";
    const phoneValid = p.phoneStatus === "mobile" || p.phoneStatus === "landline";
    personLines.push(out.people.offset);
    out.people.write(
      PERSON_SLOTS +
        [
          t(p.role), t(p.name), t(p.nameKey), copyValue(p.titleOnly), copyValue(p.isOrganisation),
          t(p.idNumber ? cipher.encrypt(p.idNumber) : null),
          t(idValid ? cipher.hash(p.idNumber!) : null),
          t(p.idNumber ? (p.idStatus === "masked" ? p.idNumber : maskIdNumber(p.idNumber)) : null),
          t(p.idPartialKey ? cipher.hash(`partial:${p.idPartialKey}`) : null),
          t(p.idStatus),
          t(p.phone ? cipher.encrypt(p.phone) : null),
          t(phoneValid ? cipher.hash(p.phone!) : null),
          t(p.phone ? maskPhone(p.phone) : null),
          t(p.phoneStatus), t(p.companyName), t(p.creditCode), copyValue(p.creditCodeValid), t(p.addressText),
        ].join("\t") +
        "\n",
    );
  }
  return {
    channel: r.channel,
    externalId: r.externalId,
    contentHash: v.contentHash,
    raw: [rawStart, out.raw.offset],
    record: [recordStart, out.records.offset],
    people: [peopleStart, out.people.offset],
    personLines,
  };
}

export interface Quarantine {
  channel: string | null;
  fileName: string | null;
  line: number | null;
  rowIndex: number;
  contentHash: string;
  rawText: string;
  reason: string;
  message: string;
}

/** Existing versions of the given (channel, external id) pairs: content hashes and the highest version. */
export async function existingVersions(client: PoolClient, keys: { channel: string; externalId: string }[]) {
  const result = new Map<string, { hashes: Set<string>; maxVersion: number }>();
  if (!keys.length) return result;
  const { rows } = await client.query<{ channel: string; external_id: string; content_hash: string; version: number }>(
    // IN (…) rather than a join keeps the planner on the (channel, external_id, version) index as the table grows.
    `SELECT r.channel, r.external_id, r.content_hash, r.version
       FROM raw_records r
      WHERE (r.channel, r.external_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k.channel), keys.map((k) => k.externalId)],
  );
  for (const r of rows) {
    const key = `${r.channel}\u0000${r.external_id}`;
    const entry = result.get(key) ?? { hashes: new Set<string>(), maxVersion: 0 };
    entry.hashes.add(r.content_hash);
    entry.maxVersion = Math.max(entry.maxVersion, r.version);
    result.set(key, entry);
  }
  return result;
}

/**
 * Writes new versions: a raw record, a standard record and its people each, from the chunk's sealed rows (their slots
 * filled in place; rows of versions not written, such as redeliveries, left out). Versions of one (channel, external
 * id) come in version order; the last of each is the current one, and a stored current version it corrects stops
 * being current. Answers the standard records' ids, in the order given.
 */
export async function writeVersions(client: PoolClient, batchId: number, rows: SealedRows, versions: NewVersion[]): Promise<number[]> {
  if (!versions.length) return [];
  const { rows: drawn } = await client.query<{ raw: string; rec: string }>(
    `SELECT string_agg(nextval('raw_records_id_seq')::text, ',') AS raw, string_agg(nextval('records_id_seq')::text, ',') AS rec
       FROM generate_series(1, $1::int)`,
    [versions.length],
  );
  const rawIds = drawn[0].raw.split(",");
  const recordIds = drawn[0].rec.split(",");
  const last = new Map<string, number>();
  versions.forEach((v, i) => last.set(`${v.channel}\u0000${v.externalId}`, i));
  const corrected = versions.filter((v) => v.version > 1);
  if (corrected.length) {
    await client.query(
      `UPDATE records r SET is_current = false
         FROM unnest($1::text[], $2::text[]) AS k(channel, external_id)
        WHERE r.channel = k.channel AND r.external_id = k.external_id AND r.is_current`,
      [corrected.map((v) => v.channel), corrected.map((v) => v.externalId)],
    );
  }
  const raw = new Spans();
  const recs = new Spans();
  const people = new Spans();
  versions.forEach((v, i) => {
    const [rs] = v.raw;
    fillSlot(rows.raw, rs + RAW_AT.id, ID, rawIds[i]);
    fillSlot(rows.raw, rs + RAW_AT.version, VERSION, v.version);
    fillSlot(rows.raw, rs + RAW_AT.batch, ID, batchId);
    raw.add(v.raw);
    const [cs] = v.record;
    fillSlot(rows.records, cs + RECORD_AT.id, ID, recordIds[i]);
    fillSlot(rows.records, cs + RECORD_AT.raw, ID, rawIds[i]);
    fillSlot(rows.records, cs + RECORD_AT.version, VERSION, v.version);
    rows.records[cs + RECORD_AT.current] = last.get(`${v.channel}\u0000${v.externalId}`) === i ? 0x74 : 0x66; // t / f
    recs.add(v.record);
    for (const at of v.personLines) fillSlot(rows.people, at, ID, recordIds[i]);
    people.add(v.people);
  });
  await copyFrom(client, "raw_records", RAW_COLUMNS, raw.cut(rows.raw));
  await copyFrom(client, "records", RECORD_COLUMNS, recs.cut(rows.records));
  if (!people.empty) await copyFrom(client, "record_people", PEOPLE_COLUMNS, people.cut(rows.people));
  return recordIds.map(Number);
}

/** Byte ranges to send, adjacent ones merged: a chunk without redeliveries is one range per table. */
class Spans {
  private readonly list: Span[] = [];

  get empty(): boolean {
    return this.list.length === 0;
  }

  add([start, end]: Span): void {
    if (end <= start) return;
    const last = this.list.at(-1);
    if (last && last[1] === start) last[1] = end;
    else this.list.push([start, end]);
  }

  cut(from: Buffer): Buffer {
    return this.list.length === 1 ? from.subarray(...this.list[0]) : Buffer.concat(this.list.map((s) => from.subarray(...s)));
  }
}

export async function writeQuarantine(client: PoolClient, cipher: Cipher, batchId: number, rows: Quarantine[]) {
  if (!rows.length) return;
  await client.query(
    `INSERT INTO quarantined_rows (batch_id, channel, file_name, line, row_index, content_hash, raw_enc, reason, message)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[])
     ON CONFLICT (content_hash) WHERE status = 'open' DO NOTHING`,
    [
      batchId,
      rows.map((r) => r.channel),
      rows.map((r) => r.fileName),
      rows.map((r) => r.line),
      rows.map((r) => r.rowIndex),
      rows.map((r) => r.contentHash),
      rows.map((r) => cipher.encrypt(r.rawText)),
      rows.map((r) => r.reason),
      rows.map((r) => r.message),
    ],
  );
}
