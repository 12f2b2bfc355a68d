// Forming cases, one record at a time: link its people, find candidate cases through indexes (shared people,
// the same grid within a time window), score them, then join the best, queue a possible duplicate for staff,
// or open a new case — a recurrence when the matching case was already closed.
import type { PoolClient } from "pg";
import { resolveMention, surnameOf, type Mention } from "../../people/resolve-people.js";
import type { MatchEvidence } from "../schema.js";
import { scoreAgainstCase, THRESHOLDS, type Side } from "./score.js";
import type { TreeIndex } from "./tree.js";
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

const CASE_WINDOW_DAYS = 120;
/** Channels whose address is where the matter is (others often give the caller's home). */
const PLACE_CHANNELS = ["110", "12345", "81890", "ldbz", "grid", "window", "portal"];

export async function formRecord(client: PoolClient, deps: FormationDeps, rec: RecordRow): Promise<Decision> {
  const thresholds = deps.thresholds ?? THRESHOLDS;
  const communityId = deps.tree.communityOf(rec.region_node_id);
  const mentions = await loadMentions(client, [rec.id]);
  const linked: Side["people"] = [];
  const bare: Mention[] = [];
  for (const m of mentions) {
    const link = await resolveMention(client, m, communityId);
    if (!link) {
      bare.push(m);
      continue;
    }
    await client.query(`UPDATE record_people SET person_id = $2 WHERE id = $1`, [m.id, link.personId]);
    linked.push(sideOf(m, link.personId));
  }

  if (rec.version > 1) {
    const { rows } = await client.query<{ case_id: number }>(
      `SELECT case_id FROM records WHERE channel = $1 AND external_id = $2 AND case_id IS NOT NULL AND id <> $3 ORDER BY version DESC LIMIT 1`,
      [rec.channel, rec.external_id, rec.id],
    );
    if (rows[0]) return finish(client, deps, rec, rows[0].case_id, "correction", 1, [{ kind: "time", detail: "同一记录的更正版本", weight: 1 }], null, bare);
  }

  const candidates = await candidateCases(client, deps.tree, rec, linked.map((p) => p.personId));
  // The record's own dispute type (when confident) tells a shared person's other matters apart.
  const own = deps.classify?.(rec.narrative, rec.category_words);
  const me: Side & { category: string | null } = {
    narrativeKey: rec.narrative_key, regionNodeId: rec.address_text === null ? null : rec.region_node_id, reportedAt: rec.reported_at, categoryWords: rec.category_words, people: linked,
    category: own && own.confidence >= 0.6 ? own.category : null,
  };
  let best: { caseId: number; score: number; evidence: MatchEvidence[]; matched: number | null } | null = null;
  if (candidates.length) {
    const byCase = await loadCaseSides(client, candidates);
    const categories = new Map(
      (await client.query<{ id: number; category: string | null; category_confidence: number | null }>(`SELECT id, category, category_confidence FROM cases WHERE id = ANY($1)`, [candidates])).rows.map((c) => [
        c.id,
        c.category && (c.category_confidence ?? 0) >= 0.6 ? c.category : null,
      ]),
    );
    for (const [caseId, sides] of byCase) {
      const s = scoreAgainstCase(me, sides, deps.tree, categories.get(caseId) ?? null);
      if (!best || s.score > best.score) best = { caseId, score: s.score, evidence: s.evidence, matched: s.matchedRecordId };
    }
  }
  if (best && best.score >= thresholds.join) {
    const { rows } = await client.query<{ closed_at: Date | null; root_case_id: number | null }>(`SELECT closed_at, root_case_id FROM cases WHERE id = $1`, [best.caseId]);
    const closed = rows[0]?.closed_at;
    if (closed && rec.reported_at > closed) {
      const caseId = await openCase(client, deps, rec, { recurrenceOf: best.caseId, root: rows[0].root_case_id ?? best.caseId });
      return finish(client, deps, rec, caseId, "recurrence", best.score, best.evidence, best.matched, bare);
    }
    return finish(client, deps, rec, best.caseId, "joined", best.score, best.evidence, best.matched, bare);
  }
  const caseId = await openCase(client, deps, rec, {});
  if (best && best.score >= thresholds.review) {
    await client.query(
      `INSERT INTO possible_duplicates (record_id, case_id, candidate_case_id, score, evidence) VALUES ($1, $2, $3, $4, $5)`,
      [rec.id, caseId, best.caseId, best.score, JSON.stringify(best.evidence)],
    );
  }
  return finish(client, deps, rec, caseId, "new_case", best?.score ?? 0, best?.evidence ?? [], null, bare);
}

