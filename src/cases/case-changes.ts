// Staff merges and splits of cases. Each is written down with the records it moved, so that it can be undone,
// and audited in the same transaction.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { scoreCases } from "../risk/score-case.js";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { records } from "../intake/schema.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { caseChanges, caseMatches, cases } from "./schema.js";

async function moveRecords(ctx: Ctx, recordIds: number[], toCaseId: number, decision: "staff_merge" | "staff_move") {
  if (!recordIds.length) return;
  await ctx.tx.update(records).set({ caseId: toCaseId }).where(inArray(records.id, recordIds));
  await ctx.tx.update(caseMatches).set({ current: false }).where(and(inArray(caseMatches.recordId, recordIds), eq(caseMatches.current, true)));
  await ctx.tx.insert(caseMatches).values(recordIds.map((recordId) => ({ recordId, caseId: toCaseId, decision, score: 1, evidence: [], decidedBy: actorLabel(ctx.actor) })));
}

/** Recounts a case after records moved in or out (and marks it emptied when none is left). */
export async function recount(ctx: Ctx, caseId: number) {
  // The parties follow the records: whoever the case's records name.
  await ctx.tx.execute(sql`DELETE FROM case_parties WHERE case_id = ${caseId}`);
  await ctx.tx.execute(sql`
    INSERT INTO case_parties (case_id, person_id, role)
    SELECT DISTINCT ${caseId}::int, rp.person_id, rp.role FROM record_people rp JOIN records r ON r.id = rp.record_id
     WHERE r.case_id = ${caseId} AND r.is_current AND rp.person_id IS NOT NULL
    ON CONFLICT DO NOTHING`);
  await ctx.tx.execute(sql`
    UPDATE cases SET
      record_count = (SELECT count(*) FROM records WHERE case_id = ${caseId} AND is_current),
      first_reported_at = (SELECT min(reported_at) FROM records WHERE case_id = ${caseId} AND is_current),
      last_reported_at = (SELECT max(reported_at) FROM records WHERE case_id = ${caseId} AND is_current),
      updated_at = now()
    WHERE id = ${caseId}`);
  // Its risk follows the records it now holds.
  await scoreCases(ctx.tx, [caseId], ctx.now);
}

async function liveCase(ctx: Ctx, id: number) {
  const [c] = await ctx.tx.select().from(cases).where(and(eq(cases.id, id), isNull(cases.mergedIntoId))).for("update");
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

export async function mergeCases(ctx: Ctx, input: { fromCaseId: number; intoCaseId: number; reason: string }) {
  if (input.fromCaseId === input.intoCaseId) throw new AppError("VALIDATION_FAILED", "不能与自身合并");
  const from = await liveCase(ctx, input.fromCaseId);
  const into = await liveCase(ctx, input.intoCaseId);
  const moved = await ctx.tx.select({ id: records.id }).from(records).where(eq(records.caseId, from.id));
  const ids = moved.map((r) => r.id);
  await moveRecords(ctx, ids, into.id, "staff_merge");
  await ctx.tx.update(cases).set({ mergedIntoId: into.id, updatedAt: ctx.now }).where(eq(cases.id, from.id));
  await recount(ctx, into.id);
  await recount(ctx, from.id);
  const [change] = await ctx.tx
    .insert(caseChanges)
    .values({ kind: "merge", fromCaseId: from.id, toCaseId: into.id, recordIds: ids, reason: input.reason, actorLabel: actorLabel(ctx.actor) })
    .returning();
  await recordAudit(ctx, { action: "case.merge", subjectType: "case", subjectId: into.id, oldValues: { caseId: from.id }, newValues: { caseId: into.id, records: ids, reason: input.reason, changeId: change.id } });
  return change;
}

export async function splitCase(ctx: Ctx, input: { caseId: number; recordIds: number[]; reason: string }) {
  const source = await liveCase(ctx, input.caseId);
  const inCase = await ctx.tx.select({ id: records.id }).from(records).where(and(eq(records.caseId, source.id), inArray(records.id, input.recordIds)));
  if (inCase.length !== input.recordIds.length) throw new AppError("VALIDATION_FAILED", "所选记录不属于该案件");
  const remaining = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(records).where(and(eq(records.caseId, source.id), eq(records.isCurrent, true)));
  if (remaining[0].n <= inCase.length) throw new AppError("VALIDATION_FAILED", "拆分后原案件至少要保留一条记录");
  const [created] = await ctx.tx
    .insert(cases)
    .values({
      code: sql`'GT-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 7, '0')`,
      title: source.title,
      summary: source.summary,
      regionNodeId: source.regionNodeId,
      category: source.category,
      categoryConfidence: source.categoryConfidence,
      categorySource: source.categorySource,
    })
    .returning();
  await moveRecords(ctx, input.recordIds, created.id, "staff_move");
  await recount(ctx, source.id);
  await recount(ctx, created.id);
  const [change] = await ctx.tx
    .insert(caseChanges)
    .values({ kind: "split", fromCaseId: source.id, toCaseId: created.id, recordIds: input.recordIds, reason: input.reason, actorLabel: actorLabel(ctx.actor) })
    .returning();
  await recordAudit(ctx, { action: "case.split", subjectType: "case", subjectId: source.id, newValues: { newCaseId: created.id, records: input.recordIds, reason: input.reason, changeId: change.id } });
  return { change, newCaseId: created.id };
}

/** Undoes a merge (the records go back, the merged case lives again) or a split (the records return). */
export async function undoChange(ctx: Ctx, changeId: number) {
  const [change] = await ctx.tx.select().from(caseChanges).where(eq(caseChanges.id, changeId)).for("update");
  if (!change) throw new AppError("NOT_FOUND");
  if (change.undoneAt) throw new AppError("CONFLICT", "该操作已撤销");
  if (change.kind === "merge") {
    await ctx.tx.update(cases).set({ mergedIntoId: null, updatedAt: ctx.now }).where(eq(cases.id, change.fromCaseId));
    await moveRecords(ctx, change.recordIds, change.fromCaseId, "staff_move");
  } else {
    await moveRecords(ctx, change.recordIds, change.fromCaseId, "staff_merge");
    await ctx.tx.update(cases).set({ mergedIntoId: change.fromCaseId, updatedAt: ctx.now }).where(eq(cases.id, change.toCaseId));
  }
  await recount(ctx, change.fromCaseId);
  await recount(ctx, change.toCaseId);
  await ctx.tx.update(caseChanges).set({ undoneAt: ctx.now }).where(eq(caseChanges.id, change.id));
  await recordAudit(ctx, { action: "case.undo", subjectType: "case_change", subjectId: change.id, oldValues: { kind: change.kind, from: change.fromCaseId, to: change.toCaseId } });
  return change;
}
