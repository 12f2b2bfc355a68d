// Forming cases, one record at a time: link its people, find candidate cases through indexes (shared people,
// parties bearing a name the record gives, the same grid within a time window), score them, then join the best,
// queue a possible duplicate for staff, or open a new case — a recurrence when the matching case was already
// closed. Once the case is known, the record's people are linked with its parties in mind (link-people.ts,
// named-parties.ts).
import type { PoolClient } from "pg";
import { resolveMention, surnameOf, type Mention } from "../../people/resolve-people.js";
import type { MatchEvidence } from "../schema.js";
import { scoreAgainstCase, THRESHOLDS, type Side, type SidePerson } from "./score.js";
import { linkNamedParties } from "./named-parties.js";
import { foldFreshPeople, linkBareMentions } from "./link-people.js";
import { possibleNames } from "./references.js";
import type { TreeIndex } from "./tree.js";
import { AT_HOME, placeFromParties, type InferredPlace } from "./place-from-parties.js";
import type { CategoryCode } from "../categories.js";
import { TRIAGE_CONFIDENCE as TRIAGE_BELOW } from "../../classifier/triage.js";

export interface FormationDeps {
  tree: TreeIndex;
  /** The dispute type of a case's text; absent until a model is loaded. */
  classify?: (text: string, channelWords: string[]) => { category: string; confidence: number };
  thresholds?: { join: number; review: number };
}

export interface RecordRow {
  id: number;
  channel: string;
  external_id: string;
  version: number;
  reported_at: Date;
  narrative: string;
  narrative_key: string;
  region_node_id: number | null;
  category_words: string[];
  /** Null when the place was only read from the story: good enough to show, too weak to match on. */
  address_text?: string | null;
}

export type Decision = { caseId: number; decision: "new_case" | "joined" | "recurrence" | "correction"; score: number };

/**
 * Cases in the record's grid are candidates within this many days. Beyond it the time gap weighs against a match
 * that place and text alone would have to carry; the cases of the record's people are candidates at any distance.
 */
const CASE_WINDOW_DAYS = 45;
/** Channels whose address is where the matter is (others often give the caller's home). */
const PLACE_CHANNELS = ["110", "12345", "81890", "ldbz", "grid", "window", "portal"];

