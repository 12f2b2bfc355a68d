// Linking a record's people once its case is known: mentions without numbers go to the case's party they name
// (王先生 → the party surnamed 王; a full name new to its community → the party of that name), a person the record
// just added under a full name the case already knows is folded into that party, and people named only in a story
// are linked to the record (see named-parties.ts). Works from the case's records already loaded for scoring.
import type { PoolClient } from "pg";
import { createPerson, linkToPerson, type Mention } from "../../people/resolve-people.js";
import { namesake, type SidePerson } from "./score.js";

/** The case's individual parties as scoring saw them (its most recent records). */
export type CaseParty = Pick<SidePerson, "personId" | "fullName" | "surname" | "company" | "mobile">;

function onlyParty(parties: CaseParty[], match: (p: CaseParty) => boolean): number | null {
  const ids = new Set(parties.filter((p) => !p.company && p.personId > 0 && match(p)).map((p) => p.personId));
  return ids.size === 1 ? [...ids][0] : null;
}

/**
 * Mentions without numbers: 王先生 / 李某 → the case's one party with that surname; a full name → the case's one
 * party of that name. Otherwise a person of their own. Returns mention id → person id.
 */
export async function linkBareMentions(client: PoolClient, parties: CaseParty[], bare: (Mention & { surname: string | null })[], communityId: number | null) {
  const linked = new Map<number, number>();
  for (const m of bare) {
    const fullName = m.nameKey && !m.titleOnly && !m.isOrganisation ? m.nameKey : null;
    let personId = fullName ? onlyParty(parties, (p) => p.fullName === fullName) : m.surname ? onlyParty(parties, (p) => p.surname === m.surname) : null;
    if (personId != null && fullName) await linkToPerson(client, personId, m, "name_address");
    if (personId == null && fullName) personId = await createPerson(client, m, communityId);
    if (personId == null) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO people (kind, name, name_key, surname) VALUES ('person', $1, NULL, $2) RETURNING id`,
        [m.name ?? "（未具名）", m.surname],
      );
      personId = rows[0].id;
    }
    linked.set(m.id, personId);
  }
  return linked;
}

/**
 * A person this record just added to the index under a full name (another phone, another community) who is
 * already a party of the case by that name (and no mobile or ID number says otherwise): the same person. The new entry is
 * folded into the party, which learns the numbers it carried where it had none. Returns new person id → party.
 */
export async function foldFreshPeople(client: PoolClient, parties: CaseParty[], fresh: { m: Mention; personId: number }[]) {
  const folded = new Map<number, number>();
  for (const { m, personId } of fresh) {
    const me = { fullName: m.nameKey, mobile: m.phoneStatus === "mobile" ? m.phoneHash : null } as SidePerson;
    const party = onlyParty(parties, (p) => p.personId !== personId && namesake(me, p as SidePerson));
    if (party == null) continue;
    const { rows } = await client.query<{ conflict: boolean }>(
      `SELECT (a.id_number_hash IS NOT NULL AND b.id_number_hash IS NOT NULL AND a.id_number_hash <> b.id_number_hash) AS conflict
         FROM people a, people b WHERE a.id = $1 AND b.id = $2`,
      [personId, party],
    );
    if (rows[0]?.conflict) continue;
    // The entry was made a moment ago, for this record only: nothing else points at it.
    await client.query(`DELETE FROM people WHERE id = $1`, [personId]);
    await linkToPerson(client, party, m, "name_address");
    folded.set(personId, party);
  }
  return folded;
}
