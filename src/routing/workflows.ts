// A case's linked-workflow checklist: created when the case is routed, ticked by the lead unit or the step's owner
// unit (the unit of the step's kind that has a task on the case), with who did it.
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { authorize, may } from "../accounts/policies.js";
import { recordAudit } from "../audit/record.js";
import { isCategory } from "../cases/categories.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import { actorLabel, type Actor, type Ctx } from "../server/context.js";
import { tasks, workflowSteps } from "../tasks/schema.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { units } from "../units/schema.js";
import { ownerName, WORKFLOW_FOR_CATEGORY, WORKFLOW_STEPS, workflowName } from "./workflow-types.js";

/** Inserts the checklist of the category's workflow (idempotent; nothing for types without one). */
export async function instantiateWorkflow(ctx: Pick<Ctx, "tx">, caseId: number, category: string | null): Promise<number> {
  const workflow = category && isCategory(category) ? WORKFLOW_FOR_CATEGORY[category] : undefined;
  if (!workflow) return 0;
  const inserted = await ctx.tx
    .insert(workflowSteps)
    .values(WORKFLOW_STEPS[workflow].map((s, i) => ({ caseId, workflow, stepKey: `${workflow}.${s.key}`, title: s.title, position: i + 1, ownerKind: s.owner })))
    .onConflictDoNothing()
    .returning({ id: workflowSteps.id });
  return inserted.length;
}

interface CaseAccess {
  caseId: number;
  leadUnitId: number | null;
  /** Units with a live task (lead or co) on the case. */
  taskUnitIds: number[];
  regionPath: string;
}

async function caseAccess(db: DbOrTx, caseId: number): Promise<CaseAccess | null> {
  const [c] = await db
    .select({ id: cases.id, leadUnitId: cases.leadUnitId, path: regionNodes.path })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(and(eq(cases.id, caseId), isNull(cases.mergedIntoId)));
  if (!c) return null;
  const live = await db
    .select({ unitId: tasks.unitId })
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), notInArray(tasks.state, ["returned"])));
  const taskUnitIds = [...new Set(live.flatMap((t) => (t.unitId != null ? [t.unitId] : [])))];
  return { caseId: c.id, leadUnitId: c.leadUnitId, taskUnitIds, regionPath: c.path };
}

function placement(a: CaseAccess) {
  return { regionPath: a.regionPath, unitIds: [a.leadUnitId, ...a.taskUnitIds] };
}

function actorUnitId(actor: Actor): number | null {
  return actor.kind === "account" || actor.kind === "token" ? actor.unitId : null;
}

async function unitKindOf(db: DbOrTx, unitId: number | null): Promise<string | null> {
  if (unitId == null) return null;
  const [u] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  return u?.kind ?? null;
}

/** The lead unit ticks any step; another unit ticks the steps of its kind if it works on the case. */
function mayTick(actor: Actor, a: CaseAccess, kind: string | null, ownerKind: string): boolean {
  if (actor.kind === "system") return true;
  const unitId = actorUnitId(actor);
  if (unitId == null) return false;
  if (unitId === a.leadUnitId) return true;
  return ownerKind !== "lead" && kind === ownerKind && a.taskUnitIds.includes(unitId);
}

type StepRow = typeof workflowSteps.$inferSelect;

function present(s: StepRow, doneByUnitName: string | null, canComplete: boolean) {
  return {
    id: s.id,
    workflow: s.workflow,
    workflowName: workflowName(s.workflow),
    stepKey: s.stepKey,
    title: s.title,
    position: s.position,
    ownerKind: s.ownerKind,
    ownerName: ownerName(s.ownerKind),
    doneAt: s.doneAt?.toISOString() ?? null,
    doneByLabel: s.doneByLabel,
    doneByUnitName,
    note: s.note,
    canComplete: canComplete && s.doneAt == null,
  };
}

/** The case's checklist as the actor sees it (404 outside scope), with what the actor may tick. */
export async function listWorkflow(ctx: Pick<Ctx, "tx" | "actor">, caseId: number) {
  const a = await caseAccess(ctx.tx, caseId);
  authorize(ctx.actor, "tasks.read", a ? placement(a) : null);
  const rows = await ctx.tx
    .select({ step: workflowSteps, unitName: units.name })
    .from(workflowSteps)
    .leftJoin(units, eq(units.id, workflowSteps.doneByUnitId))
    .where(eq(workflowSteps.caseId, caseId))
    .orderBy(asc(workflowSteps.workflow), asc(workflowSteps.position));
  const kind = await unitKindOf(ctx.tx, actorUnitId(ctx.actor));
  const handles = may(ctx.actor, "tasks.handle");
  return { caseId, steps: rows.map((r) => present(r.step, r.unitName, handles && mayTick(ctx.actor, a!, kind, r.step.ownerKind))) };
}

export async function completeWorkflowStep(ctx: Ctx, stepId: number, input: { note?: string | null }) {
  const [step] = await ctx.tx.select().from(workflowSteps).where(eq(workflowSteps.id, stepId)).for("update");
  const a = step ? await caseAccess(ctx.tx, step.caseId) : null;
  authorize(ctx.actor, "tasks.handle", a ? placement(a) : null);
  const unitId = actorUnitId(ctx.actor);
  const kind = await unitKindOf(ctx.tx, unitId);
  if (!mayTick(ctx.actor, a!, kind, step.ownerKind)) throw new AppError("NOT_STEP_OWNER", `该步骤由${ownerName(step.ownerKind)}勾选`);
  if (step.doneAt) throw new AppError("CONFLICT", "该步骤已完成");
  const note = input.note?.trim() || null;
  const [done] = await ctx.tx
    .update(workflowSteps)
    .set({ doneAt: ctx.now, doneByLabel: actorLabel(ctx.actor), doneByUnitId: unitId, note })
    .where(and(eq(workflowSteps.id, step.id), isNull(workflowSteps.doneAt)))
    .returning();
  await appendCaseEvent(ctx, { caseId: step.caseId, unitId, kind: "workflow_step_done", detail: { stepKey: step.stepKey, title: step.title, note } });
  await recordAudit(ctx, { action: "workflow.step_done", subjectType: "workflow_step", subjectId: step.id, newValues: { caseId: step.caseId, stepKey: step.stepKey, note } });
  const [unit] = unitId != null ? await ctx.tx.select({ name: units.name }).from(units).where(inArray(units.id, [unitId])) : [];
  return present(done, unit?.name ?? null, false);
}
