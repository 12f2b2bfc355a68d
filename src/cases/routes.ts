// Cases, read side: GET /api/cases (scoped list), GET /api/cases/:id (records with the evidence that placed them).
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition } from "../accounts/policies.js";
import { recordAudit } from "../audit/record.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { records } from "../intake/schema.js";
import { people } from "../people/schema.js";
import { presentPerson } from "../people/routes.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Services } from "../server/context.js";
import { units } from "../units/schema.js";
import { RISK_LEVELS } from "../risk/levels.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../mediation/schema.js";
import { CATEGORIES, CATEGORY_NAMES, isCategory } from "./categories.js";
import { caseChanges, caseMatches, caseParties, cases, CASE_STATUSES } from "./schema.js";
import { listDuplicates } from "./routes/duplicate-routes.js";
import { CaseDetailView, CaseSummaryView } from "./views.js";

/**
 * Cases the actor may see: by place or lead unit (scopeCondition), and for a mediator also the cases whose active
 * mediation team they are on, wherever those lie.
 */
export const caseScope = (actor: Actor) => {
  const byPlace = scopeCondition(actor, cases.regionNodeId, cases.leadUnitId);
  const onTeam =
    actor.kind === "account" && actor.role === "mediator"
      ? sql`EXISTS (SELECT 1 FROM ${mediationTeams} t JOIN ${mediationTeamMembers} m ON m.team_id = t.id JOIN ${mediators} md ON md.id = m.mediator_id
                     WHERE t.case_id = ${cases.id} AND t.status = 'active' AND md.account_id = ${actor.id})`
      : undefined;
  return and(isNull(cases.mergedIntoId), onTeam ? or(byPlace, onTeam) : byPlace);
};

const columns = { case: cases, regionName: regionNodes.name, leadUnitName: units.name };
type Row = { case: typeof cases.$inferSelect; regionName: string; leadUnitName: string | null };

export function presentCase(r: Row) {
  const c = r.case;
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    status: c.status,
    regionNodeId: c.regionNodeId,
    regionName: r.regionName,
    leadUnitId: c.leadUnitId,
    leadUnitName: r.leadUnitName,
    openedAt: c.openedAt.toISOString(),
    category: c.category,
    categoryName: c.category && isCategory(c.category) ? CATEGORY_NAMES[c.category] : null,
    categoryConfidence: c.categoryConfidence,
    needsTriage: c.needsTriage,
    recordCount: c.recordCount,
    firstReportedAt: c.firstReportedAt?.toISOString() ?? null,
    lastReportedAt: c.lastReportedAt?.toISOString() ?? null,
    riskLevel: c.riskLevel,
    riskScore: c.riskScore,
    riskFactors: c.riskFactors ?? [],
    riskScoredAt: c.riskScoredAt?.toISOString() ?? null,
  };
}

export async function loadCaseInScope(db: DbOrTx, actor: Actor, id: number): Promise<Row> {
  const [row] = await db
    .select(columns)
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .leftJoin(units, eq(units.id, cases.leadUnitId))
    .where(and(eq(cases.id, id), caseScope(actor)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export function registerCaseRoutes(app: App, services: Services) {
  app.get("/api/cases", {
    config: { auth: { permission: "cases.read" } },
    schema: {
      tags: ["cases"],
      summary: "案件列表（本辖区及本单位承办）",
      querystring: z.object({
        status: z.enum(CASE_STATUSES).optional(),
        category: z.enum(CATEGORIES).optional(),
        triage: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
        risk: z.enum(RISK_LEVELS).optional(),
        q: z.string().trim().max(40).optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(CaseSummaryView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) => {
      const q = req.query;
      const rows = await services.db
        .select(columns)
        .from(cases)
        .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
        .leftJoin(units, eq(units.id, cases.leadUnitId))
        .where(
          and(
            caseScope(req.actor),
            q.status ? eq(cases.status, q.status) : undefined,
            q.category ? eq(cases.category, q.category) : undefined,
            q.triage ? eq(cases.needsTriage, true) : undefined,
            q.risk ? eq(cases.riskLevel, q.risk) : undefined,
            q.q ? or(sql`${cases.title} ILIKE ${"%" + q.q.replace(/[%_\\]/g, "\\$&") + "%"}`, eq(cases.code, q.q)) : undefined,
            q.before ? lt(cases.id, q.before) : undefined,
          ),
        )
        .orderBy(desc(cases.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map(presentCase);
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
    },
  });

  app.get("/api/cases/:id", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["cases"], summary: "案件详情：记录、归集依据、合并拆分记录", params: z.object({ id: z.coerce.number().int() }), response: { 200: CaseDetailView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const row = await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const recs = await ctx.tx
          .select({ record: records, regionName: regionNodes.name, match: caseMatches })
          .from(records)
          .leftJoin(regionNodes, eq(regionNodes.id, records.regionNodeId))
          .leftJoin(caseMatches, and(eq(caseMatches.recordId, records.id), eq(caseMatches.current, true)))
          .where(and(eq(records.caseId, row.case.id), eq(records.isCurrent, true)))
          .orderBy(asc(records.reportedAt));
        const parties = await ctx.tx
          .select({ person: people, role: caseParties.role, regionName: regionNodes.name })
          .from(caseParties)
          .innerJoin(people, eq(people.id, caseParties.personId))
          .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
          .where(eq(caseParties.caseId, row.case.id));
        const changes = await ctx.tx
          .select()
          .from(caseChanges)
          .where(or(eq(caseChanges.fromCaseId, row.case.id), eq(caseChanges.toCaseId, row.case.id)))
          .orderBy(desc(caseChanges.id));
        const duplicates = await listDuplicates(ctx.tx, ctx.actor, { caseId: row.case.id });
        await recordAudit(ctx, { action: "case.read", subjectType: "case", subjectId: row.case.id });
        return {
          ...presentCase(row),
          summary: row.case.summary,
          recurrenceOfId: row.case.recurrenceOfId,
          rootCaseId: row.case.rootCaseId,
          parties: parties.map((p) => ({ ...presentPerson(p.person, p.regionName), role: p.role })),
          records: recs.map(({ record: r, regionName, match }) => ({
            id: r.id,
            channel: r.channel,
            externalId: r.externalId,
            reportedAt: r.reportedAt.toISOString(),
            narrative: r.narrative,
            addressText: r.addressText,
            regionName,
            decision: match?.decision ?? null,
            score: match?.score ?? null,
            matchedRecordId: match?.matchedRecordId ?? null,
            evidence: match?.evidence ?? [],
          })),
          changes: changes.map((c) => ({ ...c, at: c.at.toISOString(), undone: c.undoneAt != null })),
          duplicates,
        };
      }),
  });
}

