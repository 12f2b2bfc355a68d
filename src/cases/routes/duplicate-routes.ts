// The possible-duplicates queue: records that might report a dispute another case already holds. Staff confirm
// (the record's case merges into the candidate) or reject; both are audited, a merge can be undone.
import { aliasedTable, and, desc, eq, or } from "drizzle-orm";
import { z } from "zod";
import { requirePermission } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { actorLabel, inTransaction, type Actor, type Services } from "../../server/context.js";
import { mergeCases } from "../case-changes.js";
import { caseScope, loadCaseInScope } from "../routes.js";
import { cases, possibleDuplicates } from "../schema.js";
import { DuplicateView } from "../views.js";

export async function listDuplicates(db: DbOrTx, actor: Actor, filter: { caseId?: number; status?: "open" | "confirmed" | "rejected" }) {
  const candidate = aliasedTable(cases, "candidate");
  const rows = await db
    .select({ d: possibleDuplicates, code: cases.code, title: cases.title, candidateCode: candidate.code, candidateTitle: candidate.title })
    .from(possibleDuplicates)
    .innerJoin(cases, eq(cases.id, possibleDuplicates.caseId))
    .innerJoin(candidate, eq(candidate.id, possibleDuplicates.candidateCaseId))
    .where(
      and(
        caseScope(actor),
        filter.status ? eq(possibleDuplicates.status, filter.status) : undefined,
        filter.caseId ? or(eq(possibleDuplicates.caseId, filter.caseId), eq(possibleDuplicates.candidateCaseId, filter.caseId)) : undefined,
      ),
    )
    .orderBy(desc(possibleDuplicates.score))
    .limit(200);
  return rows.map((r) => ({
    id: r.d.id,
    recordId: r.d.recordId,
    caseId: r.d.caseId,
    caseCode: r.code,
    caseTitle: r.title,
    candidateCaseId: r.d.candidateCaseId,
    candidateCode: r.candidateCode,
    candidateTitle: r.candidateTitle,
    score: r.d.score,
    evidence: r.d.evidence,
    status: r.d.status,
    createdAt: r.d.createdAt.toISOString(),
  }));
}

export function registerDuplicateRoutes(app: App, services: Services) {
  app.get("/api/case-duplicates", {
    config: { auth: { permission: "cases.read" } },
    schema: {
      tags: ["cases"],
      summary: "疑似重复案件队列",
      querystring: z.object({ status: z.enum(["open", "confirmed", "rejected"]).default("open") }),
      response: { 200: z.object({ items: z.array(DuplicateView) }) },
    },
    handler: async (req) => ({ items: await listDuplicates(services.db, req.actor, { status: req.query.status }) }),
  });

  app.post("/api/case-duplicates/:id/decide", {
    config: { auth: { permission: "cases.manage" } },
    schema: {
      tags: ["cases"],
      summary: "确认（合并）或否定疑似重复",
      params: z.object({ id: z.coerce.number().int() }),
      body: z.object({ decision: z.enum(["confirm", "reject"]), reason: z.string().trim().min(2).max(300) }),
      response: { 200: z.object({ id: z.number(), status: z.enum(["confirmed", "rejected"]), changeId: z.number().nullable() }) },
    },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [d] = await ctx.tx.select().from(possibleDuplicates).where(eq(possibleDuplicates.id, req.params.id)).for("update");
        if (!d) throw new AppError("NOT_FOUND");
        await loadCaseInScope(ctx.tx, ctx.actor, d.caseId);
        await loadCaseInScope(ctx.tx, ctx.actor, d.candidateCaseId);
        requirePermission(ctx.actor, "cases.manage");
        if (d.status !== "open") throw new AppError("CONFLICT", "该疑似重复已处理");
        let changeId: number | null = null;
        if (req.body.decision === "confirm") {
          changeId = (await mergeCases(ctx, { fromCaseId: d.caseId, intoCaseId: d.candidateCaseId, reason: req.body.reason })).id;
        }
        const status = req.body.decision === "confirm" ? ("confirmed" as const) : ("rejected" as const);
        await ctx.tx.update(possibleDuplicates).set({ status, decidedBy: actorLabel(ctx.actor), decidedAt: ctx.now }).where(eq(possibleDuplicates.id, d.id));
        await recordAudit(ctx, { action: req.body.decision === "confirm" ? "duplicate.confirm" : "duplicate.reject", subjectType: "possible_duplicate", subjectId: d.id, newValues: { reason: req.body.reason, changeId } });
        return { id: d.id, status, changeId };
      }),
  });
}
