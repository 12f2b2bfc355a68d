// Warnings over HTTP: the scoped list with counts per status, one warning with its loop, and the loop's steps
// (acknowledge, feedback, supervise, close).
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { cases } from "../cases/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { acknowledgeWarning } from "./acknowledge.js";
import { closeWarning } from "./close.js";
import { recordWarningFeedback } from "./feedback.js";
import { loadWarningInScope, presentWarningDetail, presentWarningSummary, selectWarnings } from "./load-warning.js";
import { warnings } from "./schema.js";
import { warningScope } from "./scope.js";
import { WARNING_LEVELS, WARNING_STATUSES, WARNING_TRIGGERS, type WarningStatus } from "./states.js";
import { superviseWarning } from "./supervise.js";
import { WarningDetailView, WarningListView } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

export function registerWarningRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  /** A step: the warning loaded in scope (404 outside), the command, then the warning as the actor now sees it. */
  const step = (req: { actor: Actor; id: string; ip: string; params: { id: number } }, act: (ctx: Ctx) => Promise<unknown>) =>
    run(req, async (ctx) => {
      await loadWarningInScope(ctx.tx, ctx.actor, req.params.id);
      await act(ctx);
      return presentWarningDetail(ctx.tx, ctx.actor, await loadWarningInScope(ctx.tx, ctx.actor, req.params.id), ctx.now);
    });

  app.get("/api/warnings", {
    config: { auth: { permission: "warnings.read" } },
    schema: {
      tags: ["warnings"],
      summary: "预警列表（本辖区案件的预警及本单位需签收的预警），含各状态数量",
      querystring: z.object({
        status: z.enum(WARNING_STATUSES).optional(),
        trigger: z.enum(WARNING_TRIGGERS).optional(),
        level: z.enum(WARNING_LEVELS).optional(),
        caseId: z.coerce.number().int().optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: WarningListView },
    },
    handler: async (req) => {
      const q = req.query;
      const now = new Date();
      const filters = and(
        q.trigger ? eq(warnings.trigger, q.trigger) : undefined,
        q.level ? eq(warnings.level, q.level) : undefined,
        q.caseId ? eq(warnings.caseId, q.caseId) : undefined,
      );
      const rows = await selectWarnings(services.db, req.actor, and(filters, q.status ? eq(warnings.status, q.status) : undefined, q.before ? lt(warnings.id, q.before) : undefined))
        .orderBy(desc(warnings.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map((r) => presentWarningSummary(r, now));
      const counted = await services.db
        .select({ status: warnings.status, n: sql<number>`count(*)::int` })
        .from(warnings)
        .innerJoin(cases, eq(cases.id, warnings.caseId))
        .where(and(warningScope(req.actor), filters))
        .groupBy(warnings.status);
      const counts = Object.fromEntries(WARNING_STATUSES.map((s) => [s, 0])) as Record<WarningStatus, number>;
      for (const c of counted) counts[c.status] = c.n;
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null, counts };
    },
  });

  app.get("/api/warnings/:id", {
    config: { auth: { permission: "warnings.read" } },
    schema: { tags: ["warnings"], summary: "预警详情：签收单位、处置反馈、督办、销号及各环节用时", params: IdParams, response: { 200: WarningDetailView } },
    handler: async (req) => presentWarningDetail(services.db, req.actor, await loadWarningInScope(services.db, req.actor, req.params.id), new Date()),
  });

  app.post("/api/warnings/:id/acknowledge", {
    config: { auth: { permission: "warnings.respond" } },
    schema: { tags: ["warnings"], summary: "签收预警（本单位）", params: IdParams, response: { 200: WarningDetailView } },
    handler: async (req) => step(req, (ctx) => acknowledgeWarning(ctx, req.params.id)),
  });

  app.post("/api/warnings/:id/feedback", {
    config: { auth: { permission: "warnings.respond" } },
    schema: { tags: ["warnings"], summary: "反馈处置措施（本单位）", params: IdParams, body: z.object({ measures: Text(2, 2000) }), response: { 200: WarningDetailView } },
    handler: async (req) => step(req, (ctx) => recordWarningFeedback(ctx, req.params.id, { measures: req.body.measures })),
  });

  app.post("/api/warnings/:id/supervise", {
    config: { auth: { permission: "warnings.manage" } },
    schema: {
      tags: ["warnings"],
      summary: "预警督办（向单位发出督办单）",
      params: IdParams,
      body: z.object({ unitId: z.number().int(), demand: Text(2, 500), dueAt: z.iso.datetime({ offset: true }) }),
      response: { 200: WarningDetailView },
    },
    handler: async (req) => step(req, (ctx) => superviseWarning(ctx, req.params.id, { unitId: req.body.unitId, demand: req.body.demand, dueAt: new Date(req.body.dueAt) })),
  });

  app.post("/api/warnings/:id/close", {
    config: { auth: { permission: "warnings.manage" } },
    schema: { tags: ["warnings"], summary: "预警销号（须已有处置反馈）", params: IdParams, body: z.object({ outcome: Text(2, 1000) }), response: { 200: WarningDetailView } },
    handler: async (req) => step(req, (ctx) => closeWarning(ctx, req.params.id, { outcome: req.body.outcome })),
  });
}
