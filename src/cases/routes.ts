// Cases (read side for now): GET /api/cases, GET /api/cases/:id — scoped to the caller's jurisdiction.
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition } from "../accounts/policies.js";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { people } from "../people/schema.js";
import { presentPerson } from "../people/routes.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { units } from "../units/schema.js";
import { caseParties, cases, CASE_STATUSES } from "./schema.js";
import { CaseDetailView, CaseSummaryView } from "./views.js";

export function registerCaseRoutes(app: App, services: Services) {
  const summaryColumns = {
    case: cases,
    regionName: regionNodes.name,
    leadUnitName: units.name,
  };
  const present = (r: { case: typeof cases.$inferSelect; regionName: string; leadUnitName: string | null }) => ({
    id: r.case.id,
    code: r.case.code,
    title: r.case.title,
    status: r.case.status,
    regionNodeId: r.case.regionNodeId,
    regionName: r.regionName,
    leadUnitId: r.case.leadUnitId,
    leadUnitName: r.leadUnitName,
    openedAt: r.case.openedAt.toISOString(),
  });

  app.get("/api/cases", {
    config: { auth: { permission: "cases.read" } },
    schema: {
      tags: ["cases"],
      summary: "案件列表（本辖区及本单位承办）",
      querystring: z.object({
        status: z.enum(CASE_STATUSES).optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(CaseSummaryView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) => {
      const q = req.query;
      const rows = await services.db
        .select(summaryColumns)
        .from(cases)
        .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
        .leftJoin(units, eq(units.id, cases.leadUnitId))
        .where(
          and(
            scopeCondition(req.actor, cases.regionNodeId, cases.leadUnitId),
            q.status ? eq(cases.status, q.status) : undefined,
            q.before ? lt(cases.id, q.before) : undefined,
          ),
        )
        .orderBy(desc(cases.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map(present);
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
    },
  });

  app.get("/api/cases/:id", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["cases"], summary: "案件详情", params: z.object({ id: z.coerce.number().int() }), response: { 200: CaseDetailView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [row] = await ctx.tx
          .select(summaryColumns)
          .from(cases)
          .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
          .leftJoin(units, eq(units.id, cases.leadUnitId))
          .where(and(eq(cases.id, req.params.id), scopeCondition(ctx.actor, cases.regionNodeId, cases.leadUnitId)));
        if (!row) throw new AppError("NOT_FOUND");
        const parties = await ctx.tx
          .select({ person: people, role: caseParties.role, regionName: regionNodes.name })
          .from(caseParties)
          .innerJoin(people, eq(people.id, caseParties.personId))
          .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
          .where(eq(caseParties.caseId, row.case.id));
        await recordAudit(ctx, { action: "case.read", subjectType: "case", subjectId: row.case.id });
        return {
          ...present(row),
          summary: row.case.summary,
          parties: parties.map((p) => ({ ...presentPerson(p.person, p.regionName), role: p.role })),
        };
      }),
  });
}
