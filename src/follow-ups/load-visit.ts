// Reading visits with what the view needs: the case, its place and community, the assignee's and unit's names.
import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/schema.js";
import { CATEGORY_NAMES, isCategory } from "../cases/categories.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor } from "../server/context.js";
import { units } from "../units/schema.js";
import { beijingDate, beijingDay, beijingMidnight } from "./days.js";
import { followUpVisits } from "./schema.js";
import { visitAbilities, visitInScope } from "./scope.js";
import type { VisitWhen } from "./states.js";
import type { FollowUpVisitView, VisitCounts } from "./views.js";

const recurrence = alias(cases, "recurrence_case");

const columns = {
  visit: followUpVisits,
  caseCode: cases.code,
  caseTitle: cases.title,
  caseStatus: cases.status,
  category: cases.category,
  riskLevel: cases.riskLevel,
  regionName: regionNodes.name,
  regionPath: regionNodes.path,
  communityName: sql<string | null>`(SELECT cm.name FROM region_nodes cm WHERE cm.level = 'community' AND starts_with(${regionNodes.path}, cm.path) LIMIT 1)`,
  assigneeName: accounts.displayName,
  unitName: units.name,
  recurrenceCaseCode: recurrence.code,
};
export type VisitRow = {
  visit: typeof followUpVisits.$inferSelect;
  caseCode: string;
  caseTitle: string;
  caseStatus: string;
  category: string | null;
  riskLevel: "red" | "yellow" | "green" | null;
  regionName: string;
  regionPath: string;
  communityName: string | null;
  assigneeName: string | null;
  unitName: string | null;
  recurrenceCaseCode: string | null;
};

/** The select with its joins; callers add order / limit. */
export function selectVisits(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(followUpVisits)
    .innerJoin(cases, eq(cases.id, followUpVisits.caseId))
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .leftJoin(accounts, eq(accounts.id, followUpVisits.assigneeAccountId))
    .leftJoin(units, eq(units.id, followUpVisits.unitId))
    .leftJoin(recurrence, eq(recurrence.id, followUpVisits.recurrenceCaseId))
    .where(where);
}

/** One visit, or 404 when it does not exist or lies outside the actor's scope. */
export async function loadVisitInScope(db: DbOrTx, actor: Actor, id: number): Promise<VisitRow> {
  const [row] = await selectVisits(db, eq(followUpVisits.id, id));
  if (!row || !visitInScope(actor, { regionPath: row.regionPath, assigneeAccountId: row.visit.assigneeAccountId, unitId: row.visit.unitId })) {
    throw new AppError("NOT_FOUND");
  }
  return row;
}

/** The tab a visit belongs to at `now`: by its Beijing due day while due, done once recorded. */
export function whenOf(v: { status: string; dueAt: Date }, now: Date): VisitWhen | null {
  if (v.status === "done") return "done";
  if (v.status !== "due") return null;
  const d = beijingDay(v.dueAt) - beijingDay(now);
  return d < 0 ? "overdue" : d === 0 ? "today" : "upcoming";
}

/** SQL for a tab at `now` (visits table columns). */
export function whenCondition(when: VisitWhen, now: Date): SQL {
  const today = beijingDay(now);
  const start = beijingMidnight(today);
  const end = beijingMidnight(today + 1);
  const due = eq(followUpVisits.status, "due");
  switch (when) {
    case "done":
      return eq(followUpVisits.status, "done");
    case "overdue":
      return and(due, lt(followUpVisits.dueAt, start))!;
    case "today":
      return and(due, sql`${followUpVisits.dueAt} >= ${start}`, lt(followUpVisits.dueAt, end))!;
    case "upcoming":
      return and(due, sql`${followUpVisits.dueAt} >= ${end}`)!;
  }
}

/** How many visits fall in each tab, under `where`. */
export async function countVisits(db: DbOrTx, where: SQL | undefined, now: Date): Promise<VisitCounts> {
  const n = (w: VisitWhen) => sql<number>`count(*) FILTER (WHERE ${whenCondition(w, now)})::int`;
  const [row] = await db
    .select({ today: n("today"), overdue: n("overdue"), upcoming: n("upcoming"), done: n("done") })
    .from(followUpVisits)
    .innerJoin(cases, eq(cases.id, followUpVisits.caseId))
    .where(where);
  return row ?? { today: 0, overdue: 0, upcoming: 0, done: 0 };
}

export function presentVisit(actor: Actor, r: VisitRow, now: Date): FollowUpVisitView {
  const v = r.visit;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const when = whenOf(v, now);
  return {
    id: v.id,
    caseId: v.caseId,
    caseCode: r.caseCode,
    caseTitle: r.caseTitle,
    caseStatus: r.caseStatus,
    category: r.category,
    categoryName: r.category && isCategory(r.category) ? CATEGORY_NAMES[r.category] : null,
    riskLevel: r.riskLevel,
    regionName: r.regionName,
    communityName: r.communityName,
    closedAt: v.closedAt.toISOString(),
    offsetDays: v.offsetDays,
    dueAt: v.dueAt.toISOString(),
    dueDate: beijingDate(v.dueAt),
    when,
    overdue: when === "overdue",
    assigneeKind: v.assigneeKind,
    assigneeAccountId: v.assigneeAccountId,
    assigneeName: r.assigneeName,
    unitId: v.unitId,
    unitName: r.unitName,
    status: v.status,
    contact: v.contact,
    partiesState: v.partiesState,
    satisfaction: v.satisfaction,
    settled: v.settled,
    note: v.note,
    outcome: v.outcome,
    recurrenceCaseId: v.recurrenceCaseId,
    recurrenceCaseCode: r.recurrenceCaseCode,
    doneAt: iso(v.doneAt),
    doneByLabel: v.doneByLabel,
    overdueAlertedAt: iso(v.overdueAlertedAt),
    can: visitAbilities(actor, v),
  };
}
