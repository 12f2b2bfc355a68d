// Extensions (延期): POST /api/tasks/:id/extensions (the task's unit), GET /api/extensions (scoped list),
// POST /api/extensions/:id/decide (the street centre).
import { and, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition } from "../../accounts/policies.js";
import { cases } from "../../cases/schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Services } from "../../server/context.js";
import { tasks } from "../../tasks/schema.js";
import { units } from "../../units/schema.js";
import { decideExtension, requestExtension } from "../extensions.js";
import { extensionRequests, taskDeadlines } from "../schema.js";
import { EXTENSION_STATUSES, ExtensionDecision, ExtensionInput, ExtensionView } from "../views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

/** Requests on tasks the actor may see: its case's place in the actor's region, or the task or case is the actor's unit's. */
function extensionScope(actor: Actor): SQL {
  const byRegionOrTaskUnit = scopeCondition(actor, cases.regionNodeId, tasks.unitId);
  return actor.kind === "account" && actor.unitId != null ? or(byRegionOrTaskUnit, eq(cases.leadUnitId, actor.unitId))! : byRegionOrTaskUnit;
}

async function listExtensions(db: DbOrTx, where: SQL | undefined, limit = 200) {
  const rows = await db
    .select({ r: extensionRequests, caseId: cases.id, caseCode: cases.code, caseTitle: cases.title, unitId: tasks.unitId, unitName: units.name, dueAt: taskDeadlines.dueAt })
    .from(extensionRequests)
    .innerJoin(tasks, eq(tasks.id, extensionRequests.taskId))
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .leftJoin(units, eq(units.id, tasks.unitId))
    .leftJoin(taskDeadlines, and(eq(taskDeadlines.taskId, extensionRequests.taskId), eq(taskDeadlines.stage, extensionRequests.stage), isNull(taskDeadlines.doneAt)))
    .where(where)
    .orderBy(desc(extensionRequests.id))
    .limit(limit);
  return rows.map(({ r, ...x }) => ({
    ...r,
    ...x,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    dueAt: x.dueAt?.toISOString() ?? null,
  }));
}

export function registerExtensionRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: import("../../server/context.js").Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.post("/api/tasks/:id/extensions", {
    config: { auth: { permission: "tasks.handle" } },
    schema: { tags: ["deadlines"], summary: "承办单位申请延期", params: IdParams, body: ExtensionInput, response: { 200: ExtensionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const request = await requestExtension(ctx, { taskId: req.params.id, ...req.body });
        const [view] = await listExtensions(ctx.tx, eq(extensionRequests.id, request.id), 1);
        return view;
      }),
  });

  app.get("/api/extensions", {
    config: { auth: { permission: "tasks.read" } },
    schema: {
      tags: ["deadlines"],
      summary: "延期申请列表（本辖区及本单位）",
      querystring: z.object({ status: z.enum(EXTENSION_STATUSES).optional(), taskId: z.coerce.number().int().optional() }),
      response: { 200: z.object({ items: z.array(ExtensionView) }) },
    },
    handler: async (req) => {
      const q = req.query;
      const where = and(
        extensionScope(req.actor),
        q.status ? eq(extensionRequests.status, q.status) : undefined,
        q.taskId ? eq(extensionRequests.taskId, q.taskId) : undefined,
      );
      return { items: await listExtensions(services.db, where) };
    },
  });

  app.post("/api/extensions/:id/decide", {
    config: { auth: { permission: "extensions.decide" } },
    schema: { tags: ["deadlines"], summary: "审批延期申请", params: IdParams, body: ExtensionDecision, response: { 200: ExtensionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await decideExtension(ctx, req.params.id, req.body);
        const [view] = await listExtensions(ctx.tx, eq(extensionRequests.id, req.params.id), 1);
        return view;
      }),
  });
}
