// The case timeline: one append per event, in the transaction of the change it describes.
import { scoreCaseEvent } from "../assessment/score.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { scoreCases } from "../risk/score-case.js";
import type { CaseEventKind } from "./event-kinds.js";
import { caseEvents } from "./schema.js";

export interface NewCaseEvent {
  caseId: number;
  kind: CaseEventKind;
  taskId?: number | null;
  unitId?: number | null;
  detail?: Record<string, unknown>;
}

const RESCORE_ON = new Set<CaseEventKind>([
  "routed", "recurrence", "closed", "reopened", "resolved", "deadline_overdue", "escalated", "agreement_breached", "referral_sent", "follow_up_done", "police_transfer",
]);

/** Appends an event to the case's timeline and returns its id (the assessment ledger links entries to it). */
export async function appendCaseEvent(ctx: Pick<Ctx, "actor" | "tx" | "now">, e: NewCaseEvent): Promise<number> {
  const [row] = await ctx.tx
    .insert(caseEvents)
    .values({
      caseId: e.caseId,
      taskId: e.taskId ?? null,
      unitId: e.unitId ?? null,
      kind: e.kind,
      detail: e.detail ?? {},
      actorLabel: actorLabel(ctx.actor),
      actorAccountId: ctx.actor.kind === "account" ? ctx.actor.id : null,
      at: ctx.now,
    })
    .returning({ id: caseEvents.id });
  // The assessment ledger scores the event in the same transaction (explicitly, not through a hook).
  await scoreCaseEvent(ctx, { id: row.id, ...e });
  // Risk follows the events that bear on it (recurrence, closing and reopening, overdue work, broken agreements).
  if (RESCORE_ON.has(e.kind)) await scoreCases(ctx.tx, [e.caseId], ctx.now);
  return row.id;
}
