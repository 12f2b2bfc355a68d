// The mediator list behind the public directory and the staff pages: filters, figures and names in one statement.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { MEDIATOR_GRADE_NAMES, MEDIATOR_KIND_NAMES, type MediatorGrade, type MediatorKind } from "../kinds.js";
import { FIGURE_COLUMNS, figureCtes, presentFigures, type FigureRow } from "./figures.js";
import { ageBand, type DirectoryFacets, type DirectoryQuery, type MediatorPublicView, type MediatorStaffView } from "./views.js";

type Row = FigureRow & {
  id: number;
  name: string;
  kind: MediatorKind;
  grade: MediatorGrade;
  fields: string[];
  specialties: string[];
  dialects: string[];
  studio_unit_id: number | null;
  studio_name: string | null;
  home_region_node_id: number | null;
  home_code: string | null;
  home_name: string | null;
  years_experience: number;
  birth_year: number | null;
  bio: string;
  gender: "male" | "female" | null;
  unit_id: number | null;
  unit_name: string | null;
  account_id: number | null;
  account_username: string | null;
  person_id: number | null;
  employer_credit_code: string | null;
  available_days: number[];
  leave_from: string | null;
  leave_to: string | null;
  on_leave: boolean;
  active: boolean;
  total: number;
};

export interface ListFilter extends Partial<Omit<DirectoryQuery, "sort" | "limit" | "offset">> {
  id?: number;
  /** true: active only (the directory); false: inactive only; undefined: both. */
  active?: boolean;
  sort?: DirectoryQuery["sort"];
  limit?: number;
  offset?: number;
}

function conditions(f: ListFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.id != null) parts.push(sql`m.id = ${f.id}`);
  if (f.active != null) parts.push(sql`m.active = ${f.active}`);
  if (f.field) parts.push(sql`${f.field} = ANY (m.fields)`);
  if (f.kind) parts.push(sql`m.kind = ${f.kind}`);
  if (f.studio != null) parts.push(sql`m.studio_unit_id = ${f.studio}`);
  if (f.dialect) parts.push(sql`${f.dialect} = ANY (m.dialects)`);
  if (f.community) parts.push(sql`m.home_region_node_id = (SELECT id FROM region_nodes WHERE code = ${f.community})`);
  if (f.specialty) parts.push(sql`EXISTS (SELECT 1 FROM unnest(m.specialties) s WHERE strpos(s, ${f.specialty}) > 0)`);
  if (f.q) parts.push(sql`strpos(m.name, ${f.q}) > 0`);
  return sql.join(parts, sql` AND `);
}

const GRADE_RANK = sql`CASE m.grade WHEN 'gold' THEN 0 WHEN 'senior' THEN 1 WHEN 'standard' THEN 2 ELSE 3 END`;
const ORDER: Record<DirectoryQuery["sort"], SQL> = {
  grade: sql`${GRADE_RANK}, coalesce(f.handled, 0) DESC, m.id`,
  handled: sql`coalesce(f.handled, 0) DESC, ${GRADE_RANK}, m.id`,
  successRate: sql`f.succeeded::float8 / nullif(f.handled, 0) DESC NULLS LAST, coalesce(f.handled, 0) DESC, m.id`,
  experience: sql`m.years_experience DESC, m.id`,
  load: sql`coalesce(l.n, 0), ${GRADE_RANK}, m.id`,
};

