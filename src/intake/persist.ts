// Writing one chunk of intake in one transaction, set-based (a statement per table, arrays unnested), so that
// a million records take seconds, not hours. Raw pg here on purpose: drizzle's sql template would expand arrays.
import type { PoolClient } from "pg";
import type { Cipher } from "../personal-data/cipher.js";
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";
import type { StandardRecord } from "./standardise.js";

export interface NewVersion {
  record: StandardRecord;
  version: number;
  contentHash: string;
  rawText: string;
  origin: { file?: string; line?: number; index: number };
  regionNodeId: number | null;
  /** Encrypted and hashed forms, computed before the transaction (CPU work kept out of it). */
  sealed?: Sealed;
}

export interface SealedPerson {
  idEnc: string | null;
  idHash: string | null;
  idMasked: string | null;
  partialHash: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

export interface Sealed {
  rawEnc: string;
  people: SealedPerson[];
}

/** Encrypts the raw text and the people's numbers, hashes them for matching, masks them for display. */
export function seal(cipher: Cipher, record: StandardRecord, rawText: string): Sealed {
  return {
    rawEnc: cipher.encrypt(rawText),
    people: record.people.map((p) => {
      const idValid = p.idStatus === "full";
      const phoneValid = p.phoneStatus === "mobile" || p.phoneStatus === "landline";
      return {
        idEnc: p.idNumber ? cipher.encrypt(p.idNumber) : null,
        idHash: idValid ? cipher.hash(p.idNumber!) : null,
        idMasked: p.idNumber ? (p.idStatus === "masked" ? p.idNumber : maskIdNumber(p.idNumber)) : null,
        partialHash: p.idPartialKey ? cipher.hash(`partial:${p.idPartialKey}`) : null,
        phoneEnc: p.phone ? cipher.encrypt(p.phone) : null,
        phoneHash: phoneValid ? cipher.hash(p.phone!) : null,
        phoneMasked: p.phone ? maskPhone(p.phone) : null,
      };
    }),
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

export async function writeVersions(client: PoolClient, cipher: Cipher, batchId: number, versions: NewVersion[]): Promise<number[]> {
  if (!versions.length) return [];
  const raw = await client.query<{ id: number; channel: string; external_id: string; version: number }>(
    `INSERT INTO raw_records (channel, external_id, version, content_hash, raw_enc, batch_id, origin)
     SELECT channel, external_id, version, content_hash, raw_enc, $6, origin::jsonb
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $7::text[])
         AS t(channel, external_id, version, content_hash, raw_enc, origin)
     RETURNING id, channel, external_id, version`,
    [
      versions.map((v) => v.record.channel),
      versions.map((v) => v.record.externalId),
      versions.map((v) => v.version),
      versions.map((v) => v.contentHash),
      versions.map((v) => (v.sealed ??= seal(cipher, v.record, v.rawText)).rawEnc),
      batchId,
      versions.map((v) => JSON.stringify(v.origin)),
    ],
  );
  const rawIds = new Map(raw.rows.map((r) => [`${r.channel}\u0000${r.external_id}\u0000${r.version}`, r.id]));
  const corrected = versions.filter((v) => v.version > 1);
  if (corrected.length) {
    await client.query(
      `UPDATE records r SET is_current = false
         FROM unnest($1::text[], $2::text[]) AS k(channel, external_id)
        WHERE r.channel = k.channel AND r.external_id = k.external_id AND r.is_current`,
      [corrected.map((v) => v.record.channel), corrected.map((v) => v.record.externalId)],
    );
  }
  const recs = await client.query<{ id: number; raw_record_id: number }>(
    `INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words,
                          amount, people_count, address_text, address_normalised, region_node_id, address_status,
                          address_confidence, address_evidence, extra, flags)
     SELECT raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key,
            ARRAY(SELECT jsonb_array_elements_text(category_words::jsonb)), amount, people_count, address_text,
            address_normalised, region_node_id, address_status, address_confidence,
            ARRAY(SELECT jsonb_array_elements_text(address_evidence::jsonb)), extra::jsonb,
            ARRAY(SELECT jsonb_array_elements_text(flags::jsonb))
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                   $9::numeric[], $10::int[], $11::text[], $12::text[], $13::int[], $14::text[], $15::real[], $16::text[],
                   $17::text[], $18::text[])
         AS t(raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words, amount,
              people_count, address_text, address_normalised, region_node_id, address_status, address_confidence,
              address_evidence, extra, flags)
     RETURNING id, raw_record_id`,
    [
      versions.map((v) => rawIds.get(`${v.record.channel}\u0000${v.record.externalId}\u0000${v.version}`)),
      versions.map((v) => v.record.channel),
      versions.map((v) => v.record.externalId),
      versions.map((v) => v.version),
      versions.map((v) => v.record.reportedAt.toISOString()),
      versions.map((v) => v.record.narrative),
      versions.map((v) => v.record.narrativeKey),
      versions.map((v) => JSON.stringify(v.record.categoryWords)),
      versions.map((v) => v.record.amount),
      versions.map((v) => v.record.peopleCount),
      versions.map((v) => v.record.addressText),
      versions.map((v) => v.record.place.normalised || null),
      versions.map((v) => v.regionNodeId),
      versions.map((v) => v.record.place.status),
      versions.map((v) => v.record.place.confidence),
      versions.map((v) => JSON.stringify(v.record.place.evidence)),
      versions.map((v) => JSON.stringify(v.record.extra)),
      versions.map((v) => JSON.stringify(v.record.flags)),
    ],
  );
  const recordIdByRaw = new Map(recs.rows.map((r) => [Number(r.raw_record_id), Number(r.id)]));
  const recordIds = versions.map((v) => recordIdByRaw.get(rawIds.get(`${v.record.channel}\u0000${v.record.externalId}\u0000${v.version}`)!)!);
  await writePeople(client, cipher, versions, recordIds);
  return recordIds;
}

async function writePeople(client: PoolClient, cipher: Cipher, versions: NewVersion[], recordIds: number[]) {
  const cols: unknown[][] = Array.from({ length: 18 }, () => []);
  versions.forEach((v, i) => {
    const sealed = (v.sealed ??= seal(cipher, v.record, v.rawText));
    v.record.people.forEach((p, k) => {
      const z = sealed.people[k];
      const row = [
        recordIds[i], p.role, p.name, p.nameKey, p.titleOnly, p.isOrganisation,
        z.idEnc, z.idHash, z.idMasked, z.partialHash, p.idStatus,
        z.phoneEnc, z.phoneHash, z.phoneMasked, p.phoneStatus,
        p.companyName, p.creditCode, p.creditCodeValid,
      ];
      row.forEach((value, c) => cols[c].push(value));
    });
  });
  const addresses: (string | null)[] = [];
  versions.forEach((v) => v.record.people.forEach((p) => addresses.push(p.addressText)));
  if (!cols[0].length) return;
  await client.query(
    `INSERT INTO record_people (record_id, role, name, name_key, title_only, is_organisation, id_number_enc, id_number_hash,
                                id_number_masked, id_partial_hash, id_status, phone_enc, phone_hash, phone_masked,
                                phone_status, company_name, credit_code, credit_code_valid, address_text)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::bool[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                          $16::text[], $17::text[], $18::bool[], $19::text[])`,
    [...cols, addresses],
  );
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
