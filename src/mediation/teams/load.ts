// The facts team formation scores with: the case (place, words, parties) in one query, and the candidate mediators
// with their record in the case's type and their current load in one more — for a proposal the candidates' settled
// attributes come from the registry in memory (registry.ts), for an assignment from the database.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import type { MediatorGrade, MediatorKind } from "../kinds.js";
import type { MediatorTies, PartyFacts } from "./conflicts.js";
import { mediatorRegistry, registryVersionSql, type RegistryVersion } from "./registry.js";
import { beijingDate, communityOf, type CaseFacts, type MediatorFacts } from "./score.js";

/** Region code of 慈溪市: parties living there speak 慈溪话. */
const LOCAL_COUNTY = "330282";
const MAX_NARRATIVES = 20;

export interface CaseContext {
  case: { id: number; code: string; title: string; category: string | null; leadUnitId: number | null; mediationStage: string | null };
  facts: CaseFacts;
  parties: PartyFacts[];
}

export async function loadCaseContext(db: DbOrTx, caseId: number, now: Date): Promise<CaseContext> {
  const { rows } = await db.execute<{
    id: number; code: string; title: string; category: string | null; lead_unit_id: number | null; mediation_stage: string | null;
    path: string; narratives: string | null; parties: PartyFacts[] | null;
  }>(sql`
    SELECT c.id, c.code, c.title, c.category, c.lead_unit_id, c.mediation_stage, rn.path,
           (SELECT string_agg(x.narrative, ' ') FROM (SELECT r.narrative FROM records r WHERE r.case_id = c.id AND r.is_current
                                                      ORDER BY r.reported_at DESC LIMIT ${MAX_NARRATIVES}) x) AS narratives,
           (SELECT json_agg(json_build_object(
                     'personId', p.id, 'rootId', coalesce(p.merged_into_id, p.id), 'role', cp.role, 'name', p.name, 'kind', p.kind,
                     'idNumberHash', p.id_number_hash, 'phoneHash', p.phone_hash, 'surname', p.surname, 'addressText', p.address_text,
                     'creditCode', p.credit_code, 'homePath', coalesce(pr.path, pc.path)))
              FROM case_parties cp JOIN people p ON p.id = cp.person_id
              LEFT JOIN region_nodes pr ON pr.id = p.region_node_id LEFT JOIN region_nodes pc ON pc.id = p.community_id
             WHERE cp.case_id = c.id) AS parties
      FROM cases c JOIN region_nodes rn ON rn.id = c.region_node_id
     WHERE c.id = ${caseId}`);
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND");
  const parties = row.parties ?? [];
  const homes = parties.map((p) => p.homePath).filter((p): p is string => p != null);
  const countyOf = (p: string) => p.split("/")[2];
  return {
    case: { id: row.id, code: row.code, title: row.title, category: row.category, leadUnitId: row.lead_unit_id, mediationStage: row.mediation_stage },
    parties,
    facts: {
      caseId: row.id,
      category: row.category,
      text: `${row.title} ${row.narratives ?? ""}`,
      placePaths: [row.path, ...new Set(homes)],
      localParties: (homes.length ? homes : [row.path]).some((p) => countyOf(p) === LOCAL_COUNTY),
      date: beijingDate(now),
    },
  };
}

export interface Candidate extends MediatorFacts, MediatorTies {
  accountId: number | null;
  unitId: number | null;
}

/**
 * Mediators with the facts to score them. `pool`: the active mediators of the case's type or living in a community
 * of the case (place or a party's home), from the in-memory registry. `ids`: exactly these (active or not), read
 * afresh, for an assignment or a request: `fields` then holds only the case's type when the mediator takes it, and the
 * mediator's person-index columns come only when they could tie the mediator to a party (conflictsOf decides).
 */