export async function formRecord(client: PoolClient, deps: FormationDeps, rec: RecordRow): Promise<Decision> {
  const thresholds = deps.thresholds ?? THRESHOLDS;
  const communityId = deps.tree.communityOf(rec.region_node_id);
  const mentions = await loadMentions(client, [rec.id]);
  const linked: SidePerson[] = [];
  const bare: (Mention & { surname: string | null })[] = [];
  /** People new to the index, known by a full name: the case this record joins may already know them by it. */
  const fresh: { m: Mention; personId: number }[] = [];
  const found = new Map<number, number>();
  for (const m of mentions) {
    const link = await resolveMention(client, m, communityId, { deferNameOnly: true });
    if (!link) {
      bare.push({ ...m, surname: surnameOf(m.nameKey) });
      // A full name without numbers, unknown in this community: it still counts as a named party when scoring.
      if (m.nameKey && !m.titleOnly && !m.isOrganisation) linked.push(sideOf(m, -m.id));
      continue;
    }
    found.set(m.id, link.personId);
    linked.push(sideOf(m, link.personId));
    if (link.how === "new" && m.nameKey && !m.titleOnly && !m.isOrganisation) fresh.push({ m, personId: link.personId });
  }
  await setPeople(client, found);
  // Names to look cases up by: the record's own names new to the index, and the names its story may give.
  const ownNames = new Set(linked.map((p) => p.fullName));
  const lookupNames = [
    ...new Set([
      ...linked.filter((p) => p.personId < 0 || fresh.some((f) => f.personId === p.personId)).map((p) => p.fullName!),
      ...possibleNames(rec.narrative_key).filter((n) => !ownNames.has(n)),
    ]),
  ];
  const me: Side & { category: string | null; id: number } = {
    id: rec.id, narrativeKey: rec.narrative_key, regionNodeId: rec.address_text === null ? null : rec.region_node_id, placeIsMatter: PLACE_CHANNELS.includes(rec.channel), reportedAt: rec.reported_at,
    categoryWords: rec.category_words, people: linked, category: null,
  };
  const people = { me, bare, fresh, communityId };

  if (rec.version > 1) {
    const { rows } = await client.query<{ case_id: number }>(
      `SELECT case_id FROM records WHERE channel = $1 AND external_id = $2 AND case_id IS NOT NULL AND id <> $3 ORDER BY version DESC LIMIT 1`,
      [rec.channel, rec.external_id, rec.id],
    );
    if (rows[0]) {
      const sides = (await loadCaseSides(client, [rows[0].case_id])).get(rows[0].case_id);
      return finish(client, deps, rec, rows[0].case_id, "correction", 1, [{ kind: "time", detail: "同一记录的更正版本", weight: 1 }], null, people, sides?.records ?? []);
    }
  }

  const candidates = await candidateCases(client, deps.tree, rec, linked.map((p) => p.personId).filter((id) => id > 0), lookupNames);
  // The record's own dispute type (when confident) tells a shared person's other matters apart.
  const own = deps.classify?.(rec.narrative, rec.category_words);
  me.category = own && own.confidence >= 0.6 ? own.category : null;
  let best: { caseId: number; score: number; evidence: MatchEvidence[]; matched: number | null; case: CaseSides } | null = null;
  if (candidates.length) {
    for (const [caseId, c] of await loadCaseSides(client, candidates)) {
      const s = scoreAgainstCase(me, c.records, deps.tree, c.category);
      if (!best || s.score > best.score) best = { caseId, score: s.score, evidence: s.evidence, matched: s.matchedRecordId, case: c };
    }
  }
  if (best && best.score >= thresholds.join) {
    const closed = best.case.closedAt;
    if (closed && rec.reported_at > closed) {
      const caseId = await openCase(client, deps, rec, { recurrenceOf: best.caseId, root: best.case.rootCaseId ?? best.caseId });
      // A flare-up of the same dispute: its people are the earlier case's parties.
      return finish(client, deps, rec, caseId, "recurrence", best.score, best.evidence, best.matched, people, best.case.records);
    }
    return finish(client, deps, rec, best.caseId, "joined", best.score, best.evidence, best.matched, people, best.case.records);
  }
  const caseId = await openCase(client, deps, rec, {});
  if (best && best.score >= thresholds.review) {
    await client.query(
      `INSERT INTO possible_duplicates (record_id, case_id, candidate_case_id, score, evidence) VALUES ($1, $2, $3, $4, $5)`,
      [rec.id, caseId, best.caseId, best.score, JSON.stringify(best.evidence)],
    );
  }
  return finish(client, deps, rec, caseId, "new_case", best?.score ?? 0, best?.evidence ?? [], null, people, []);
}

function sideOf(m: Pick<Mention, "idNumberHash" | "phoneHash" | "phoneStatus" | "creditCode" | "creditCodeValid" | "nameKey" | "name" | "titleOnly" | "isOrganisation">, personId: number): SidePerson {
  return {
    personId,
    strong: Boolean(m.idNumberHash || m.phoneHash || (m.creditCode && m.creditCodeValid)),
    named: Boolean(m.nameKey && !m.titleOnly && m.nameKey.length >= 2),
    company: m.isOrganisation,
    fullName: m.nameKey && !m.titleOnly && !m.isOrganisation ? m.nameKey : null,
    nameKey: m.nameKey ?? m.name,
    surname: m.isOrganisation ? null : surnameOf(m.nameKey ?? m.name),
    mobile: m.phoneStatus === "mobile" ? m.phoneHash : null,
  };
}

/** Mention id → person id, in one statement. */
async function setPeople(client: PoolClient, links: Map<number, number>) {
  if (!links.size) return;
  await client.query(
    `UPDATE record_people rp SET person_id = u.p FROM unnest($1::bigint[], $2::int[]) AS u(id, p) WHERE rp.id = u.id`,
    [[...links.keys()], [...links.values()]],
  );
}

