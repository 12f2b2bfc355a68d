// The person index: each name in a record is linked to one person, however it was written.
// Strongest evidence first: ID number, credit code, phone (with a compatible name), masked ID + phone or surname,
// then full name within the same community. A bare title (王先生, 李某) with no number names nobody yet: case
// formation links it to the case's party with that surname, and a full name new to its community to the case's party of
// that name (cases/formation/link-people.ts).
import type { PoolClient } from "pg";

export interface Mention {
  id: number;
  recordId: number;
  role: string;
  name: string | null;
  nameKey: string | null;
  titleOnly: boolean;
  isOrganisation: boolean;
  idNumberHash: string | null;
  idPartialHash: string | null;
  phoneHash: string | null;
  creditCode: string | null;
  creditCodeValid: boolean | null;
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
  /** mobile / landline / invalid / empty: a mobile number is one person's, a landline a household's. */
  phoneStatus?: string | null;
  addressText: string | null;
}

interface PersonRow {
  id: number;
  name: string;
  name_key: string | null;
  surname: string | null;
  id_number_hash: string | null;
  phone_hash: string | null;
  credit_code: string | null;
  community_id: number | null;
}

export interface PersonLink {
  personId: number;
  how: "id_number" | "credit_code" | "phone" | "partial_id" | "name_address" | "company_name" | "new";
}

export function surnameOf(nameKey: string | null): string | null {
  if (!nameKey) return null;
  const compound = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"];
  const two = nameKey.slice(0, 2);
  if (compound.includes(two)) return two;
  const stripped = nameKey.replace(/^[老小阿]/, "");
  return stripped ? stripped[0] : null;
}

/**
 * Names agree when equal, or when one side is only a title (王先生; stored with no name key) whose surname matches
 * the other's. People known only by a title keep name_key null.
 */
function compatible(m: Mention, p: PersonRow): boolean {
  const mFull = m.nameKey && !m.titleOnly ? m.nameKey : null;
  const ms = m.isOrganisation ? null : surnameOf(m.nameKey);
  if (mFull && p.name_key) return mFull === p.name_key;
  if (!ms || !p.surname) return true;
  return ms === p.surname;
}

const SELECT = `SELECT id, name, name_key, surname, id_number_hash, phone_hash, credit_code, community_id FROM people WHERE merged_into_id IS NULL AND `;

/**
 * Finds or creates the person a mention names; null for a bare title without numbers (linked later). With
 * `deferNameOnly`, a full name without numbers that matches nobody in its community is not created either: case
 * formation first looks for that name among the parties of the case the record joins (createPerson otherwise).
 */
export async function resolveMention(client: PoolClient, m: Mention, communityId: number | null, opts: { deferNameOnly?: boolean } = {}): Promise<PersonLink | null> {
  // One indexed query for every key the mention carries; the order of evidence is applied below.
  const fullName = m.nameKey && !m.titleOnly && m.nameKey.length >= 2 ? m.nameKey : null;
  const { rows } = await client.query<PersonRow & { kind: string; id_partial_hash: string | null }>(
    `${SELECT.replace("SELECT id,", "SELECT id, kind, id_partial_hash,")}(
        id_number_hash = $1 OR credit_code = $2 OR phone_hash = $3 OR id_partial_hash = $4
        OR (name_key = $5 AND (community_id = $6 OR kind = 'company'))) LIMIT 50`,
    [m.idNumberHash, m.creditCode && m.creditCodeValid ? m.creditCode : null, m.phoneHash, m.idPartialHash, fullName ?? (m.isOrganisation ? m.nameKey : null), communityId],
  );
  if (m.idNumberHash) {
    const p = rows.find((r) => r.id_number_hash === m.idNumberHash);
    if (p) return enrich(client, p, m, "id_number");
  }
  if (m.creditCode && m.creditCodeValid) {
    const p = rows.find((r) => r.credit_code === m.creditCode);
    if (p) return enrich(client, p, m, "credit_code");
  }
  if (m.phoneHash) {
    const found = rows.filter((p) => p.phone_hash === m.phoneHash && compatible(m, p) && !(m.idNumberHash && p.id_number_hash && p.id_number_hash !== m.idNumberHash));
    if (found.length) return enrich(client, found.find((p) => p.name_key === m.nameKey) ?? found[0], m, "phone");
  }
  if (m.idPartialHash && (m.phoneHash || m.nameKey)) {
    const found = rows.filter((p) => p.id_partial_hash === m.idPartialHash && compatible(m, p));
    if (found.length === 1) return enrich(client, found[0], m, "partial_id");
  }
  if (m.isOrganisation && m.nameKey) {
    const p = rows.find((r) => r.kind === "company" && r.name_key === m.nameKey);
    if (p) return enrich(client, p, m, "company_name");
  } else if (fullName && communityId != null) {
    // A full name alone is common; together with the community it is good evidence, unless numbers disagree.
    const found = rows.filter(
      (p) => p.name_key === fullName && p.community_id === communityId && !(m.idNumberHash && p.id_number_hash) && !(m.phoneHash && p.phone_hash && p.phone_hash !== m.phoneHash),
    );
    if (found.length === 1) return enrich(client, found[0], m, "name_address");
  }
  const numbered = m.idNumberHash || m.phoneHash || (m.creditCode && m.creditCodeValid) || m.idPartialHash;
  if (!numbered && (!(m.nameKey && !m.titleOnly) || (opts.deferNameOnly && !m.isOrganisation))) return null;
  return { personId: await createPerson(client, m, communityId), how: "new" };
}

