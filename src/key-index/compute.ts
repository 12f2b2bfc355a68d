// The key index computed: one set-based statement per period runs every formula (formulas.ts) over the cases the
// account may see, and sums the facts per group (community, grid, unit, mediator) and for the whole scope.
//   community / grid – the case's place on the region tree, rolled up to its community or grid (a case placed above
//                      that level counts for none, but counts in the total)
//   unit             – the case's lead unit (cases.lead_unit_id)
//   mediator         – every mediator on a team formed for the case (a case counts for each of them once); the total
//                      counts each case once
import { sql, type SQL } from "drizzle-orm";
import { caseScope } from "../cases/routes.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { pathInSubtree, regionIdInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import {
  figureValue, KEY_INDEX_BY_KEY, KEY_INDEX_FORMULAS, SHARED_CTES, yearOnYear,
  type KeyIndexFormula, type KeyIndexGroup, type KeyIndexKey,
} from "./formulas.js";
import { beijingMidnight, lastYearOf, type DatePeriod } from "./period.js";
import type { Figure, KeyIndexCases, KeyIndexRow, KeyIndexTable } from "./views.js";

export interface TableQuery {
  group: KeyIndexGroup;
  period: DatePeriod;
  /** Grids of this community only (the drill-down from a community row). */
  communityId?: number;
}

type Place = {
  id: number;
  name: string;
  path: string;
};

type Sums = Map<string, { num: number; den: number }>; // "gid|key" → sums; gid "" is the total

export async function keyIndexTable(db: DbOrTx, actor: Actor, q: TableQuery): Promise<KeyIndexTable> {
  const community = q.communityId != null ? await communityInScope(db, actor, q.communityId) : null;
  const depth = await groupDepth(db, q.group);
  const lastYear = lastYearOf(q.period);
  const [now, last] = await Promise.all([sums(db, actor, q.group, depth, community, q.period), sums(db, actor, q.group, depth, community, lastYear)]);

  const ids = new Set<number>();
  for (const m of [now, last]) for (const k of m.keys()) if (!k.startsWith("|")) ids.add(Number(k.split("|")[0]));
  const names = await groupNames(db, actor, q.group, community, ids);

  const row = (id: number | null, name: string): KeyIndexRow => ({
    id,
    name,
    figures: Object.fromEntries(KEY_INDEX_FORMULAS.map((f) => [f.key, figure(f, now.get(`${id ?? ""}|${f.key}`), last.get(`${id ?? ""}|${f.key}`))])) as Record<KeyIndexKey, Figure>,
  });
  const rows = names.map((n) => row(n.id, n.name));
  if (q.group === "unit" || q.group === "mediator") rows.sort((a, b) => b.figures.received.num - a.figures.received.num || a.name.localeCompare(b.name, "zh"));
  const scopeName = community?.name ?? (await scopeRootName(db, actor));
  return {
    group: q.group,
    period: q.period,
    lastYear,
    community: community ? { id: community.id, name: community.name } : null,
    rows,
    total: row(null, `合计（${scopeName}）`),
  };
}

export interface CasesQuery {
  group: KeyIndexGroup;
  /** The row's id; absent for the total row. */
  id?: number;
  metric: KeyIndexKey;
  /** num: the cases behind the numerator (or the count); den: behind the denominator. */
  part: "num" | "den";
  period: DatePeriod;
  communityId?: number;
  limit: number;
}

