// People named in a story but not in the record's own fields: the other side of a quarrel, named by full name
// (邻居应杰说…) or by surname and a title (楼上沈某家). Once a record is in a case, such a reference to one of the
// case's parties links that person to the record in the person index (role "other"), both ways: the new record's
// story naming earlier parties, and earlier stories naming the new record's people. A surname counts only when
// exactly one party of the case bears it.
import type { PoolClient } from "pg";
import { namesPerson, surnameReferences } from "./references.js";
import type { SidePerson } from "./score.js";

export interface StoryRecord {
  id: number;
  narrativeKey: string;
  people: Pick<SidePerson, "personId" | "fullName" | "surname" | "nameKey" | "company">[];
}

export interface NamedLink {
  recordId: number;
  personId: number;
  how: "full" | "surname";
  name: string;
}

/** The links to add: `records` are the case's records, the new one (`recordId`) among them. */
export function namedParties(records: StoryRecord[], recordId: number): NamedLink[] {
  const me = records.find((r) => r.id === recordId);
  const parties = new Map<number, StoryRecord["people"][number]>();
  for (const r of records) for (const p of r.people) if (!p.company && p.personId > 0) parties.set(p.personId, p);
  if (!me || parties.size < 2) return [];
  const mine = new Set(me.people.map((p) => p.personId));
  const links: NamedLink[] = [];
  for (const rec of records) {
    const own = new Set(rec.people.map((p) => p.personId));
    const wanted = [...parties.values()].filter((p) => !own.has(p.personId) && (rec.id === recordId || mine.has(p.personId)));
    if (!wanted.length) continue;
    let text = rec.narrativeKey;
    for (const p of rec.people) for (const n of [p.nameKey, p.fullName]) if (n && n.length >= 2) text = text.split(n).join("|");
    const refs = surnameReferences(text);
    for (const party of wanted) {
      const how = namesPerson(text, refs, { fullName: party.fullName, surname: party.surname ?? null });
      if (!how) continue;
      if (how === "surname" && [...parties.values()].filter((p) => p.surname === party.surname && !own.has(p.personId)).length !== 1) continue;
      links.push({ recordId: rec.id, personId: party.personId, how, name: how === "full" ? party.fullName! : `${party.surname}某` });
    }
  }
  return links;
}

export async function linkNamedParties(client: PoolClient, records: StoryRecord[], recordId: number): Promise<NamedLink[]> {
  const links = namedParties(records, recordId);
  if (links.length) {
    await client.query(
      `INSERT INTO record_people (record_id, role, name, name_key, title_only, person_id)
       SELECT r, 'other', n, n, t, p FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::int[]) AS u(r, n, t, p)`,
      [links.map((l) => l.recordId), links.map((l) => l.name), links.map((l) => l.how !== "full"), links.map((l) => l.personId)],
    );
  }
  return links;
}