/** A new person (or company) from a mention, numbers as the mention carries them. */
export async function createPerson(client: PoolClient, m: Mention, communityId: number | null): Promise<number> {
  const created = await client.query<{ id: number }>(
    `INSERT INTO people (kind, name, name_key, surname, id_number_enc, id_number_hash, id_number_masked, id_partial_hash,
                         phone_enc, phone_hash, phone_masked, credit_code, address_text, community_id, region_node_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [
      m.isOrganisation ? "company" : "person",
      m.name ?? "（未具名）",
      m.titleOnly ? null : m.nameKey,
      m.isOrganisation ? null : surnameOf(m.nameKey),
      m.idNumberHash ? m.idNumberEnc : null,
      m.idNumberHash,
      m.idNumberHash ? m.idNumberMasked : null,
      m.idPartialHash,
      m.phoneHash ? m.phoneEnc : null,
      m.phoneHash,
      m.phoneHash ? m.phoneMasked : null,
      m.creditCodeValid ? m.creditCode : null,
      m.addressText,
      communityId,
    ],
  );
  return created.rows[0].id;
}

/** Links a mention to a person found another way (by the case it belongs to): the person learns its numbers. */
export async function linkToPerson(client: PoolClient, personId: number, m: Mention, how: PersonLink["how"]): Promise<PersonLink> {
  const { rows } = await client.query<PersonRow>(`SELECT id, name, name_key, surname, id_number_hash, phone_hash, credit_code, community_id FROM people WHERE id = $1`, [personId]);
  return enrich(client, rows[0], m, how);
}

/** A person found by one key learns the others the mention carries (a full name for a title, a phone …). */
async function enrich(client: PoolClient, p: PersonRow, m: Mention, how: PersonLink["how"]): Promise<PersonLink> {
  const betterName = m.nameKey && !m.titleOnly && (!p.name_key || p.name_key.length < m.nameKey.length);
  await client.query(
    `UPDATE people SET
       name = CASE WHEN $2 THEN $3 ELSE name END,
       name_key = CASE WHEN $2 THEN $4 ELSE name_key END,
       surname = COALESCE(surname, $5),
       id_number_hash = COALESCE(id_number_hash, $6), id_number_enc = COALESCE(id_number_enc, $7), id_number_masked = COALESCE(id_number_masked, $8),
       id_partial_hash = COALESCE(id_partial_hash, $9),
       phone_hash = COALESCE(phone_hash, $10), phone_enc = COALESCE(phone_enc, $11), phone_masked = COALESCE(phone_masked, $12),
       credit_code = COALESCE(credit_code, $13)
     WHERE id = $1`,
    [
      p.id, Boolean(betterName), m.name, m.nameKey, m.isOrganisation ? null : surnameOf(m.nameKey),
      m.idNumberHash, m.idNumberHash ? m.idNumberEnc : null, m.idNumberHash ? m.idNumberMasked : null, m.idPartialHash,
      m.phoneHash, m.phoneHash ? m.phoneEnc : null, m.phoneHash ? m.phoneMasked : null, m.creditCodeValid ? m.creditCode : null,
    ],
  );
  return { personId: p.id, how };
}
