// Routing over HTTP: the matrix (read by every staff role, saved as a new version by admins), a case's routing
// history with its reasons, staff moves (route now, re-route, escalate, push down) and the linked-workflow checklist.
import { count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize, may } from "../accounts/policies.js";
import { CATEGORY_NAMES } from "../cases/categories.js";
import { loadCaseInScope } from "../cases/routes.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { streetNode } from "../regions/street.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { HANDLING_LEVEL_NAMES, HANDLING_LEVELS, type HandlingLevel } from "../tasks/states.js";
import { units } from "../units/schema.js";
import { currentVersion, loadMatrix, ruleSummary, saveMatrixVersion, type MatrixVersion } from "./matrix.js";
import { escalateCase, hasOpenLeadTask, pushDownCase, rerouteCase, routeCase } from "./route-case.js";
import { caseRoutings, routingMatrixVersions, routingRules } from "./schema.js";
import { ROUTING_VIA_NAMES } from "./names.js";
import { CaseRoutingView, MatrixInput, MatrixView, RoutingResult, VersionView, WorkflowStepView, WorkflowView } from "./views.js";
import { completeWorkflowStep, listWorkflow } from "./workflows.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Reason = z.string().trim().min(2).max(300);

async function presentVersions(db: DbOrTx, versions: MatrixVersion[]) {
  if (!versions.length) return [];
  const ids = versions.map((v) => v.id);
  const ruleCounts = new Map((await db.select({ id: routingRules.versionId, n: count() }).from(routingRules).where(inArray(routingRules.versionId, ids)).groupBy(routingRules.versionId)).map((r) => [r.id, r.n]));
  const routed = new Map((await db.select({ id: caseRoutings.versionId, n: count() }).from(caseRoutings).where(inArray(caseRoutings.versionId, ids)).groupBy(caseRoutings.versionId)).map((r) => [r.id, r.n]));
  const newest = await currentVersion(db);
  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    note: v.note,
    createdByLabel: v.createdByLabel,
    createdAt: v.createdAt.toISOString(),
    ruleCount: ruleCounts.get(v.id) ?? 0,
    routedCount: routed.get(v.id) ?? 0,
    current: v.id === newest?.id,
  }));
}

async function presentMatrix(db: DbOrTx, version: MatrixVersion | null) {
  if (!version) return { version: null, rules: [] };
  const { rules } = await loadMatrix(db, version);
  const [v] = await presentVersions(db, [version]);
  return {
    version: v,
    rules: rules.map((r) => ({
      id: r.id,
      position: r.position,
      category: r.category as keyof typeof CATEGORY_NAMES | null,
      categoryName: r.category ? CATEGORY_NAMES[r.category as keyof typeof CATEGORY_NAMES] ?? r.category : null,
      regionNodeId: r.regionNodeId,
      regionName: r.regionName,
      minAmount: r.minAmount,
      minPeople: r.minPeople,
      channel: r.channel as never,
      riskLevel: r.riskLevel,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitName,
      leadUnitKind: r.leadUnitKind as never,
      coUnitKinds: r.coUnitKinds as never[],
      level: r.level,
      openCall: r.openCall,
      note: r.note,
      summary: ruleSummary(r),
    })),
  };
}

async function presentCaseRouting(ctx: Ctx, caseId: number) {
  const row = await loadCaseInScope(ctx.tx, ctx.actor, caseId);
  const rows = await ctx.tx
    .select({ r: caseRoutings, version: routingMatrixVersions.version, position: routingRules.position, leadUnitName: units.name })
    .from(caseRoutings)
    .leftJoin(routingMatrixVersions, eq(routingMatrixVersions.id, caseRoutings.versionId))
    .leftJoin(routingRules, eq(routingRules.id, caseRoutings.ruleId))
    .leftJoin(units, eq(units.id, caseRoutings.leadUnitId))
    .where(eq(caseRoutings.caseId, caseId))
    .orderBy(desc(caseRoutings.id));
  const coIds = [...new Set(rows.flatMap((x) => x.r.coUnitIds))];
  const names = new Map(coIds.length ? (await ctx.tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, coIds))).map((u) => [u.id, u.name]) : []);
  const routed = await hasOpenLeadTask(ctx.tx, caseId);
  const level = (HANDLING_LEVELS as readonly string[]).includes(row.case.handlingLevel ?? "") ? (row.case.handlingLevel as HandlingLevel) : null;
  const dispatch = may(ctx.actor, "tasks.dispatch") && row.case.status !== "closed";
  return {
    caseId,
    handlingLevel: level,
    leadUnitId: row.case.leadUnitId,
    leadUnitName: row.leadUnitName,
    routed,
    routings: rows.map(({ r, version, position, leadUnitName }) => ({
      id: r.id,
      via: r.via,
      viaName: ROUTING_VIA_NAMES[r.via],
      version: version ?? null,
      rulePosition: position ?? null,
      leadUnitId: r.leadUnitId,
      leadUnitName: leadUnitName ?? null,
      coUnits: r.coUnitIds.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      level: r.level,
      levelName: HANDLING_LEVEL_NAMES[r.level],
      reasons: r.reasons,
      note: r.note,
      decidedByLabel: r.decidedByLabel,
      at: r.at.toISOString(),
    })),
    abilities: {
      route: dispatch && !routed,
      reroute: dispatch,
      escalate: dispatch && level != null && level !== "county",
      pushDown: dispatch && level != null && level !== "grid",
    },
  };
}