export async function loadMentions(client: PoolClient, recordIds: number[]): Promise<Mention[]> {
  const { rows } = await client.query(
    `SELECT id, record_id AS "recordId", role, name, name_key AS "nameKey", title_only AS "titleOnly", is_organisation AS "isOrganisation",
            id_number_hash AS "idNumberHash", id_partial_hash AS "idPartialHash", phone_hash AS "phoneHash", credit_code AS "creditCode",
            credit_code_valid AS "creditCodeValid", id_number_enc AS "idNumberEnc", id_number_masked AS "idNumberMasked",
            phone_enc AS "phoneEnc", phone_masked AS "phoneMasked", phone_status AS "phoneStatus", address_text AS "addressText", person_id AS "personId"
       FROM record_people WHERE record_id = ANY($1) ORDER BY id`,
    [recordIds],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), recordId: Number(r.recordId) }));
}

/** Cases of the record's people ($1 person ids). Exported so a test can check the plan uses indexes. */
export const CANDIDATES_BY_PEOPLE = `SELECT DISTINCT r.case_id FROM record_people rp JOIN records r ON r.id = rp.record_id
        WHERE rp.person_id = ANY($1) AND r.case_id IS NOT NULL AND r.is_current LIMIT 50`;
/** Cases with a party of one of these full names ($1 name keys), wherever seen: names new to the community, names in the story. */
export const CANDIDATES_BY_NAME = `SELECT DISTINCT r.case_id FROM people p JOIN record_people rp ON rp.person_id = p.id JOIN records r ON r.id = rp.record_id
        WHERE p.name_key = ANY($1) AND p.kind = 'person' AND p.merged_into_id IS NULL AND r.case_id IS NOT NULL AND r.is_current LIMIT 30`;
/**
 * Cases with a record in the grid's nodes ($1) within the time window ($2, $3), the 40 nearest in time to the
 * window's middle (the record's own time) when a busy grid has more. Grouping before ordering also keeps the
 * planner on the (region, time) index: a bare DISTINCT … LIMIT tempted it to walk every case in id order.
 */
export const CANDIDATES_BY_PLACE = `SELECT case_id FROM (
          SELECT case_id, min(abs(extract(epoch FROM reported_at - ($2::timestamptz + ($3::timestamptz - $2::timestamptz) / 2)))) AS gap
            FROM records WHERE region_node_id = ANY($1) AND reported_at BETWEEN $2 AND $3 AND case_id IS NOT NULL AND is_current
           GROUP BY case_id ORDER BY gap LIMIT 40) nearest`;
/** The three in one round trip ($1 people, $2 names, $3 nodes, $4–$5 window). */
const CANDIDATES = `SELECT case_id FROM (${CANDIDATES_BY_PEOPLE}) a UNION SELECT case_id FROM (${CANDIDATES_BY_NAME.replaceAll("$1", "$2")}) b
        UNION SELECT case_id FROM (${CANDIDATES_BY_PLACE.replaceAll("$3", "$5").replaceAll("$2", "$4").replaceAll("$1", "$3")}) c`;

/** Candidate cases through indexes only: cases of the record's people or of names it gives, and cases in its grid around its time. */
async function candidateCases(client: PoolClient, tree: TreeIndex, rec: RecordRow, personIds: number[], names: string[]): Promise<number[]> {
  const grid = tree.gridOf(rec.region_node_id);
  const nodes = grid != null ? tree.gridNodes(grid) : rec.region_node_id != null ? [rec.region_node_id] : [];
  if (!personIds.length && !names.length && !nodes.length) return [];
  const from = new Date(rec.reported_at.getTime() - CASE_WINDOW_DAYS * 86_400_000);
  const to = new Date(rec.reported_at.getTime() + CASE_WINDOW_DAYS * 86_400_000);
  const { rows } = await client.query<{ case_id: number }>(CANDIDATES, [personIds, names, nodes, from, to]);
  return rows.map((r) => r.case_id);
}

interface CaseSides {
  /** The case's most recent records, with their linked people. */
  records: (Side & { id: number })[];
  /** The dispute type when the model is confident of it (or staff set it). */
  category: string | null;
  closedAt: Date | null;
  rootCaseId: number | null;
}