export async function loadCandidates(db: DbOrTx, context: Pick<CaseContext, "facts" | "parties">, which: { pool: true } | { ids: number[] }): Promise<Candidate[]> {
  const { facts, parties } = context;
  if ("pool" in which) return poolCandidates(db, facts);
  if (!which.ids.length) return [];
  const where = sql`m.id = ANY(${sql.param(which.ids.map(Number))}::int[])`;
  const personIds = [...new Set(parties.flatMap((p) => [p.personId, p.rootId]))];
  const idHashes = parties.map((p) => p.idNumberHash).filter((x): x is string => x != null);
  const phoneHashes = parties.map((p) => p.phoneHash).filter((x): x is string => x != null);
  const surnames = parties.map((p) => p.surname).filter((x): x is string => x != null);
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    WITH cand AS (
      SELECT m.id, m.name, m.kind, m.grade, m.gender, m.birth_year, m.fields && ARRAY[${facts.category ?? ""}]::text[] AS in_field,
             m.specialties, m.dialects, m.years_experience, m.home_region_node_id, m.active, m.leave_from::text AS leave_from,
             m.leave_to::text AS leave_to, m.account_id, m.unit_id, m.person_id, m.employer_credit_code
        FROM mediators m WHERE ${where}),
    ${figureCtes(facts)}
    SELECT ${sql.raw(COLUMNS.map(([alias, expr]) => `${expr} AS ${alias}`).join(", "))}
      FROM cand
      LEFT JOIN region_nodes hr ON hr.id = cand.home_region_node_id
      LEFT JOIN units u ON u.id = cand.unit_id
      -- Through the primary key per candidate (the people table is large); only rows that could tie them to a party.
      LEFT JOIN LATERAL (
        SELECT p.id, p.merged_into_id, p.id_number_hash, p.phone_hash, p.surname, p.address_text FROM people p
         WHERE p.id = cand.person_id
           AND (p.id = ANY(${sql.param(personIds)}::int[]) OR p.merged_into_id = ANY(${sql.param(personIds)}::int[])
                OR p.id_number_hash = ANY(${sql.param(idHashes)}::text[]) OR p.phone_hash = ANY(${sql.param(phoneHashes)}::text[])
                OR p.surname = ANY(${sql.param(surnames)}::text[]))) mp ON true
      LEFT JOIN history h ON h.mediator_id = cand.id
      LEFT JOIN load l ON l.mediator_id = cand.id`);
  const list = (v: unknown) => (v ? (v as string).split("|") : []);
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    kind: r.kind as MediatorKind,
    grade: r.grade as MediatorGrade,
    gender: r.gender as Candidate["gender"],
    birthYear: r.birth_year as number | null,
    fields: r.in_field && facts.category ? [facts.category] : [],
    specialties: list(r.specialties),
    dialects: list(r.dialects),
    yearsExperience: r.years_experience as number,
    homePath: r.home_path as string | null,
    active: r.active as boolean,
    leaveFrom: r.leave_from as string | null,
    leaveTo: r.leave_to as string | null,
    typeHandled: r.handled as number,
    typeSucceeded: r.succeeded as number,
    activeTeams: r.active_teams as number,
    accountId: r.account_id as number | null,
    unitId: r.unit_id as number | null,
    personId: r.tied_person_id as number | null,
    personRootId: r.person_root_id as number | null,
    idNumberHash: r.id_number_hash as string | null,
    phoneHash: r.phone_hash as string | null,
    surname: r.surname as string | null,
    addressText: r.address_text as string | null,
    employerCreditCode: r.employer_credit_code as string | null,
    unitName: r.unit_name as string | null,
  }));
}

/** The columns read per candidate. Tags come joined with "|" (cheaper to read than arrays; a tag never holds one). */
const COLUMNS: [string, string][] = [
  ["id", "cand.id"], ["name", "cand.name"], ["kind", "cand.kind"], ["grade", "cand.grade"], ["gender", "cand.gender"],
  ["birth_year", "cand.birth_year"], ["in_field", "cand.in_field"], ["specialties", "array_to_string(cand.specialties, '|')"],
  ["dialects", "array_to_string(cand.dialects, '|')"], ["years_experience", "cand.years_experience"], ["home_path", "hr.path"],
  ["active", "cand.active"], ["leave_from", "cand.leave_from"], ["leave_to", "cand.leave_to"], ["account_id", "cand.account_id"],
  ["unit_id", "cand.unit_id"], ["employer_credit_code", "cand.employer_credit_code"], ["unit_name", "u.name"],
  ["tied_person_id", "mp.id"], ["person_root_id", "coalesce(mp.merged_into_id, mp.id)"], ["id_number_hash", "mp.id_number_hash"],
  ["phone_hash", "mp.phone_hash"], ["surname", "mp.surname"], ["address_text", "mp.address_text"],
  ["handled", "coalesce(h.handled, 0)::int"], ["succeeded", "coalesce(h.succeeded, 0)::int"], ["active_teams", "coalesce(l.active_teams, 0)::int"],
];

/**
 * CTEs `history` (mediator_id, handled, succeeded: cases of this type on past teams) and `load` (mediator_id,
 * active_teams), read from the teams — a few thousand rows at most — whatever the candidates.
 */
function figureCtes(facts: CaseFacts): SQL {
  return sql`
    -- Success as the force's figures count it (force/figures.ts): a signed agreement, or the case resolved/closed.
    typed AS (
      SELECT tm.mediator_id, t.case_id, bool_or(t.status = 'released') AS released,
             (c.status IN ('resolved', 'closed') OR EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = t.case_id AND a.signed_at IS NOT NULL)) AS succeeded
        FROM mediation_teams t JOIN cases c ON c.id = t.case_id JOIN mediation_team_members tm ON tm.team_id = t.id
       WHERE c.category = ${facts.category} AND t.case_id <> ${facts.caseId}
       GROUP BY tm.mediator_id, t.case_id, c.status),
    history AS (
      SELECT mediator_id, count(*) FILTER (WHERE released OR succeeded) AS handled, count(*) FILTER (WHERE succeeded) AS succeeded
        FROM typed GROUP BY mediator_id),
    load AS (
      SELECT tm.mediator_id, count(*) AS active_teams
        FROM mediation_teams t JOIN mediation_team_members tm ON tm.team_id = t.id
       WHERE t.status = 'active' AND t.case_id <> ${facts.caseId}
         AND EXISTS (SELECT 1 FROM cases c WHERE c.id = t.case_id AND c.status IN ('open', 'in_progress'))
       GROUP BY tm.mediator_id)`;
}

/** The pool for a proposal, from the registry in memory (registry.ts) with fresh history and load. */
async function poolCandidates(db: DbOrTx, facts: CaseFacts): Promise<Candidate[]> {
  const communities = new Set(facts.placePaths.map(communityOf).filter((p): p is string => p != null));
  // The registry's version comes with the figures: one round trip when the registry is current.
  const { rows } = await db.execute<{ version: RegistryVersion; mediator_id: number | null; handled: number; succeeded: number; active_teams: number }>(sql`
    WITH ${figureCtes(facts)}
    SELECT ${registryVersionSql} AS version, f.* FROM (SELECT 1) one LEFT JOIN (
      SELECT coalesce(h.mediator_id, l.mediator_id) AS mediator_id, coalesce(h.handled, 0)::int AS handled,
             coalesce(h.succeeded, 0)::int AS succeeded, coalesce(l.active_teams, 0)::int AS active_teams
        FROM history h FULL JOIN load l ON l.mediator_id = h.mediator_id) f ON true`);
  const registry = await mediatorRegistry(db, rows[0].version);
  const pool = [...new Set([...(facts.category ? (registry.byField.get(facts.category) ?? []) : []), ...[...communities].flatMap((c) => registry.byCommunity.get(c) ?? [])])];
  const figures = new Map(rows.filter((r) => r.mediator_id != null).map((r) => [r.mediator_id!, r]));
  // Written out rather than spread: thousands of spreads of a wide object cost more than the rest of a proposal.
  return pool.map((m) => {
    const f = figures.get(m.id);
    return {
      id: m.id, name: m.name, kind: m.kind, grade: m.grade, gender: m.gender, birthYear: m.birthYear, fields: m.fields, specialties: m.specialties,
      dialects: m.dialects, yearsExperience: m.yearsExperience, homePath: m.homePath, active: m.active, leaveFrom: m.leaveFrom, leaveTo: m.leaveTo,
      typeHandled: f?.handled ?? 0, typeSucceeded: f?.succeeded ?? 0, activeTeams: f?.active_teams ?? 0,
      accountId: m.accountId, unitId: m.unitId, personId: m.personId, personRootId: m.personRootId, idNumberHash: m.idNumberHash,
      phoneHash: m.phoneHash, surname: m.surname, addressText: m.addressText, employerCreditCode: m.employerCreditCode, unitName: m.unitName,
    };
  });
}