export function registerRoutingRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/routing/matrix", {
    config: { auth: { permission: "units.read" } },
    schema: { tags: ["routing"], summary: "职责矩阵（现行版本或指定版本）", querystring: z.object({ version: z.coerce.number().int().optional() }), response: { 200: MatrixView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        if (req.query.version === undefined) return presentMatrix(ctx.tx, await currentVersion(ctx.tx));
        const [v] = await ctx.tx.select().from(routingMatrixVersions).where(eq(routingMatrixVersions.version, req.query.version));
        if (!v) throw new AppError("NOT_FOUND");
        return presentMatrix(ctx.tx, v);
      }),
  });

  app.get("/api/routing/matrix/versions", {
    config: { auth: { permission: "units.read" } },
    schema: { tags: ["routing"], summary: "职责矩阵历史版本", response: { 200: z.object({ items: z.array(VersionView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => ({ items: await presentVersions(ctx.tx, await ctx.tx.select().from(routingMatrixVersions).orderBy(desc(routingMatrixVersions.version))) })),
  });

  app.post("/api/routing/matrix", {
    config: { auth: { permission: "routing.manage" } },
    schema: { tags: ["routing"], summary: "保存职责矩阵为新版本", body: MatrixInput, response: { 200: MatrixView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        // The matrix covers the whole street: only an admin whose jurisdiction holds the street edits it.
        const street = await streetNode(ctx.tx);
        authorize(ctx.actor, "routing.manage", street ? { regionPath: street.path } : null);
        const version = await saveMatrixVersion(ctx, req.body);
        return presentMatrix(ctx.tx, version);
      }),
  });

  app.get("/api/cases/:id/routing", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["routing"], summary: "案件流转记录及依据", params: IdParams, response: { 200: CaseRoutingView } },
    handler: async (req) => run(req, (ctx) => presentCaseRouting(ctx, req.params.id)),
  });

  app.post("/api/cases/:id/route", {
    config: { auth: { permission: "tasks.dispatch" } },
    schema: { tags: ["routing"], summary: "按职责矩阵立即流转（尚未流转的案件）", params: IdParams, response: { 200: RoutingResult } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const routed = await routeCase(ctx, req.params.id);
        if (!routed) throw new AppError("ALREADY_ROUTED");
        return routed;
      }),
  });

  app.post("/api/cases/:id/reroute", {
    config: { auth: { permission: "tasks.dispatch" } },
    schema: {
      tags: ["routing"],
      summary: "改派：指定单位、发布揭榜或按职责矩阵重新流转",
      params: IdParams,
      body: z.object({ unitId: z.number().int().nullable().optional(), level: z.enum(HANDLING_LEVELS).optional(), coUnitIds: z.array(z.number().int()).max(8).optional(), reason: Reason }),
      response: { 200: RoutingResult },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return rerouteCase(ctx, req.params.id, req.body);
      }),
  });

  app.post("/api/cases/:id/escalate", {
    config: { auth: { permission: "tasks.dispatch" } },
    schema: { tags: ["routing"], summary: "上提一级", params: IdParams, body: z.object({ reason: Reason }), response: { 200: RoutingResult } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return escalateCase(ctx, req.params.id, req.body);
      }),
  });

  app.post("/api/cases/:id/push-down", {
    config: { auth: { permission: "tasks.dispatch" } },
    schema: { tags: ["routing"], summary: "下沉一级", params: IdParams, body: z.object({ reason: Reason }), response: { 200: RoutingResult } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return pushDownCase(ctx, req.params.id, req.body);
      }),
  });

  app.get("/api/cases/:id/workflow", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["routing"], summary: "联动响应清单", params: IdParams, response: { 200: WorkflowView } },
    handler: async (req) => run(req, (ctx) => listWorkflow(ctx, req.params.id)),
  });

  app.post("/api/workflow-steps/:id/complete", {
    config: { auth: { permission: "tasks.handle" } },
    schema: { tags: ["routing"], summary: "勾选联动步骤", params: IdParams, body: z.object({ note: z.string().trim().max(500).nullable().optional() }), response: { 200: WorkflowStepView } },
    handler: async (req) => run(req, (ctx) => completeWorkflowStep(ctx, req.params.id, req.body)),
  });
}
