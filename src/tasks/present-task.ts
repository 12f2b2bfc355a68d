// Tasks as the API shows them: with their deadlines' tiers and what the viewer may do with each (computed here,
// so the web app never re-derives a permission).
import type { RiskFactor } from "../risk/levels.js";
import { and, eq, inArray } from "drizzle-orm";
import { may } from "../accounts/policies.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { taskDeadlines } from "../deadlines/schema.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor } from "../server/context.js";
import { units } from "../units/schema.js";
import { tasks } from "./schema.js";
import type { TaskViewT } from "./views.js";

type Tier = TaskViewT["tier"];
const TIER_RANK: Record<Tier, number> = { green: 0, yellow: 1, red: 2, overdue: 3 };

export function tierAt(d: { dueAt: Date; yellowAt: Date; redAt: Date }, now: Date): Tier {
  if (now > d.dueAt) return "overdue";
  if (now >= d.redAt) return "red";
  if (now >= d.yellowAt) return "yellow";
  return "green";
}

export const taskColumns = {
  task: tasks,
  caseCode: cases.code,
  caseTitle: cases.title,
  category: cases.category,
  riskLevel: cases.riskLevel,
  riskScore: cases.riskScore,
  riskFactors: cases.riskFactors,
  regionName: regionNodes.name,
  unitName: units.name,
  unitKind: units.kind,
};
export type TaskRow = {
  task: typeof tasks.$inferSelect; caseCode: string; caseTitle: string; category: string | null;
  riskLevel: "red" | "yellow" | "green" | null; riskScore: number | null; riskFactors: RiskFactor[] | null; regionName: string; unitName: string | null; unitKind: string | null };

/** Rows of tasks joined with what presenting them needs; add .where/.orderBy/.limit. */
export const selectTasks = (db: DbOrTx) =>
  db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .leftJoin(units, eq(units.id, tasks.unitId));

export async function presentTasks(db: DbOrTx, actor: Actor, rows: TaskRow[], now: Date, actorUnitKind: string | null): Promise<TaskViewT[]> {
  const ids = rows.map((r) => r.task.id);
  const deadlines = ids.length ? await db.select().from(taskDeadlines).where(and(inArray(taskDeadlines.taskId, ids))) : [];
  const byTask = new Map<number, typeof deadlines>();
  for (const d of deadlines) byTask.set(d.taskId, [...(byTask.get(d.taskId) ?? []), d]);
  const unitId = actor.kind === "account" || actor.kind === "token" ? actor.unitId : null;
  return rows.map(({ task: t, ...r }) => {
    const ds = (byTask.get(t.id) ?? []).map((d) => ({
      stage: d.stage,
      dueAt: d.dueAt.toISOString(),
      yellowAt: d.yellowAt.toISOString(),
      redAt: d.redAt.toISOString(),
      basis: d.basis,
      extendedDays: d.extendedDays,
      done: d.doneAt != null,
      tier: d.doneAt ? ("green" as const) : tierAt(d, now),
    }));
    if (t.state === "posted" && t.claimDeadline && now > t.claimDeadline) ds.push({ stage: "claim", dueAt: t.claimDeadline.toISOString(), yellowAt: t.claimDeadline.toISOString(), redAt: t.claimDeadline.toISOString(), basis: "认领截止", extendedDays: 0, done: false, tier: "overdue" });
    const tier = ds.filter((d) => !d.done).reduce<Tier>((w, d) => (TIER_RANK[d.tier] > TIER_RANK[w] ? d.tier : w), "green");
    const own = unitId != null && unitId === t.unitId;
    const handle = own && may(actor, "tasks.handle");
    const dispatch = may(actor, "tasks.dispatch");
    const eligible = unitId != null && (!t.eligibleKinds.length || (actorUnitKind != null && t.eligibleKinds.includes(actorUnitKind)));
    return {
      id: t.id,
      caseId: t.caseId,
      caseCode: r.caseCode,
      caseTitle: r.caseTitle,
      riskLevel: r.riskLevel,
      riskScore: r.riskScore,
      riskFactors: r.riskFactors ?? [],
      category: r.category,
      regionName: r.regionName,
      unitId: t.unitId,
      unitName: r.unitName,
      role: t.role,
      level: t.level,
      state: t.state,
      urgency: t.urgency,
      assignedVia: t.assignedVia,
      eligibleKinds: t.eligibleKinds,
      claimDeadline: t.claimDeadline?.toISOString() ?? null,
      postedAt: t.postedAt?.toISOString() ?? null,
      assignedAt: t.assignedAt?.toISOString() ?? null,
      acceptedAt: t.acceptedAt?.toISOString() ?? null,
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      closedAt: t.closedAt?.toISOString() ?? null,
      returnReason: t.returnReason,
      resolution: t.resolution,
      report: t.report,
      deadlines: ds,
      tier,
      can: {
        claim: t.state === "posted" && may(actor, "tasks.claim") && eligible && !(t.claimDeadline && now > t.claimDeadline),
        assign: t.state === "posted" && dispatch,
        accept: handle && (t.state === "assigned" || t.state === "claimed"),
        start: handle && t.state === "accepted",
        report: handle && t.role === "co" && (t.state === "accepted" || t.state === "in_progress"),
        resolve: handle && t.role === "lead" && (t.state === "accepted" || t.state === "in_progress"),
        return: handle && ["assigned", "claimed", "accepted", "in_progress"].includes(t.state),
        verify: dispatch && t.role === "lead" && t.state === "resolved",
        close: dispatch && t.role === "lead" && t.state === "verified",
        extend: handle && ["assigned", "claimed", "accepted", "in_progress"].includes(t.state),
      },
    };
  });
}