function sideOf(m: Mention, personId: number): Side["people"][number] {
  return {
    personId,
    strong: Boolean(m.idNumberHash || m.phoneHash || (m.creditCode && m.creditCodeValid)),
    named: Boolean(m.nameKey && !m.titleOnly && m.nameKey.length >= 2),
    company: m.isOrganisation,
    fullName: m.nameKey && !m.titleOnly && !m.isOrganisation ? m.nameKey : null,
  };
}

export async function loadMentions(client: PoolClient, recordIds: number[]): Promise<Mention[]> {
  const { rows } = await client.query(
    `SELECT id, record_id AS "recordId", role, name, name_key AS "nameKey", title_only AS "titleOnly", is_organisation AS "isOrganisation",
            id_number_hash AS "idNumberHash", id_partial_hash AS "idPartialHash", phone_hash AS "phoneHash", credit_code AS "creditCode",
            credit_code_valid AS "creditCodeValid", id_number_enc AS "idNumberEnc", id_number_masked AS "idNumberMasked",
            phone_enc AS "phoneEnc", phone_masked AS "phoneMasked", address_text AS "addressText", person_id AS "personId"
       FROM record_people WHERE record_id = ANY($1) ORDER BY id`,
    [recordIds],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), recordId: Number(r.recordId) }));
}

/** Cases of the record's people ($1 person ids). Exported so a test can check the plan uses indexes. */
export const CANDIDATES_BY_PEOPLE = `SELECT DISTINCT r.case_id FROM record_people rp JOIN records r ON r.id = rp.record_id
        WHERE rp.person_id = ANY($1) AND r.case_id IS NOT NULL AND r.is_current LIMIT 50`;
/** Cases with a record in the grid's nodes ($1) within the time window ($2, $3). */
export const CANDIDATES_BY_PLACE = `SELECT DISTINCT case_id FROM records
        WHERE region_node_id = ANY($1) AND reported_at BETWEEN $2 AND $3 AND case_id IS NOT NULL AND is_current LIMIT 60`;

/** Candidate cases through indexes only: cases of the record's people, and cases in its grid around its time. */
async function candidateCases(client: PoolClient, tree: TreeIndex, rec: RecordRow, personIds: number[]): Promise<number[]> {
  const ids = new Set<number>();
  if (personIds.length) {
    const { rows } = await client.query<{ case_id: number }>(
      CANDIDATES_BY_PEOPLE,
      [personIds],
    );
    rows.forEach((r) => ids.add(r.case_id));
  }
  const grid = tree.gridOf(rec.region_node_id);
  const nodes = grid != null ? tree.gridNodes(grid) : rec.region_node_id != null ? [rec.region_node_id] : [];
  if (nodes.length) {
    const from = new Date(rec.reported_at.getTime() - CASE_WINDOW_DAYS * 86_400_000);
    const to = new Date(rec.reported_at.getTime() + CASE_WINDOW_DAYS * 86_400_000);
    const { rows } = await client.query<{ case_id: number }>(
      CANDIDATES_BY_PLACE,
      [nodes, from, to],
    );
    rows.forEach((r) => ids.add(r.case_id));
  }
  return [...ids];
}

