// The 民转刑 list: the cases most at risk (red first, then by points) and the people most at risk (most cases in a
// year, then the highest colour among them), within the viewer's scope and a place; and cases per colour per place.
import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { caseScope } from "../cases/routes.js";
import { caseParties, cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { presentPerson } from "../people/routes.js";
import { people } from "../people/schema.js";
import { regionNodes } from "../regions/schema.js";
import { pathInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import { units } from "../units/schema.js";
import type { RiskLevel } from "./levels.js";
import type { RiskCaseRow, RiskFactorView, RiskPersonRow, RiskSummaryRow } from "./views.js";

/** A closed case stays on the list this long after closing: a relapse usually comes within weeks. */
export const RECENTLY_CLOSED_DAYS = 90;
/** People are ranked by their cases reported in this window. */
export const PEOPLE_WINDOW_DAYS = 365;
const DAY = 86_400_000;
const TOP_FACTORS = 3;

export interface RiskListQuery {
  actor: Actor;
  now: Date;
  /** Only cases placed under this region node (its materialised path); undefined for the whole scope. */
  regionPath?: string;
  limit: number;
}

// Region paths are chains of codes from the province (depth 0): the community is the fifth code, the grid the sixth.
const community = alias(regionNodes, "risk_community");
const grid = alias(regionNodes, "risk_grid");
const communityJoin = and(eq(community.code, sql`split_part(${regionNodes.path}, '/', 5) COLLATE "default"`), eq(community.level, "community"));
const gridJoin = and(eq(grid.code, sql`split_part(${regionNodes.path}, '/', 6) COLLATE "default"`), eq(grid.level, "grid"));

/** Open, or closed within the last RECENTLY_CLOSED_DAYS. */
const openOrRecent = (now: Date) =>
  or(ne(cases.status, "closed"), sql`${cases.closedAt} >= ${new Date(now.getTime() - RECENTLY_CLOSED_DAYS * DAY)}`)!;

const inPlace = (regionPath: string | undefined) => (regionPath ? pathInSubtree(regionNodes.path, regionPath) : undefined);

/** Red and yellow cases as the partial index cases_risk_idx states them (literals, so the planner can use it). */
const AT_RISK = sql`${cases.riskLevel} IN ('red', 'yellow') AND ${cases.mergedIntoId} IS NULL`;

const LEVEL_RANK = sql<number>`CASE ${cases.riskLevel} WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END`;
const RANKED_LEVELS: (RiskLevel | null)[] = [null, "green", "yellow", "red"];

export function topFactors(factors: RiskFactorView[] | null, n = TOP_FACTORS): RiskFactorView[] {
  return [...(factors ?? [])].sort((a, b) => Number(b.hard ?? false) - Number(a.hard ?? false) || b.points - a.points).slice(0, n);
}

/** The cases most at risk: red before yellow, then by points, then the most recently reported. */
export async function listRiskCases(db: DbOrTx, q: RiskListQuery & { level?: "red" | "yellow" }): Promise<RiskCaseRow[]> {
  const rows = await db
    .select({
      case: cases,
      regionName: regionNodes.name,
      communityName: community.name,
      gridName: grid.name,
      leadUnitName: units.name,
      openWarnings: sql<number>`(SELECT count(*) FROM warnings w WHERE w.case_id = ${cases.id} AND w.status <> 'closed')::int`,
    })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .leftJoin(community, communityJoin)
    .leftJoin(grid, gridJoin)
    .leftJoin(units, eq(units.id, cases.leadUnitId))
    .where(and(AT_RISK, q.level ? eq(cases.riskLevel, q.level) : undefined, caseScope(q.actor), openOrRecent(q.now), inPlace(q.regionPath)))
    .orderBy(sql`${cases.riskLevel} = 'red' DESC`, sql`${cases.riskScore} DESC NULLS LAST`, sql`${cases.lastReportedAt} DESC NULLS LAST`, desc(cases.id))
    .limit(q.limit);
  return rows.map((r) => {
    const c = r.case;
    return {
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      riskLevel: c.riskLevel as "red" | "yellow",
      riskScore: c.riskScore,
      topFactors: topFactors(c.riskFactors),
      riskFactors: c.riskFactors ?? [],
      regionName: r.regionName,
      communityName: r.communityName,
      gridName: r.gridName,
      leadUnitName: r.leadUnitName,
      lastReportedAt: c.lastReportedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      openWarnings: r.openWarnings,
    };
  });
}

/**
 * Natural persons most at risk: by the number of their cases reported in the last PEOPLE_WINDOW_DAYS, then the
 * highest colour and points among them. Only cases the viewer may see are counted (so every person listed is one the
 * viewer may see); a person with a single green or unscored case is not at risk and is left out.
 */
export async function listRiskPeople(db: DbOrTx, q: RiskListQuery): Promise<{ items: RiskPersonRow[]; since: Date }> {
  const since = new Date(q.now.getTime() - PEOPLE_WINDOW_DAYS * DAY);
  const caseCount = sql<number>`count(DISTINCT ${cases.id})::int`;
  const topRank = sql<number>`max(${LEVEL_RANK})::int`;
  const topScore = sql<number | null>`max(${cases.riskScore})::float8`;
  const inWindow = and(
    caseScope(q.actor),
    sql`coalesce(${cases.lastReportedAt}, ${cases.openedAt}) >= ${since}`,
    eq(people.kind, "person"),
    isNull(people.mergedIntoId),
    q.regionPath ? sql`${cases.regionNodeId} IN (SELECT ${regionNodes.id} FROM ${regionNodes} WHERE ${pathInSubtree(regionNodes.path, q.regionPath)})` : undefined,
  );
  const ranked = await db
    .select({
      personId: people.id,
      caseCount,
      redCount: sql<number>`count(DISTINCT ${cases.id}) FILTER (WHERE ${cases.riskLevel} = 'red')::int`,
      yellowCount: sql<number>`count(DISTINCT ${cases.id}) FILTER (WHERE ${cases.riskLevel} = 'yellow')::int`,
      topRank,
      topScore,
      lastReportedAt: sql<string | null>`max(${cases.lastReportedAt})`,
    })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(people, eq(people.id, caseParties.personId))
    .where(inWindow)
    .groupBy(people.id)
    .having(sql`count(DISTINCT ${cases.id}) >= 2 OR max(${LEVEL_RANK}) >= 2`)
    .orderBy(sql`${caseCount} DESC`, sql`${topRank} DESC`, sql`${topScore} DESC NULLS LAST`, people.id)
    .limit(q.limit);
  if (!ranked.length) return { items: [], since };

  const ids = ranked.map((r) => r.personId);
  const persons = await db
    .select({ person: people, regionName: regionNodes.name })
    .from(people)
    .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
    .where(inArray(people.id, ids));
  const personById = new Map(persons.map((p) => [p.person.id, p]));
  // Each person's riskiest counted cases, the same conditions as the count.
  const caseRows = await db
    .selectDistinct({ personId: caseParties.personId, id: cases.id, code: cases.code, title: cases.title, riskLevel: cases.riskLevel, rank: LEVEL_RANK, score: cases.riskScore })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(people, eq(people.id, caseParties.personId))
    .where(and(inArray(caseParties.personId, ids), inWindow))
    .orderBy(caseParties.personId, sql`${LEVEL_RANK} DESC`, sql`${cases.riskScore} DESC NULLS LAST`, desc(cases.id));
  const casesOf = new Map<number, RiskPersonRow["cases"]>();
  for (const c of caseRows) {
    const list = casesOf.get(c.personId) ?? [];
    if (list.length < 3) list.push({ id: c.id, code: c.code, title: c.title, riskLevel: c.riskLevel });
    casesOf.set(c.personId, list);
  }

  const items = ranked.flatMap((r) => {
    const p = personById.get(r.personId);
    if (!p) return [];
    return [{
      person: presentPerson(p.person, p.regionName),
      caseCount: r.caseCount,
      redCount: r.redCount,
      yellowCount: r.yellowCount,
      topLevel: RANKED_LEVELS[r.topRank] ?? null,
      topScore: r.topScore,
      lastReportedAt: r.lastReportedAt ? new Date(r.lastReportedAt).toISOString() : null,
      cases: casesOf.get(r.personId) ?? [],
    }];
  });
  return { items, since };
}

/**
 * Cases per colour, open or recently closed, per community (or per grid), within scope. Cases placed above the
 * communities (at the street) count under a row of their own with no code.
 */
export async function riskSummary(db: DbOrTx, q: Omit<RiskListQuery, "limit"> & { by: "community" | "grid" }): Promise<RiskSummaryRow[]> {
  const place = q.by === "grid" ? grid : community;
  const count = (cond: SQL) => sql<number>`count(*) FILTER (WHERE ${cond})::int`;
  const rows = await db
    .select({
      code: place.code,
      name: place.name,
      red: count(sql`${cases.riskLevel} = 'red'`),
      yellow: count(sql`${cases.riskLevel} = 'yellow'`),
      green: count(sql`${cases.riskLevel} = 'green'`),
      unscored: count(sql`${cases.riskLevel} IS NULL`),
    })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .leftJoin(place, q.by === "grid" ? gridJoin : communityJoin)
    .where(and(caseScope(q.actor), openOrRecent(q.now), inPlace(q.regionPath)))
    .groupBy(place.code, place.name)
    .orderBy(sql`count(*) FILTER (WHERE ${cases.riskLevel} = 'red') DESC`, sql`count(*) FILTER (WHERE ${cases.riskLevel} = 'yellow') DESC`, sql`${place.code} NULLS LAST`);
  return rows.map((r) => ({ ...r, name: r.name ?? (q.by === "grid" ? "未落到网格" : "街道本级") }));
}
