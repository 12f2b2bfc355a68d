// What a visit that finds the dispute not settled leads to: the case reopened (back to open, unrouted, so the routing
// sweep sends it out again) or a new case for the flare-up, linked to this one as its recurrence.
import { and, eq, ne, sql } from "drizzle-orm";
import { caseParties, cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import type { Ctx } from "../server/context.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { auditFollowUp } from "./audit.js";
import { daysBetween } from "./days.js";
import { followUpVisits } from "./schema.js";

type CaseRow = typeof cases.$inferSelect;

/** The case locked for the change. */
export async function lockCase(ctx: Pick<Ctx, "tx">, caseId: number): Promise<CaseRow> {
  const [c] = await ctx.tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

/** Cancels the closure's visits still due after this one: they followed a closure that no longer stands. */
export async function cancelLaterVisits(ctx: Pick<Ctx, "tx">, visit: { id: number; caseId: number; closedAt: Date }): Promise<number[]> {
  const rows = await ctx.tx
    .update(followUpVisits)
    .set({ status: "cancelled" })
    .where(and(eq(followUpVisits.caseId, visit.caseId), eq(followUpVisits.closedAt, visit.closedAt), eq(followUpVisits.status, "due"), ne(followUpVisits.id, visit.id)))
    .returning({ id: followUpVisits.id });
  return rows.map((r) => r.id);
}

/** 重新办理: the closed case goes back to open with no handling level, so routeNewCases routes it again. */
export async function reopenCase(ctx: Ctx, caseId: number, input: { reason: string; visitId: number }): Promise<void> {
  const c = await lockCase(ctx, caseId);
  if (c.status !== "closed" || c.mergedIntoId != null) throw new AppError("CONFLICT", "案件当前未结案，无需重新办理");
  await ctx.tx.update(cases).set({ status: "open", closedAt: null, handlingLevel: null, updatedAt: ctx.now }).where(eq(cases.id, caseId));
  await appendCaseEvent(ctx, { caseId, kind: "reopened", unitId: c.leadUnitId, detail: { reason: input.reason, visitId: input.visitId, closedAt: c.closedAt?.toISOString() ?? null } });
  await auditFollowUp(ctx, {
    action: "case.reopen",
    subjectType: "case",
    subjectId: caseId,
    oldValues: { status: c.status, closedAt: c.closedAt?.toISOString() ?? null, handlingLevel: c.handlingLevel },
    newValues: { status: "open", closedAt: null, handlingLevel: null, reason: input.reason, visitId: input.visitId },
  });
}

/** 复发: a new case for the flare-up, in the same place and of the same type, with the same parties, linked to this one. */
export async function openRecurrence(ctx: Ctx, caseId: number, input: { reason: string; visitId: number }): Promise<{ caseId: number; code: string }> {
  const prev = await lockCase(ctx, caseId);
  if (prev.mergedIntoId != null) throw new AppError("CONFLICT", "案件已被合并");
  const [created] = await ctx.tx
    .insert(cases)
    .values({
      code: sql`'GT-' || to_char(${ctx.now}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 7, '0')`,
      title: `复发：${prev.title}`.slice(0, 200),
      summary: input.reason,
      regionNodeId: prev.regionNodeId,
      category: prev.category,
      categoryConfidence: prev.categoryConfidence,
      categorySource: prev.categorySource,
      recurrenceOfId: prev.id,
      rootCaseId: prev.rootCaseId ?? prev.id,
      openedAt: ctx.now,
      updatedAt: ctx.now,
      firstReportedAt: ctx.now,
      lastReportedAt: ctx.now,
    })
    .returning({ id: cases.id, code: cases.code });
  await ctx.tx.execute(sql`
    INSERT INTO ${caseParties} (case_id, person_id, role)
    SELECT ${created.id}::int, person_id, role FROM ${caseParties} WHERE case_id = ${prev.id}
    ON CONFLICT DO NOTHING`);
  const daysSinceClosed = prev.closedAt ? daysBetween(prev.closedAt, ctx.now) : null;
  await appendCaseEvent(ctx, { caseId: created.id, kind: "recurrence", detail: { previousCaseId: prev.id, daysSinceClosed, visitId: input.visitId, reason: input.reason } });
  await auditFollowUp(ctx, {
    action: "case.recurrence",
    subjectType: "case",
    subjectId: created.id,
    newValues: { recurrenceOfId: prev.id, rootCaseId: prev.rootCaseId ?? prev.id, visitId: input.visitId, daysSinceClosed, reason: input.reason },
  });
  return { caseId: created.id, code: created.code };
}
