// Follow-up visits (回访) over HTTP: my visits, the scoped list with its tabs, one visit, record a result, reassign,
// a case's visits, and the rules (list, add, edit).
import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { CATEGORIES, CATEGORY_NAMES, isCategory } from "../cases/categories.js";
import { loadCaseInScope } from "../cases/routes.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import { regionIdInSubtree } from "../regions/subtree.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { cases } from "../cases/schema.js";
import { countVisits, loadVisitInScope, presentVisit, selectVisits, whenCondition } from "./load-visit.js";
import { createRule, reassignVisit, updateRule } from "./manage.js";
import { recordVisit } from "./record-visit.js";
import { followUpRules, followUpVisits } from "./schema.js";
import { mineCondition, visitScope } from "./scope.js";
import { VISIT_STATUSES, VISIT_WHEN } from "./states.js";
import { FollowUpListView, FollowUpRulesView, FollowUpRuleView, FollowUpVisitView, RecordVisitBody } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Colour = z.enum(["red", "yellow", "green"]);
const RuleBody = z.object({
  category: z.enum(CATEGORIES).nullable(),
  riskLevel: Colour.nullable(),
  offsetsDays: z.array(z.number().int().min(1).max(365)).min(1).max(12),
  active: z.boolean().default(true),
});
const RulePatch = z.object({
  category: z.enum(CATEGORIES).nullable().optional(),
  riskLevel: Colour.nullable().optional(),
  offsetsDays: z.array(z.number().int().min(1).max(365)).min(1).max(12).optional(),
  active: z.boolean().optional(),
});
const ListQuery = z.object({
  when: z.enum(VISIT_WHEN).optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  /** A community or grid (or any node): visits of cases placed under it. */
  regionNodeId: z.coerce.number().int().optional(),
  /** The same, by region code. */
  region: z.string().max(40).optional(),
  caseId: z.coerce.number().int().optional(),
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
type ListQuery = z.infer<typeof ListQuery>;

function presentRule(r: typeof followUpRules.$inferSelect): FollowUpRuleView {
  return {
    id: r.id,
    category: r.category,
    categoryName: r.category && isCategory(r.category) ? CATEGORY_NAMES[r.category] : null,
    riskLevel: r.riskLevel,
    offsetsDays: r.offsetsDays,
    active: r.active,
    updatedByLabel: r.updatedByLabel,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function registerFollowUpRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  const reload = async (ctx: Ctx, id: number) => presentVisit(ctx.actor, await loadVisitInScope(ctx.tx, ctx.actor, id), ctx.now);

  /** The list and its tab counts: the tab (`when`) filters the items, not the counts. */
  const list = async (actor: Actor, base: SQL, q: ListQuery) => {
    const now = new Date();
    let region: SQL | undefined;
    if (q.regionNodeId != null || q.region) {
      const [node] = await services.db.select({ path: regionNodes.path }).from(regionNodes).where(q.regionNodeId != null ? eq(regionNodes.id, q.regionNodeId) : eq(regionNodes.code, q.region!));
      if (!node) throw new AppError("VALIDATION_FAILED", "区域不存在");
      region = regionIdInSubtree(cases.regionNodeId, node.path);
    }
    const filters = and(base, region, q.caseId != null ? eq(followUpVisits.caseId, q.caseId) : undefined);
    const where = and(filters, q.when ? whenCondition(q.when, now) : undefined, q.status ? eq(followUpVisits.status, q.status) : undefined);
    // Due visits soonest first; done ones latest first. Paging by id keeps it simple: `before` is the last id seen.
    const done = q.when === "done" || q.status === "done" || q.status === "cancelled";
    const rows = await selectVisits(services.db, and(where, q.before ? (done ? lt(followUpVisits.id, q.before) : gt(followUpVisits.id, q.before)) : undefined))
      .orderBy(done ? desc(followUpVisits.id) : asc(followUpVisits.id))
      .limit(q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => presentVisit(actor, r, now));
    return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null, counts: await countVisits(services.db, filters, now) };
  };

  app.get("/api/follow-ups/mine", {
    config: { auth: { permission: "followups.read" } },
    schema: { tags: ["follow-ups"], summary: "我的回访任务（今日到期、逾期、即将到期、已完成）", querystring: ListQuery, response: { 200: FollowUpListView } },
    handler: async (req) => list(req.actor, mineCondition(req.actor), req.query),
  });

  app.get("/api/follow-ups", {
    config: { auth: { permission: "followups.read" } },
    schema: { tags: ["follow-ups"], summary: "回访清单（本辖区及本人、本单位负责的回访）", querystring: ListQuery, response: { 200: FollowUpListView } },
    handler: async (req) => list(req.actor, visitScope(req.actor), req.query),
  });

  app.get("/api/follow-ups/:id", {
    config: { auth: { permission: "followups.read" } },
    schema: { tags: ["follow-ups"], summary: "回访详情（含当前用户可做的操作）", params: IdParams, response: { 200: FollowUpVisitView } },
    handler: async (req) => presentVisit(req.actor, await loadVisitInScope(services.db, req.actor, req.params.id), new Date()),
  });

  app.get("/api/cases/:id/follow-ups", {
    config: { auth: { permission: "followups.read" } },
    schema: { tags: ["follow-ups"], summary: "案件的回访记录", params: IdParams, response: { 200: z.object({ items: z.array(FollowUpVisitView) }) } },
    handler: async (req) => {
      await loadCaseInScope(services.db, req.actor, req.params.id);
      const now = new Date();
      const rows = await selectVisits(services.db, eq(followUpVisits.caseId, req.params.id)).orderBy(asc(followUpVisits.dueAt), asc(followUpVisits.id));
      return { items: rows.map((r) => presentVisit(req.actor, r, now)) };
    },
  });

  app.post("/api/follow-ups/:id/record", {
    config: { auth: { permission: "followups.record" } },
    schema: {
      tags: ["follow-ups"],
      summary: "登记回访结果（未化解时：原案件重新办理或另立复发案件；联系不上：3天后再次回访）",
      params: IdParams,
      body: RecordVisitBody,
      response: { 200: FollowUpVisitView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadVisitInScope(ctx.tx, ctx.actor, req.params.id);
        await recordVisit(ctx, req.params.id, req.body);
        return reload(ctx, req.params.id);
      }),
  });

  app.post("/api/follow-ups/:id/reassign", {
    config: { auth: { permission: "followups.manage" } },
    schema: {
      tags: ["follow-ups"],
      summary: "改派回访（指定回访人或单位）",
      params: IdParams,
      body: z.object({ accountId: z.number().int().nullable().optional(), unitId: z.number().int().nullable().optional(), note: z.string().trim().max(500).optional() }),
      response: { 200: FollowUpVisitView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadVisitInScope(ctx.tx, ctx.actor, req.params.id);
        await reassignVisit(ctx, req.params.id, req.body);
        return reload(ctx, req.params.id);
      }),
  });

  app.get("/api/follow-up-rules", {
    config: { auth: { permission: "followups.manage" } },
    schema: { tags: ["follow-ups"], summary: "回访规则（按纠纷类别、风险等级，最具体的启用规则生效）", response: { 200: FollowUpRulesView } },
    handler: async () => {
      const rows = await services.db.select().from(followUpRules).orderBy(asc(followUpRules.id));
      return { items: rows.map(presentRule) };
    },
  });

  app.post("/api/follow-up-rules", {
    config: { auth: { permission: "followups.manage" } },
    schema: { tags: ["follow-ups"], summary: "新增回访规则", body: RuleBody, response: { 200: FollowUpRuleView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const id = await createRule(ctx, req.body);
        const [row] = await ctx.tx.select().from(followUpRules).where(eq(followUpRules.id, id));
        return presentRule(row);
      }),
  });

  app.patch("/api/follow-up-rules/:id", {
    config: { auth: { permission: "followups.manage" } },
    schema: { tags: ["follow-ups"], summary: "修改回访规则（天数、启用）", params: IdParams, body: RulePatch, response: { 200: FollowUpRuleView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await updateRule(ctx, req.params.id, req.body);
        const [row] = await ctx.tx.select().from(followUpRules).where(eq(followUpRules.id, req.params.id));
        return presentRule(row);
      }),
  });
}
