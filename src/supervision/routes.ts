// Supervision orders over HTTP: issue on a case, list (scoped), one order, per-unit counts, respond / close / escalate.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { loadCaseInScope } from "../cases/routes.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { units } from "../units/schema.js";
import { closeOrder } from "./close-order.js";
import { escalateOrder } from "./escalate-order.js";
import { issueSupervisionOrder } from "./issue-order.js";
import { loadOrderInScope, presentOrder, selectOrders } from "./load-order.js";
import { respondToOrder } from "./respond-to-order.js";
import { supervisionOrders } from "./schema.js";
import { orderScope } from "./scope.js";
import { SUPERVISION_STATUSES } from "./statuses.js";
import { SupervisionListView, SupervisionOrderView, SupervisionStatsView } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

export function registerSupervisionRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  /** After a change: the order as the actor now sees it. */
  const reload = async (ctx: Ctx, id: number) => presentOrder(ctx.actor, await loadOrderInScope(ctx.tx, ctx.actor, id), ctx.now);

  app.post("/api/cases/:id/supervision", {
    config: { auth: { permission: "supervision.issue" } },
    schema: {
      tags: ["supervision"],
      summary: "对案件发起督办",
      params: IdParams,
      body: z.object({
        unitId: z.number().int(),
        taskId: z.number().int().nullable().optional(),
        demand: Text(2, 500),
        dueAt: z.iso.datetime({ offset: true }),
      }),
      response: { 200: SupervisionOrderView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const kase = await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const dueAt = new Date(req.body.dueAt);
        if (dueAt <= ctx.now) throw new AppError("VALIDATION_FAILED", "督办时限须晚于当前时间");
        const { orderId } = await issueSupervisionOrder(ctx, { caseId: kase.case.id, taskId: req.body.taskId, unitId: req.body.unitId, demand: req.body.demand, dueAt, source: "manual" });
        return reload(ctx, orderId);
      }),
  });

  app.get("/api/supervision", {
    config: { auth: { permission: "tasks.read" } },
    schema: {
      tags: ["supervision"],
      summary: "督办单列表（督办人看本辖区，承办单位看本单位）",
      querystring: z.object({
        status: z.enum(SUPERVISION_STATUSES).optional(),
        unitId: z.coerce.number().int().optional(),
        caseId: z.coerce.number().int().optional(),
        overdue: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: SupervisionListView },
    },
    handler: async (req) => {
      const q = req.query;
      const now = new Date();
      const rows = await selectOrders(
        services.db,
        and(
          orderScope(req.actor),
          q.status ? eq(supervisionOrders.status, q.status) : undefined,
          q.unitId ? eq(supervisionOrders.unitId, q.unitId) : undefined,
          q.caseId ? eq(supervisionOrders.caseId, q.caseId) : undefined,
          q.overdue ? sql`${supervisionOrders.status} IN ('open', 'escalated') AND ${supervisionOrders.dueAt} < ${now}` : undefined,
          q.before ? lt(supervisionOrders.id, q.before) : undefined,
        ),
      )
        .orderBy(desc(supervisionOrders.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map((r) => presentOrder(req.actor, r, now));
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
    },
  });

  app.get("/api/supervision/stats", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["supervision"], summary: "各单位督办数量（待回复、已回复、已办结、已升级、逾期）", response: { 200: SupervisionStatsView } },
    handler: async (req) => {
      const now = new Date();
      const count = (cond: ReturnType<typeof sql>) => sql<number>`count(*) FILTER (WHERE ${cond})::int`;
      const s = supervisionOrders.status;
      const rows = await services.db
        .select({
          unitId: supervisionOrders.unitId,
          unitName: units.name,
          open: count(sql`${s} = 'open'`),
          responded: count(sql`${s} = 'responded'`),
          closed: count(sql`${s} = 'closed'`),
          escalated: count(sql`${s} = 'escalated'`),
          overdue: count(sql`${s} IN ('open', 'escalated') AND ${supervisionOrders.dueAt} < ${now}`),
          total: sql<number>`count(*)::int`,
        })
        .from(supervisionOrders)
        .innerJoin(cases, eq(cases.id, supervisionOrders.caseId))
        .innerJoin(units, eq(units.id, supervisionOrders.unitId))
        .where(orderScope(req.actor))
        .groupBy(supervisionOrders.unitId, units.name)
        .orderBy(sql`count(*) DESC`, units.name);
      return { units: rows };
    },
  });

  app.get("/api/supervision/:id", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["supervision"], summary: "督办单详情（含当前用户可做的操作）", params: IdParams, response: { 200: SupervisionOrderView } },
    handler: async (req) => presentOrder(req.actor, await loadOrderInScope(services.db, req.actor, req.params.id), new Date()),
  });

  app.post("/api/supervision/:id/respond", {
    config: { auth: { permission: "supervision.respond" } },
    schema: { tags: ["supervision"], summary: "被督办单位回复督办", params: IdParams, body: z.object({ response: Text(2, 2000) }), response: { 200: SupervisionOrderView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadOrderInScope(ctx.tx, ctx.actor, req.params.id);
        await respondToOrder(ctx, req.params.id, { response: req.body.response });
        return reload(ctx, req.params.id);
      }),
  });

  app.post("/api/supervision/:id/close", {
    config: { auth: { permission: "supervision.issue" } },
    schema: { tags: ["supervision"], summary: "办结督办", params: IdParams, body: z.object({ note: Text(2, 1000) }), response: { 200: SupervisionOrderView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadOrderInScope(ctx.tx, ctx.actor, req.params.id);
        await closeOrder(ctx, req.params.id, { note: req.body.note });
        return reload(ctx, req.params.id);
      }),
  });

  app.post("/api/supervision/:id/escalate", {
    config: { auth: { permission: "supervision.issue" } },
    schema: {
      tags: ["supervision"],
      summary: "升级督办（告知单位负责人，可升级至上一级单位）",
      params: IdParams,
      body: z.object({ toUnitId: z.number().int().nullable().optional(), note: Text(2, 1000) }),
      response: { 200: SupervisionOrderView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadOrderInScope(ctx.tx, ctx.actor, req.params.id);
        await escalateOrder(ctx, req.params.id, { toUnitId: req.body.toUnitId, note: req.body.note });
        return reload(ctx, req.params.id);
      }),
  });
}
