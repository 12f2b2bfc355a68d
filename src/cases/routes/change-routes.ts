// Staff corrections of cases: merge, split, undo either, and the dispute type (kept as a labelled example).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requirePermission } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { records } from "../../intake/schema.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { mergeCases, splitCase, undoChange } from "../case-changes.js";
import { CATEGORIES } from "../categories.js";
import { loadCaseInScope } from "../routes.js";
import { caseChanges, cases, labelledExamples } from "../schema.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Reason = z.string().trim().min(2).max(300);
const Ok = z.object({ ok: z.literal(true), changeId: z.number().nullable(), caseId: z.number() });

export function registerCaseChangeRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: import("../../server/context.js").Actor; id: string; ip: string }, work: (ctx: import("../../server/context.js").Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.post("/api/cases/:id/merge", {
    config: { auth: { permission: "cases.manage" } },
    schema: { tags: ["cases"], summary: "把本案件并入另一案件", params: IdParams, body: z.object({ intoCaseId: z.number().int(), reason: Reason }), response: { 200: Ok } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        await loadCaseInScope(ctx.tx, ctx.actor, req.body.intoCaseId);
        const change = await mergeCases(ctx, { fromCaseId: req.params.id, intoCaseId: req.body.intoCaseId, reason: req.body.reason });
        return { ok: true as const, changeId: change.id, caseId: req.body.intoCaseId };
      }),
  });

  app.post("/api/cases/:id/split", {
    config: { auth: { permission: "cases.manage" } },
    schema: { tags: ["cases"], summary: "把部分记录拆分为新案件", params: IdParams, body: z.object({ recordIds: z.array(z.number().int()).min(1).max(500), reason: Reason }), response: { 200: Ok } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const { change, newCaseId } = await splitCase(ctx, { caseId: req.params.id, recordIds: req.body.recordIds, reason: req.body.reason });
        return { ok: true as const, changeId: change.id, caseId: newCaseId };
      }),
  });

  app.post("/api/case-changes/:id/undo", {
    config: { auth: { permission: "cases.manage" } },
    schema: { tags: ["cases"], summary: "撤销一次合并或拆分", params: IdParams, response: { 200: Ok } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const [change] = await ctx.tx.select().from(caseChanges).where(eq(caseChanges.id, req.params.id));
        if (!change) throw new AppError("NOT_FOUND");
        await loadCaseInScope(ctx.tx, ctx.actor, change.toCaseId);
        const undone = await undoChange(ctx, change.id);
        return { ok: true as const, changeId: undone.id, caseId: undone.fromCaseId };
      }),
  });

  app.post("/api/cases/:id/category", {
    config: { auth: { permission: "cases.manage" } },
    schema: { tags: ["cases"], summary: "更正纠纷类别（作为分类模型的标注样本）", params: IdParams, body: z.object({ category: z.enum(CATEGORIES), reason: Reason }), response: { 200: Ok } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const row = await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        requirePermission(ctx.actor, "cases.manage");
        await ctx.tx
          .update(cases)
          .set({ category: req.body.category, categoryConfidence: 1, categorySource: "staff", needsTriage: false, updatedAt: ctx.now })
          .where(eq(cases.id, row.case.id));
        const recs = await ctx.tx.select({ narrative: records.narrative, words: records.categoryWords }).from(records)
          // Superseded versions are texts a correction replaced: not examples of anything.
          .where(and(eq(records.caseId, row.case.id), eq(records.isCurrent, true)));
        if (recs.length) {
          await ctx.tx.insert(labelledExamples).values(recs.map((r) => ({ text: r.narrative, category: req.body.category, channelWords: r.words, source: "staff" as const, caseId: row.case.id })));
        }
        await recordAudit(ctx, { action: "case.category", subjectType: "case", subjectId: row.case.id, oldValues: { category: row.case.category }, newValues: { category: req.body.category, reason: req.body.reason } });
        return { ok: true as const, changeId: null, caseId: row.case.id };
      }),
  });
}