/** Candidate cases with their 12 most recent records and those records' people, in one query. */
async function loadCaseSides(client: PoolClient, caseIds: number[]): Promise<Map<number, CaseSides>> {
  const { rows } = await client.query<{
    id: number; case_id: number; channel: string; narrative_key: string; region_node_id: number | null; reported_at: Date; category_words: string[];
    category: string | null; category_confidence: number | null; closed_at: Date | null; root_case_id: number | null;
    people: { personId: number; idNumberHash: string | null; phoneHash: string | null; phoneStatus: string | null; creditCode: string | null; creditCodeValid: boolean | null; name: string | null; nameKey: string | null; titleOnly: boolean; isOrganisation: boolean }[] | null;
  }>(
    `SELECT x.id, x.case_id, x.channel, x.narrative_key, x.region_node_id, x.reported_at, x.category_words,
            c.category, c.category_confidence, c.closed_at, c.root_case_id,
            (SELECT json_agg(json_build_object('personId', rp.person_id, 'idNumberHash', rp.id_number_hash, 'phoneHash', rp.phone_hash, 'phoneStatus', rp.phone_status,
                    'creditCode', rp.credit_code, 'creditCodeValid', rp.credit_code_valid, 'name', rp.name, 'nameKey', rp.name_key,
                    'titleOnly', rp.title_only, 'isOrganisation', rp.is_organisation) ORDER BY rp.id)
               FROM record_people rp WHERE rp.record_id = x.id AND rp.person_id IS NOT NULL) AS people
       FROM (SELECT id, case_id, channel, narrative_key, CASE WHEN address_text IS NULL THEN NULL ELSE region_node_id END AS region_node_id, reported_at, category_words,
                    row_number() OVER (PARTITION BY case_id ORDER BY reported_at DESC) AS n
               FROM records WHERE case_id = ANY($1) AND is_current) x
       JOIN cases c ON c.id = x.case_id
      WHERE x.n <= 12`,
    [caseIds],
  );
  const out = new Map<number, CaseSides>();
  for (const r of rows) {
    const c = out.get(r.case_id) ?? {
      records: [], closedAt: r.closed_at, rootCaseId: r.root_case_id,
      category: r.category && (r.category_confidence ?? 0) >= 0.6 ? r.category : null,
    };
    const people = (r.people ?? []).map((m) => sideOf(m, m.personId));
    c.records.push({ id: Number(r.id), narrativeKey: r.narrative_key, regionNodeId: r.region_node_id, placeIsMatter: PLACE_CHANNELS.includes(r.channel), reportedAt: r.reported_at, categoryWords: r.category_words, people });
    out.set(r.case_id, c);
  }
  return out;
}

async function openCase(client: PoolClient, deps: FormationDeps, rec: RecordRow, link: { recurrenceOf?: number; root?: number }): Promise<number> {
  const title = rec.narrative.replace(/\s+/g, " ").slice(0, 40);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO cases (code, title, summary, region_node_id, first_reported_at, last_reported_at, record_count, recurrence_of_id, root_case_id)
     VALUES ('GT-' || to_char($4::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 7, '0'),
             $1, $2, $3, $4, $4, 0, $5, $6) RETURNING id`,
    [title, rec.narrative.slice(0, 500), rec.region_node_id ?? deps.tree.streetId, rec.reported_at, link.recurrenceOf ?? null, link.root ?? null],
  );
  return rows[0].id;
}

interface RecordPeople {
  me: Side & { id: number };
  bare: (Mention & { surname: string | null })[];
  fresh: { m: Mention; personId: number }[];
  communityId: number | null;
}

/**
 * The record joins its case: its people are linked with the case's parties in mind (`caseRecords`, the case's
 * records as scored; none for a new case), the decision and its evidence are kept, and the case is refreshed.
 */
async function finish(
  client: PoolClient, deps: FormationDeps, rec: RecordRow, caseId: number, decision: Decision["decision"], score: number,
  evidence: MatchEvidence[], matched: number | null, people: RecordPeople, caseRecords: (Side & { id: number })[],
): Promise<Decision> {
  const parties = caseRecords.flatMap((r) => r.people);
  const bare = await linkBareMentions(client, parties, people.bare, people.communityId);
  const folded = await foldFreshPeople(client, parties, people.fresh);
  const relinked = new Map(bare);
  for (const { m, personId } of people.fresh) if (folded.has(personId)) relinked.set(m.id, folded.get(personId)!);
  await setPeople(client, relinked);
  await client.query(
    `WITH r AS (UPDATE records SET case_id = $2 WHERE id = $1),
          old AS (UPDATE case_matches SET current = false WHERE record_id = $1 AND current),
          m AS (INSERT INTO case_matches (record_id, case_id, matched_record_id, decision, score, evidence) VALUES ($1, $2, $3, $4, $5, $6))
     INSERT INTO case_parties (case_id, person_id, role)
     SELECT DISTINCT $2::int, person_id, role FROM record_people WHERE record_id = $1 AND person_id IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [rec.id, caseId, matched, decision, score, JSON.stringify(evidence)],
  );
  if (caseRecords.length) {
    // The record's people as finally linked, for the stories that name them.
    const mine = people.me.people.map((p) => {
      const id = p.personId < 0 ? bare.get(-p.personId) : folded.get(p.personId);
      return id == null ? p : { ...p, personId: id };
    });
    await linkNamedParties(client, [...caseRecords.filter((r) => r.id !== rec.id), { ...people.me, people: mine }], rec.id);
  }
  await refreshCase(client, deps, caseId);
  return { caseId, decision, score };
}