export async function keyIndexCases(db: DbOrTx, actor: Actor, q: CasesQuery): Promise<KeyIndexCases> {
  const community = q.communityId != null ? await communityInScope(db, actor, q.communityId) : null;
  const depth = await groupDepth(db, q.group);
  const f = KEY_INDEX_BY_KEY[q.metric];
  const members = q.id == null ? sql`SELECT case_id FROM sc` : sql`SELECT case_id FROM cg WHERE gid = ${q.id}`;
  const result = await asReport(db, (tx) => tx.execute<{
    id: number; code: string; title: string; status: string; category: string | null; region_name: string; lead_unit_name: string | null;
    risk_level: string | null; received_at: Date | string; closed_at: Date | string | null; total: number;
  }>(sql`
    WITH ${ctes(actor, q.group, depth, community, q.period)},
    picked AS (SELECT DISTINCT f.case_id FROM (${sql.raw(f.facts)}) f WHERE ${q.part === "num" ? sql`f.num > 0` : sql`f.den > 0`} AND f.case_id IN (${members}))
    SELECT c.id, c.code, c.title, c.status, c.category, rn.name AS region_name, u.name AS lead_unit_name, c.risk_level,
           COALESCE(c.first_reported_at, c.opened_at) AS received_at, c.closed_at, count(*) OVER ()::int AS total
      FROM picked JOIN cases c ON c.id = picked.case_id
      JOIN region_nodes rn ON rn.id = c.region_node_id
      LEFT JOIN units u ON u.id = c.lead_unit_id
     ORDER BY COALESCE(c.first_reported_at, c.opened_at) DESC, c.id DESC
     LIMIT ${q.limit}`));
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    drill: q.part === "num" ? f.drill : `${f.name}的统计对象`,
    total: result.rows[0]?.total ?? 0,
    items: result.rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status as KeyIndexCases["items"][number]["status"],
      category: r.category,
      regionName: r.region_name,
      leadUnitName: r.lead_unit_name,
      riskLevel: r.risk_level as KeyIndexCases["items"][number]["riskLevel"],
      receivedAt: iso(r.received_at),
      closedAt: r.closed_at == null ? null : iso(r.closed_at),
    })),
  };
}

