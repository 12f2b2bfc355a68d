// Scoring a timeline event against the rules (rules.ts): one ledger entry per matching rule and subject, written in
// the transaction of the event. Called explicitly by appendCaseEvent; scoring an event twice adds nothing (the
// ledger's unique index on rule × event × subject, ON CONFLICT DO NOTHING).
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Ctx } from "../server/context.js";
import type { NewCaseEvent } from "../tasks/timeline.js";
import { caseEvents } from "../tasks/schema.js";
import { RULES_BY_KIND, type AssessmentRule } from "./rules.js";
import { assessmentEntries } from "./schema.js";

export interface ScoredEvent extends NewCaseEvent {
  id: number;
  /** When it happened; the context's clock when absent (appendCaseEvent stamps the event with it). */
  at?: Date;
  /** Who did it; the context's actor when absent. */
  actorAccountId?: number | null;
}

/** Writes the event's ledger entries; returns how many were new. */
export async function scoreCaseEvent(ctx: Pick<Ctx, "actor" | "tx" | "now">, event: ScoredEvent): Promise<number> {
  const rules = (RULES_BY_KIND.get(event.kind) ?? []).filter((r) => r.when(event.detail ?? {}));
  if (!rules.length) return 0;
  const accountId = event.actorAccountId !== undefined ? event.actorAccountId : ctx.actor.kind === "account" ? ctx.actor.id : null;
  const values = [];
  for (const rule of rules) {
    const subject = await subjectOf(ctx, rule, event, accountId);
    if (!subject) continue; // nobody to credit or charge: a posted task has no unit yet, a system act no person
    values.push({
      ruleCode: rule.code,
      ...subject,
      points: rule.points,
      caseId: event.caseId,
      taskId: event.taskId ?? null,
      sourceKind: "case_event",
      sourceId: event.id,
      occurredAt: event.at ?? ctx.now,
      note: rule.name,
    });
  }
  if (!values.length) return 0;
  const inserted = await ctx.tx.insert(assessmentEntries).values(values).onConflictDoNothing().returning({ id: assessmentEntries.id });
  return inserted.length;
}

async function subjectOf(
  ctx: Pick<Ctx, "tx">,
  rule: AssessmentRule,
  event: ScoredEvent,
  accountId: number | null,
): Promise<{ unitId: number | null; accountId: number | null } | null> {
  switch (rule.subject) {
    case "unit":
      return event.unitId != null ? { unitId: event.unitId, accountId: null } : null;
    case "account":
      return accountId != null ? { unitId: null, accountId } : null;
    case "previous_unit": {
      const unitId = await closingUnitOf(ctx, event.detail?.previousCaseId);
      return unitId != null ? { unitId, accountId: null } : null;
    }
  }
}

/** The unit that closed a case: its last `closed` event's unit, else the case's lead unit. */
export async function closingUnitOf(ctx: Pick<Ctx, "tx">, caseId: unknown): Promise<number | null> {
  if (typeof caseId !== "number") return null;
  const [closed] = await ctx.tx
    .select({ unitId: caseEvents.unitId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, "closed")))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(1);
  if (closed?.unitId != null) return closed.unitId;
  const [kase] = await ctx.tx.select({ leadUnitId: cases.leadUnitId }).from(cases).where(eq(cases.id, caseId));
  return kase?.leadUnitId ?? null;
}

/**
 * Scores stored events again (after a rule was added, or for events written before the ledger existed). Entries
 * already in the ledger stay as they are; only missing ones are added.
 */
export async function scoreStoredEvents(ctx: Pick<Ctx, "actor" | "tx" | "now">, opts: { caseId?: number } = {}): Promise<number> {
  const kinds = [...RULES_BY_KIND.keys()];
  let added = 0;
  let after = 0;
  for (;;) {
    const rows = await ctx.tx
      .select()
      .from(caseEvents)
      .where(and(gt(caseEvents.id, after), inArray(caseEvents.kind, kinds), opts.caseId != null ? eq(caseEvents.caseId, opts.caseId) : undefined))
      .orderBy(asc(caseEvents.id))
      .limit(2000);
    for (const e of rows) {
      added += await scoreCaseEvent(ctx, {
        id: e.id,
        caseId: e.caseId,
        kind: e.kind as ScoredEvent["kind"],
        taskId: e.taskId,
        unitId: e.unitId,
        detail: e.detail,
        at: e.at,
        actorAccountId: e.actorAccountId,
      });
    }
    if (rows.length < 2000) return added;
    after = rows[rows.length - 1].id;
  }
}
