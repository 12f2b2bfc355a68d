// A case gets its lead task (and a co task per co-handling unit): assigned to a unit, or posted on the claim board.
import { eq } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { computeDue } from "../deadlines/compute-due.js";
import { startStageDeadline } from "../deadlines/stage-deadlines.js";
import { AppError } from "../errors/catalogue.js";
import { notifyUnit } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import type { Ctx } from "../server/context.js";
import type { UnitKind } from "../units/kinds.js";
import { receiveOpenWarnings } from "../warnings/receive-open.js";
import { caseTimeFacts } from "./load-task.js";
import { tasks } from "./schema.js";
import type { AssignedVia, HandlingLevel, Urgency } from "./states.js";
import { appendCaseEvent } from "./timeline.js";

export interface OpenLeadTask {
  caseId: number;
  /** null: post on the claim board. */
  unitId: number | null;
  level: HandlingLevel;
  via: AssignedVia;
  routingId?: number | null;
  coUnitIds?: number[];
  /** Who may claim it from the board (empty: any unit). */
  eligibleKinds?: UnitKind[];
  urgency?: "normal" | "urgent";
}

export async function openLeadTask(ctx: Ctx, input: OpenLeadTask): Promise<{ taskId: number }> {
  const [kase] = await ctx.tx
    .select({ id: cases.id, code: cases.code, title: cases.title, category: cases.category, path: regionNodes.path })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(eq(cases.id, input.caseId))
    .for("update", { of: cases });
  if (!kase) throw new AppError("NOT_FOUND");
  const urgency = input.urgency ?? "normal";
  const facts = { category: kase.category, level: input.level, urgency, ...(await caseTimeFacts(ctx.tx, kase.id)) } as const;
  const posted = input.unitId == null;
  const claimDue = posted ? await computeDue(ctx.tx, { stage: "claim", ...facts, from: ctx.now }) : null;

  const [lead] = await ctx.tx
    .insert(tasks)
    .values({
      caseId: kase.id,
      unitId: input.unitId,
      role: "lead",
      level: input.level,
      state: posted ? "posted" : "assigned",
      urgency,
      assignedVia: posted ? null : input.via,
      routingId: input.routingId ?? null,
      eligibleKinds: input.eligibleKinds ?? [],
      claimDeadline: claimDue?.dueAt ?? null,
      postedAt: posted ? ctx.now : null,
      assignedAt: posted ? null : ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: tasks.id });
  await ctx.tx
    .update(cases)
    .set({ leadUnitId: input.unitId, handlingLevel: input.level, status: "open", closedAt: null, updatedAt: ctx.now })
    .where(eq(cases.id, kase.id));

  if (posted) {
    await appendCaseEvent(ctx, { caseId: kase.id, taskId: lead.id, kind: "posted", detail: { claimDeadline: claimDue!.dueAt.toISOString(), eligibleKinds: input.eligibleKinds ?? [] } });
  } else {
    await startStageDeadline(ctx, { taskId: lead.id, stage: "accept", ...facts, from: ctx.now });
    await appendCaseEvent(ctx, { caseId: kase.id, taskId: lead.id, unitId: input.unitId, kind: "assigned", detail: { unitId: input.unitId, via: input.via } });
    await notifyUnit(ctx, input.unitId!, { kind: "task.assigned", title: `新交办案件 ${kase.code}`, body: kase.title, caseId: kase.id, taskId: lead.id });
    await receiveOpenWarnings(ctx, kase.id, input.unitId!);
  }

  for (const coUnitId of new Set(input.coUnitIds ?? [])) {
    if (coUnitId === input.unitId) continue;
    const [co] = await ctx.tx
      .insert(tasks)
      .values({
        caseId: kase.id,
        unitId: coUnitId,
        role: "co",
        leadTaskId: lead.id,
        level: input.level,
        state: "assigned",
        urgency,
        assignedVia: input.via,
        routingId: input.routingId ?? null,
        assignedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: tasks.id });
    await startStageDeadline(ctx, { taskId: co.id, stage: "accept", ...facts, from: ctx.now });
    await appendCaseEvent(ctx, { caseId: kase.id, taskId: co.id, unitId: coUnitId, kind: "assigned", detail: { unitId: coUnitId, via: input.via, role: "co" } });
    await notifyUnit(ctx, coUnitId, { kind: "task.assigned", title: `协办案件 ${kase.code}`, body: kase.title, caseId: kase.id, taskId: co.id });
  }
  return { taskId: lead.id };
}