/**
 * Counts, time span, the best-placed record's place, and (unless staff set it) the dispute type. When the records
 * name no grid, a dispute that happens at home is placed where its parties live, if their other records agree
 * (place-from-parties.ts); that inferred place is returned with its evidence.
 */
export async function refreshCase(client: PoolClient, deps: FormationDeps, caseId: number): Promise<{ inferredPlace: InferredPlace | null }> {
  const { rows } = await client.query<{ narrative: string; category_words: string[]; region_node_id: number | null; channel: string }>(
    `SELECT narrative, category_words, region_node_id, channel FROM records WHERE case_id = $1 AND is_current ORDER BY reported_at LIMIT 50`,
    [caseId],
  );
  const rank = (r: (typeof rows)[number]) => {
    const level = deps.tree.level(r.region_node_id);
    return (PLACE_CHANNELS.includes(r.channel) ? 10 : 0) + (level === "micro_grid" ? 3 : level === "grid" ? 2 : level === "community" ? 1 : -100);
  };
  const placed = rows.filter((r) => r.region_node_id != null).sort((a, b) => rank(b) - rank(a))[0];
  let category: { category: string; confidence: number } | null = null;
  if (deps.classify && rows.length) {
    category = deps.classify(rows.slice(0, 6).map((r) => r.narrative).join("\n"), [...new Set(rows.flatMap((r) => r.category_words))]);
  }
  const updated = await client.query<{ category: string | null }>(
    `UPDATE cases SET
       record_count = agg.n, first_reported_at = agg.first, last_reported_at = agg.last,
       region_node_id = COALESCE($2, region_node_id),
       category = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category ELSE $3 END,
       category_confidence = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category_confidence ELSE $4 END,
       category_source = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category_source ELSE 'model' END,
       needs_triage = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN needs_triage ELSE $4 < $5 END,
       updated_at = now()
     FROM (SELECT count(*) AS n, min(reported_at) AS first, max(reported_at) AS last FROM records WHERE case_id = $1 AND is_current) agg
     WHERE id = $1 RETURNING category`,
    [caseId, placed?.region_node_id ?? null, category?.category ?? null, category?.confidence ?? null, TRIAGE_BELOW],
  );
  const recordsPlace = placed?.region_node_id ?? null;
  const caseCategory = updated.rows[0]?.category ?? null;
  if (deps.tree.gridOf(recordsPlace) != null || !caseCategory || !AT_HOME.includes(caseCategory as CategoryCode)) return { inferredPlace: null };
  const inferredPlace = await placeFromParties(client, deps.tree, caseId, deps.tree.communityOf(recordsPlace));
  if (inferredPlace) await client.query(`UPDATE cases SET region_node_id = $2 WHERE id = $1`, [caseId, inferredPlace.regionNodeId]);
  return { inferredPlace };
}
