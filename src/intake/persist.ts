// Writing one chunk of intake in one transaction, set-based: ids drawn from the sequences in one statement, then
// one COPY per table, so that a million records take a minute, not hours. The rows' text is built before the
// transaction (`seal`), while the previous chunk commits; only the ids and versions are added inside it.
import type { PoolClient } from "pg";
import type { Cipher } from "../personal-data/cipher.js";
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";
import { copyArray, copyFrom, copyText, copyValue } from "./copy.js";
import type { StandardRecord } from "./standardise.js";

/** A standard record as intake made it, with what it was made from. */
export interface VersionContent {
  record: StandardRecord;
  contentHash: string;
  rawText: string;
  origin: { file?: string; line?: number; index: number };
  regionNodeId: number | null;
}

/**
 * A version ready to write: its key and content hash (all the transaction needs to decide its version number) and
 * its rows' text, encrypted and hashed before the transaction — in a worker thread, or while the last chunk commits.
 */
export interface SealedVersion {
  channel: string;
  externalId: string;
  contentHash: string;
  sealed: Sealed;
}

export interface NewVersion extends SealedVersion {
  version: number;
}

/**
 * A version's rows in COPY's text format, all but the columns only the transaction knows (ids, version,
 * is_current, batch): the raw record's tail, the standard record's tail and one tail per person.
 */
export interface Sealed {
  raw: string;
  record: string;
  people: string[];
}

const RAW_COLUMNS = ["id", "channel", "external_id", "version", "batch_id", "content_hash", "raw_enc", "origin"] as const;
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

/**
 * Encrypts the raw text and the people's numbers, hashes them for matching, masks them for display, and writes the
 * rows' text. One ciphertext per number (not per person or record): the person index copies and reveals each alone.
 */
export function seal(cipher: Cipher, v: VersionContent): SealedVersion {
  const r = v.record;
  const t = copyText;
  const raw = `${t(v.contentHash)}\t${t(cipher.encrypt(v.rawText))}\t${t(JSON.stringify(v.origin))}`;
  const record =
    `${t(r.reportedAt.toISOString())}\t${t(r.narrative)}\t${t(r.narrativeKey)}\t${copyArray(r.categoryWords)}\t` +
    `${copyValue(r.amount)}\t${copyValue(r.peopleCount)}\t${t(r.addressText)}\t${t(r.place.normalised || null)}\t` +
    `${copyValue(v.regionNodeId)}\t${t(r.place.status)}\t${copyValue(r.place.confidence)}\t${copyArray(r.place.evidence)}\t` +
    `${t(JSON.stringify(r.extra))}\t${copyArray(r.flags)}`;
  const people = r.people.map((p) => {
    const idValid = p.idStatus === "full";
    const phoneValid = p.phoneStatus === "mobile" || p.phoneStatus === "landline";
    return [
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
    ].join("\t");
  });
  return { channel: r.channel, externalId: r.externalId, contentHash: v.contentHash, sealed: { raw, record, people } };
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
 * Writes new versions: a raw record, a standard record and its people each. Versions of one (channel, external id)
 * come in version order; the last of each is the current one, and a stored current version it corrects stops being
 * current. Answers the standard records' ids, in the order given.
 */
export async function writeVersions(client: PoolClient, batchId: number, versions: NewVersion[]): Promise<number[]> {
  if (!versions.length) return [];
  const { rows } = await client.query<{ raw: string; rec: string }>(
    `SELECT string_agg(nextval('raw_records_id_seq')::text, ',') AS raw, string_agg(nextval('records_id_seq')::text, ',') AS rec
       FROM generate_series(1, $1::int)`,
    [versions.length],
  );
  const rawIds = rows[0].raw.split(",");
  const recordIds = rows[0].rec.split(",");
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
  const raw: string[] = [];
  const recs: string[] = [];
  const people: string[] = [];
  versions.forEach((v, i) => {
    const sealed = v.sealed;
    const key = `${copyText(v.channel)}\t${copyText(v.externalId)}`;
    const current = last.get(`${v.channel}\u0000${v.externalId}`) === i;
    raw.push(`${rawIds[i]}\t${key}\t${v.version}\t${batchId}\t${sealed.raw}\n`);
    recs.push(`${recordIds[i]}\t${rawIds[i]}\t${v.version}\t${current ? "t" : "f"}\t${key}\t${sealed.record}\n`);
    for (const p of sealed.people) people.push(`${recordIds[i]}\t${p}\n`);
  });
  await copyFrom(client, "raw_records", RAW_COLUMNS, Buffer.from(raw.join("")));
  await copyFrom(client, "records", RECORD_COLUMNS, Buffer.from(recs.join("")));
  if (people.length) await copyFrom(client, "record_people", PEOPLE_COLUMNS, Buffer.from(people.join("")));
  return recordIds.map(Number);
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
