// The mediation force as team formation reads it for a proposal: every mediator's settled attributes (fields, tags,
// home, grade, leave, unit, the person-index facts of their person), held in memory per database and read again
// whenever a mediator row changes (row count and newest row version, checked on every use) or after a minute (the
// person index can change under a mediator without touching their row).
//
// Why a cache: with 10,000 mediators a case has ~2,500 candidates; reading them from PostgreSQL for each proposal
// costs more than the 50 ms a proposal may take. A proposal is advice: assigning a team (assign-team.ts) and asking
// for a mediator (requests.ts) read and check the chosen mediators afresh (load.ts `{ ids }`), never from here.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { MediatorGrade, MediatorKind } from "../kinds.js";
import { communityOf, type MediatorFacts } from "./score.js";

/** A mediator as the registry holds it: the facts scoring reads (less the per-case counts) and what conflicts need. */
export interface RegistryMediator extends Omit<MediatorFacts, "typeHandled" | "typeSucceeded" | "activeTeams"> {
  /** The community part of homePath (score.ts communityOf), worked out once. */
  homeCommunity: string | null;
  accountId: number | null;
  unitId: number | null;
  unitName: string | null;
  employerCreditCode: string | null;
  personId: number | null;
  personRootId: number | null;
  idNumberHash: string | null;
  phoneHash: string | null;
  surname: string | null;
  addressText: string | null;
}

const MAX_AGE_MS = 60_000;
const MAX_DATABASES = 8;
export interface Registry {
  all: RegistryMediator[];
  /** Active mediators by field (category code), and by home community path. */
  byField: Map<string, RegistryMediator[]>;
  byCommunity: Map<string, RegistryMediator[]>;
}
const cache = new Map<string, { version: string; at: number; registry: Registry }>();

function indexed(all: RegistryMediator[]): Registry {
  const byField = new Map<string, RegistryMediator[]>();
  const byCommunity = new Map<string, RegistryMediator[]>();
  const add = (map: Map<string, RegistryMediator[]>, key: string, m: RegistryMediator) => (map.get(key) ?? map.set(key, []).get(key)!).push(m);
  for (const m of all) {
    if (!m.active) continue;
    for (const f of m.fields) add(byField, f, m);
    if (m.homeCommunity) add(byCommunity, m.homeCommunity, m);
  }
  return { all, byField, byCommunity };
}

/** The database and the registry's version: row count and newest row version (xmin moves on every insert and
 *  update; the count catches deletes). A subquery, to ride along with another query. */
export const registryVersionSql = sql`(SELECT json_build_object('db', current_database(), 'n', count(*), 'x', coalesce(max(xmin::text::bigint), 0)::text) FROM mediators)`;
export interface RegistryVersion {
  db: string;
  n: number;
  x: string;
}

export async function mediatorRegistry(db: DbOrTx, known?: RegistryVersion, now = Date.now()): Promise<Registry> {
  const v = known ?? (await db.execute<{ version: RegistryVersion }>(sql`SELECT ${registryVersionSql} AS version`)).rows[0].version;
  const version = `${v.n}:${v.x}`;
  const hit = cache.get(v.db);
  if (hit && hit.version === version && now - hit.at < MAX_AGE_MS) return hit.registry;
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    SELECT m.id, m.name, m.kind, m.grade, m.gender, m.birth_year, m.fields, m.specialties, m.dialects, m.years_experience,
           hr.path AS home_path, m.active, m.leave_from::text AS leave_from, m.leave_to::text AS leave_to, m.account_id, m.unit_id,
           u.name AS unit_name, m.employer_credit_code, p.id AS person_id, coalesce(p.merged_into_id, p.id) AS person_root_id,
           p.id_number_hash, p.phone_hash, p.surname, p.address_text
      FROM mediators m
      LEFT JOIN region_nodes hr ON hr.id = m.home_region_node_id
      LEFT JOIN units u ON u.id = m.unit_id
      LEFT JOIN people p ON p.id = m.person_id`);
  const list: RegistryMediator[] = rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    kind: r.kind as MediatorKind,
    grade: r.grade as MediatorGrade,
    gender: r.gender as RegistryMediator["gender"],
    birthYear: r.birth_year as number | null,
    fields: r.fields as string[],
    specialties: r.specialties as string[],
    dialects: r.dialects as string[],
    yearsExperience: r.years_experience as number,
    homePath: r.home_path as string | null,
    homeCommunity: r.home_path ? communityOf(r.home_path as string) : null,
    active: r.active as boolean,
    leaveFrom: r.leave_from as string | null,
    leaveTo: r.leave_to as string | null,
    accountId: r.account_id as number | null,
    unitId: r.unit_id as number | null,
    unitName: r.unit_name as string | null,
    employerCreditCode: r.employer_credit_code as string | null,
    personId: r.person_id as number | null,
    personRootId: r.person_root_id as number | null,
    idNumberHash: r.id_number_hash as string | null,
    phoneHash: r.phone_hash as string | null,
    surname: r.surname as string | null,
    addressText: r.address_text as string | null,
  }));
  cache.delete(v.db);
  const registry = indexed(list);
  cache.set(v.db, { version, at: now, registry });
  if (cache.size > MAX_DATABASES) cache.delete(cache.keys().next().value!);
  return registry;
}