async function loadCaseSides(client: PoolClient, caseIds: number[]): Promise<Map<number, (Side & { id: number })[]>> {
  const { rows } = await client.query<{ id: number; case_id: number; narrative_key: string; region_node_id: number | null; reported_at: Date; category_words: string[] }>(
    `SELECT id, case_id, narrative_key, CASE WHEN address_text IS NULL THEN NULL ELSE region_node_id END AS region_node_id, reported_at, category_words FROM (
       SELECT r.*, row_number() OVER (PARTITION BY case_id ORDER BY reported_at DESC) AS n
         FROM records r WHERE r.case_id = ANY($1) AND r.is_current) x
      WHERE n <= 12`,
    [caseIds],
  );
  const mentions = await loadMentions(client, rows.map((r) => Number(r.id)));
  const peopleOf = new Map<number, Side["people"]>();
  for (const m of mentions as (Mention & { personId: number | null })[]) {
    if (m.personId == null) continue;
    peopleOf.set(m.recordId, [...(peopleOf.get(m.recordId) ?? []), sideOf(m, m.personId)]);
  }
  const out = new Map<number, (Side & { id: number })[]>();
  for (const r of rows) {
    const side = { id: Number(r.id), narrativeKey: r.narrative_key, regionNodeId: r.region_node_id, reportedAt: r.reported_at, categoryWords: r.category_words, people: peopleOf.get(Number(r.id)) ?? [] };
    out.set(r.case_id, [...(out.get(r.case_id) ?? []), side]);
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

async function finish(
  client: PoolClient, deps: FormationDeps, rec: RecordRow, caseId: number, decision: Decision["decision"], score: number,
  evidence: MatchEvidence[], matched: number | null, bare: Mention[],
): Promise<Decision> {
  await client.query(`UPDATE records SET case_id = $2 WHERE id = $1`, [rec.id, caseId]);
  await client.query(`UPDATE case_matches SET current = false WHERE record_id = $1 AND current`, [rec.id]);
  await client.query(
    `INSERT INTO case_matches (record_id, case_id, matched_record_id, decision, score, evidence) VALUES ($1, $2, $3, $4, $5, $6)`,
    [rec.id, caseId, matched, decision, score, JSON.stringify(evidence)],
  );
  await linkBareMentions(client, caseId, bare);
  await client.query(
    `INSERT INTO case_parties (case_id, person_id, role)
     SELECT DISTINCT $1::int, person_id, role FROM record_people WHERE record_id = $2 AND person_id IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [caseId, rec.id],
  );
  await refreshCase(client, deps, caseId);
  return { caseId, decision, score };
}

/** 王先生 / 李某 with no number: the case's party with that surname, else a person of their own. */
async function linkBareMentions(client: PoolClient, caseId: number, bare: Mention[]) {
  for (const m of bare) {
    const surname = surnameOf(m.nameKey);
    let personId: number | null = null;
    if (surname) {
      const { rows } = await client.query<{ person_id: number }>(
        `SELECT DISTINCT rp.person_id FROM record_people rp JOIN records r ON r.id = rp.record_id JOIN people p ON p.id = rp.person_id
          WHERE r.case_id = $1 AND rp.person_id IS NOT NULL AND p.surname = $2 AND p.kind = 'person' LIMIT 2`,
        [caseId, surname],
      );
      if (rows.length === 1) personId = rows[0].person_id;
    }
    if (personId == null) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO people (kind, name, name_key, surname) VALUES ('person', $1, NULL, $2) RETURNING id`,
        [m.name ?? "（未具名）", surname],
      );
      personId = rows[0].id;
    }
    await client.query(`UPDATE record_people SET person_id = $2 WHERE id = $1`, [m.id, personId]);
  }
}

/** Counts, time span, the best-placed record's place, and (unless staff set it) the dispute type. */
export async function refreshCase(client: PoolClient, deps: FormationDeps, caseId: number) {
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
  await client.query(
    `UPDATE cases SET
       record_count = agg.n, first_reported_at = agg.first, last_reported_at = agg.last,
       region_node_id = COALESCE($2, region_node_id),
       category = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category ELSE $3 END,
       category_confidence = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category_confidence ELSE $4 END,
       category_source = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN category_source ELSE 'model' END,
       needs_triage = CASE WHEN category_source = 'staff' OR $3::text IS NULL THEN needs_triage ELSE $4 < $5 END,
       updated_at = now()
     FROM (SELECT count(*) AS n, min(reported_at) AS first, max(reported_at) AS last FROM records WHERE case_id = $1 AND is_current) agg
     WHERE id = $1`,
    [caseId, placed?.region_node_id ?? null, category?.category ?? null, category?.confidence ?? null, TRIAGE_BELOW],
  );
}