async function selectRows(db: DbOrTx, f: ListFilter, today: string): Promise<Row[]> {
  const picked = sql`SELECT m.id FROM mediators m WHERE ${conditions(f)}`;
  const res = await db.execute<Row>(sql`
    WITH ${figureCtes(picked)}
    SELECT m.id, m.name, m.kind, m.grade, m.fields, m.specialties, m.dialects, m.studio_unit_id, su.name AS studio_name,
      m.home_region_node_id, rn.code AS home_code, coalesce(rn.short_name, rn.name) AS home_name, m.years_experience,
      m.birth_year, m.bio, m.gender, m.unit_id, u.name AS unit_name, m.account_id, a.username AS account_username,
      m.person_id, m.employer_credit_code, m.available_days, m.leave_from::text AS leave_from, m.leave_to::text AS leave_to,
      (m.leave_from IS NOT NULL AND m.leave_from <= ${today}::date AND (m.leave_to IS NULL OR m.leave_to >= ${today}::date)) AS on_leave,
      m.active, count(*) OVER ()::int AS total, ${FIGURE_COLUMNS}
    FROM mediators m
    LEFT JOIN units su ON su.id = m.studio_unit_id
    LEFT JOIN units u ON u.id = m.unit_id
    LEFT JOIN region_nodes rn ON rn.id = m.home_region_node_id
    LEFT JOIN accounts a ON a.id = m.account_id
    LEFT JOIN fig f ON f.mediator_id = m.id
    LEFT JOIN load l ON l.mediator_id = m.id
    WHERE m.id IN (${picked})
    ORDER BY ${ORDER[f.sort ?? "grade"]}
    LIMIT ${f.limit ?? 50} OFFSET ${f.offset ?? 0}`);
  return res.rows;
}

function presentPublic(r: Row, year: number): MediatorPublicView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindName: MEDIATOR_KIND_NAMES[r.kind],
    grade: r.grade,
    gradeName: MEDIATOR_GRADE_NAMES[r.grade],
    fields: r.fields,
    specialties: r.specialties,
    dialects: r.dialects,
    studioUnitId: r.studio_unit_id,
    studioName: r.studio_name,
    homeRegionCode: r.home_code,
    homeCommunityName: r.home_name,
    yearsExperience: r.years_experience,
    ageBand: ageBand(r.birth_year, year),
    bio: r.bio,
    figures: presentFigures(r),
  };
}

function presentStaff(r: Row, year: number): MediatorStaffView {
  return {
    ...presentPublic(r, year),
    birthYear: r.birth_year,
    gender: r.gender,
    unitId: r.unit_id,
    unitName: r.unit_name,
    homeRegionNodeId: r.home_region_node_id,
    accountId: r.account_id,
    accountUsername: r.account_username,
    personId: r.person_id,
    employerCreditCode: r.employer_credit_code,
    availableDays: r.available_days,
    leaveFrom: r.leave_from,
    leaveTo: r.leave_to,
    onLeave: r.on_leave,
    active: r.active,
  };
}

const localDate = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The public directory (active mediators only, nothing personal). */
export async function listPublicMediators(db: DbOrTx, f: ListFilter, now: Date) {
  const rows = await selectRows(db, { ...f, active: true }, localDate(now));
  return { items: rows.map((r) => presentPublic(r, now.getFullYear())), total: rows[0]?.total ?? 0 };
}

export async function listStaffMediators(db: DbOrTx, f: ListFilter, now: Date) {
  const rows = await selectRows(db, f, localDate(now));
  return { items: rows.map((r) => presentStaff(r, now.getFullYear())), total: rows[0]?.total ?? 0 };
}

/** The directory's filter choices, from the active force (most common specialties first). */
export async function directoryFacets(db: DbOrTx): Promise<DirectoryFacets> {
  const [communities, studios, tags] = await Promise.all([
    db.execute<{ code: string; name: string }>(sql`
      SELECT rn.code, coalesce(rn.short_name, rn.name) AS name FROM region_nodes rn
      WHERE rn.id IN (SELECT home_region_node_id FROM mediators WHERE active) ORDER BY rn.code`),
    db.execute<{ id: number; name: string }>(sql`
      SELECT u.id, u.name FROM units u WHERE u.id IN (SELECT studio_unit_id FROM mediators WHERE active) ORDER BY u.id`),
    db.execute<{ dialects: string[] | null; specialties: string[] | null }>(sql`
      SELECT
        (SELECT array_agg(d ORDER BY n DESC, d) FROM (SELECT d, count(*) n FROM mediators, unnest(dialects) d WHERE active GROUP BY d) x) AS dialects,
        (SELECT array_agg(s ORDER BY n DESC, s) FROM (SELECT s, count(*) n FROM mediators, unnest(specialties) s WHERE active GROUP BY s) y) AS specialties`),
  ]);
  return { communities: communities.rows, studios: studios.rows, dialects: tags.rows[0]?.dialects ?? [], specialties: tags.rows[0]?.specialties ?? [] };
}