function figure(f: KeyIndexFormula, now: { num: number; den: number } | undefined, last: { num: number; den: number } | undefined): Figure {
  const n = now ?? { num: 0, den: 0 };
  const l = last ?? { num: 0, den: 0 };
  const value = figureValue(f, n.num, n.den);
  const lastValue = figureValue(f, l.num, l.den);
  return { value, num: round(n.num), den: round(n.den), lastValue, lastNum: round(l.num), lastDen: round(l.den), ...yearOnYear(value, lastValue, f.digits) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The CTEs p (the period), sc (cases in scope), cg (case → group id) and the formulas' shared ones. */
function ctes(actor: Actor, group: KeyIndexGroup, depth: number, community: Place | null, period: DatePeriod): SQL {
  const within = community ? sql` AND ${regionIdInSubtree(sql`cases.region_node_id`, community.path)}` : sql``;
  const ancestor = sql.raw(`'^(?:[^/]+/){${depth + 1}}'`);
  const grouping =
    group === "unit"
      ? sql`SELECT case_id, lead_unit_id AS gid FROM sc WHERE lead_unit_id IS NOT NULL`
      : group === "mediator"
        ? sql`SELECT DISTINCT sc.case_id, tm.mediator_id AS gid FROM sc
                JOIN mediation_teams t ON t.case_id = sc.case_id JOIN mediation_team_members tm ON tm.team_id = t.id`
        : sql`SELECT sc.case_id, g.id AS gid FROM sc
                JOIN region_nodes rn ON rn.id = sc.region_node_id
                JOIN region_nodes g ON g.path = substring(rn.path FROM ${ancestor}) AND g.level = ${group}`;
  return sql`
    p AS NOT MATERIALIZED (SELECT ${beijingMidnight(period.from).toISOString()}::timestamptz AS from_at, ${beijingMidnight(period.to).toISOString()}::timestamptz AS to_at),
    sc AS (SELECT cases.id AS case_id, cases.region_node_id, cases.lead_unit_id FROM cases WHERE ${caseScope(actor)}${within}),
    cg AS (${grouping}),
    ${sql.raw(SHARED_CTES)}`;
}

/** The sums of every formula's facts per group (gid) and for the whole scope (gid null). */
export function sumsQuery(actor: Actor, group: KeyIndexGroup, depth: number, community: Place | null, period: DatePeriod): SQL {
  const facts = sql.join(
    KEY_INDEX_FORMULAS.map((f) => sql.raw(`SELECT '${f.key}'::text AS key, case_id, num::float8 AS num, den::float8 AS den FROM (${f.facts}) f_${f.key}`)),
    sql` UNION ALL `,
  );
  return sql`
    WITH ${ctes(actor, group, depth, community, period)},
    facts AS (${facts})
    SELECT cg.gid, f.key, sum(f.num)::float8 AS num, sum(f.den)::float8 AS den FROM facts f JOIN cg ON cg.case_id = f.case_id GROUP BY cg.gid, f.key
    UNION ALL
    SELECT NULL, f.key, sum(f.num)::float8, sum(f.den)::float8 FROM facts f JOIN sc ON sc.case_id = f.case_id GROUP BY f.key`;
}

async function sums(db: DbOrTx, actor: Actor, group: KeyIndexGroup, depth: number, community: Place | null, period: DatePeriod): Promise<Sums> {
  const result = await asReport(db, (tx) => tx.execute<{ gid: number | null; key: string; num: number; den: number }>(sumsQuery(actor, group, depth, community, period)));
  return new Map(result.rows.map((r) => [`${r.gid ?? ""}|${r.key}`, { num: Number(r.num), den: Number(r.den) }]));
}

/**
 * Runs one of the index's large statements with enough memory for the sorts and hashes of a large street's year
 * (100k cases) to stay off disk, and without JIT: the correlated subqueries inflate the cost estimate past
 * jit_above_cost, and compiling then took 1.6 s of the 3.0 s the sums took at 100,000 cases
 * (npm run bench:key-index -- --explain), for a plan that runs in about one.
 */
function asReport<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL jit = off`);
    return work(tx);
  });
}

/** How deep the nodes of a level sit (community and grid grouping roll a case's place up to that depth). */
async function groupDepth(db: DbOrTx, group: KeyIndexGroup): Promise<number> {
  if (group !== "community" && group !== "grid") return 0;
  const result = await db.execute<{ depth: number | null }>(sql`SELECT min(depth) AS depth FROM region_nodes WHERE level = ${group}`);
  return result.rows[0]?.depth ?? 0;
}

/** A community the actor may see (its own scope lies under or over it); 404 otherwise. */
async function communityInScope(db: DbOrTx, actor: Actor, id: number): Promise<Place> {
  const result = await db.execute<Place>(sql`SELECT id, COALESCE(short_name, name) AS name, path FROM region_nodes WHERE id = ${id} AND level = 'community'`);
  const place = result.rows[0];
  const visible = place && (actor.kind === "system" || (actor.kind !== "anonymous" && (place.path.startsWith(actor.regionPath) || actor.regionPath.startsWith(place.path))));
  if (!visible) throw new AppError("NOT_FOUND");
  return place;
}

/** The rows of the table: every community or grid in scope (figures or not), and the units or mediators with figures. */
async function groupNames(db: DbOrTx, actor: Actor, group: KeyIndexGroup, community: Place | null, ids: Set<number>): Promise<{ id: number; name: string }[]> {
  const idList = [...ids];
  const anyId = idList.length ? sql`id IN (${sql.join(idList.map((i) => sql`${i}`), sql`, `)})` : sql`false`;
  if (group === "unit") return (await db.execute<{ id: number; name: string }>(sql`SELECT id, name FROM units WHERE ${anyId}`)).rows;
  if (group === "mediator") return (await db.execute<{ id: number; name: string }>(sql`SELECT id, name FROM mediators WHERE ${anyId}`)).rows;
  const root = community?.path ?? (actor.kind === "account" || actor.kind === "token" ? actor.regionPath : null);
  const under = root ? pathInSubtree(sql`path`, root) : sql`true`;
  const result = await db.execute<{ id: number; name: string }>(sql`
    SELECT id, COALESCE(short_name, name) AS name FROM region_nodes
     WHERE level = ${group} AND ((${under} AND retired_at IS NULL) OR ${anyId})
     ORDER BY special, path`);
  return result.rows;
}

async function scopeRootName(db: DbOrTx, actor: Actor): Promise<string> {
  if (actor.kind !== "account" && actor.kind !== "token") return "全部";
  const result = await db.execute<{ name: string }>(sql`SELECT COALESCE(short_name, name) AS name FROM region_nodes WHERE path = ${actor.regionPath}`);
  return result.rows[0]?.name ?? "本辖区";
}
