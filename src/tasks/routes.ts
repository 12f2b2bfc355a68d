// Tasks: the unit's inbox, the claim board, each step of a task, and a case's tasks and timeline.
import { and, asc, desc, eq, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition } from "../accounts/policies.js";
import { loadCaseInScope } from "../cases/routes.js";
import { AppError } from "../errors/catalogue.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { UNIT_KINDS } from "../units/kinds.js";
import { units } from "../units/schema.js";
import { assignTask } from "./assign-task.js";
import { claimTask, recordLostClaim } from "./claim-task.js";
import { CASE_EVENT_NAMES, type CaseEventKind } from "./event-kinds.js";
import { postToBoard } from "./post-to-board.js";
import { presentTasks, selectTasks } from "./present-task.js";
import { caseEvents, tasks } from "./schema.js";
import { TASK_STATES } from "./states.js";
import { verifyTask, closeTask } from "./verify-task.js";
import { CaseEventView, TaskView } from "./views.js";
import { acceptTask, reportCoPart, resolveTask, returnTask, startTask } from "./work-task.js";
import { cases } from "../cases/schema.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Text = z.string().trim().min(2).max(2000);
const Ok = z.object({ ok: z.literal(true), task: TaskView });

async function actorUnitKind(ctx: Pick<Ctx, "tx" | "actor">): Promise<string | null> {
  const unitId = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
  if (unitId == null) return null;
  const [u] = await ctx.tx.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  return u?.kind ?? null;
}

/** Tasks the actor may see: their case's place is in scope, or the task is the actor's unit's. */
const taskScope = (actor: Actor) => scopeCondition(actor, cases.regionNodeId, tasks.unitId);

export function registerTaskRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  const presentOne = async (ctx: Ctx, taskId: number) => {
    const rows = await selectTasks(ctx.tx).where(and(eq(tasks.id, taskId), taskScope(ctx.actor)));
    if (!rows.length) throw new AppError("NOT_FOUND");
    return (await presentTasks(ctx.tx, ctx.actor, rows, ctx.now, await actorUnitKind(ctx)))[0];
  };

  app.get("/api/tasks", {
    config: { auth: { permission: "tasks.read" } },
    schema: {
      tags: ["tasks"],
      summary: "任务收件箱：本单位任务（mine），或辖区内全部任务（all）",
      querystring: z.object({
        view: z.enum(["mine", "all"]).default("mine"),
        state: z.enum(TASK_STATES).optional(),
        open: z.enum(["true", "false"]).transform((v) => v === "true").default(true),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(TaskView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const q = req.query;
        const unitId = ctx.actor.kind === "account" || ctx.actor.kind === "token" ? ctx.actor.unitId : null;
        const conds: (SQL | undefined)[] = [
          taskScope(ctx.actor),
          q.view === "mine" ? (unitId != null ? eq(tasks.unitId, unitId) : eq(tasks.id, -1)) : undefined,
          q.state ? eq(tasks.state, q.state) : q.open ? notInArray(tasks.state, ["closed", "returned"]) : undefined,
          q.before ? lt(tasks.id, q.before) : undefined,
        ];
        const rows = await selectTasks(ctx.tx).where(and(...conds)).orderBy(desc(tasks.id)).limit(q.limit + 1);
        const items = await presentTasks(ctx.tx, ctx.actor, rows.slice(0, q.limit), ctx.now, await actorUnitKind(ctx));
        return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
      }),
  });

  app.get("/api/claim-board", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["tasks"], summary: "揭榜大厅：待认领的案件", response: { 200: z.object({ items: z.array(TaskView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const rows = await selectTasks(ctx.tx).where(and(eq(tasks.state, "posted"), taskScope(ctx.actor))).orderBy(asc(tasks.claimDeadline)).limit(200);
        return { items: await presentTasks(ctx.tx, ctx.actor, rows, ctx.now, await actorUnitKind(ctx)) };
      }),
  });

  app.get("/api/tasks/:id", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["tasks"], summary: "任务详情", params: IdParams, response: { 200: TaskView } },
    handler: async (req) => run(req, (ctx) => presentOne(ctx, req.params.id)),
  });

  app.get("/api/cases/:id/tasks", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["tasks"], summary: "案件的主办、协办任务", params: IdParams, response: { 200: z.object({ items: z.array(TaskView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const rows = await selectTasks(ctx.tx).where(eq(tasks.caseId, req.params.id)).orderBy(asc(tasks.id));
        return { items: await presentTasks(ctx.tx, ctx.actor, rows, ctx.now, await actorUnitKind(ctx)) };
      }),
  });

  app.get("/api/cases/:id/timeline", {
    config: { auth: { permission: "tasks.read" } },
    schema: { tags: ["tasks"], summary: "案件时间轴：流转、认领、办理、时限、督办", params: IdParams, response: { 200: z.object({ items: z.array(CaseEventView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const rows = await ctx.tx
          .select({ e: caseEvents, unitName: units.name })
          .from(caseEvents)
          .leftJoin(units, eq(units.id, caseEvents.unitId))
          .where(eq(caseEvents.caseId, req.params.id))
          // A routing decision and the assignment it made share a moment: the decision reads first.
          .orderBy(asc(caseEvents.at), sql`${caseEvents.kind} IN ('routed', 'rerouted', 'escalated', 'pushed_down') DESC`, asc(caseEvents.id));
        return {
          items: rows.map(({ e, unitName }) => ({
            id: e.id,
            kind: e.kind,
            kindName: CASE_EVENT_NAMES[e.kind as CaseEventKind] ?? e.kind,
            taskId: e.taskId,
            unitId: e.unitId,
            unitName,
            detail: e.detail,
            actorLabel: e.actorLabel,
            at: e.at.toISOString(),
          })),
        };
      }),
  });

  app.post("/api/cases/:id/post", {
    config: { auth: { permission: "tasks.dispatch" } },
    schema: {
      tags: ["tasks"],
      summary: "发布揭榜（公开认领）",
      params: IdParams,
      body: z.object({ eligibleKinds: z.array(z.enum(UNIT_KINDS)).max(20).default([]), reason: Text, urgency: z.enum(["normal", "urgent"]).optional() }),
      response: { 200: Ok },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const { taskId } = await postToBoard(ctx, req.params.id, req.body);
        return { ok: true as const, task: await presentOne(ctx, taskId) };
      }),
  });

  app.post("/api/tasks/:id/claim", {
    config: { auth: { permission: "tasks.claim" } },
    schema: { tags: ["tasks"], summary: "揭榜认领（多家同时认领时只有一家成功）", params: IdParams, response: { 200: Ok } },
    handler: async (req) => {
      try {
        return await run(req, async (ctx) => {
          await claimTask(ctx, req.params.id);
          return { ok: true as const, task: await presentOne(ctx, req.params.id) };
        });
      } catch (err) {
        if (err instanceof AppError && err.code === "CLAIM_LOST") await run(req, (ctx) => recordLostClaim(ctx, req.params.id));
        throw err;
      }
    },
  });

  const step = (path: string, permission: "tasks.dispatch" | "tasks.handle", summary: string, body: z.ZodType, act: (ctx: Ctx, id: number, body: any) => Promise<void>) =>
    app.post(`/api/tasks/:id/${path}`, {
      config: { auth: { permission } },
      schema: { tags: ["tasks"], summary, params: IdParams, body, response: { 200: Ok } },
      handler: async (req) =>
        run(req, async (ctx) => {
          await act(ctx, req.params.id, req.body);
          return { ok: true as const, task: await presentOne(ctx, req.params.id) };
        }),
    });

  const Empty = z.object({}).default({});
  step("assign", "tasks.dispatch", "指派承办单位（待认领任务）", z.object({ unitId: z.number().int(), note: z.string().trim().max(500).optional() }), (ctx, id, b) => assignTask(ctx, id, b));
  step("accept", "tasks.handle", "签收", Empty, (ctx, id) => acceptTask(ctx, id));
  step("start", "tasks.handle", "开始办理", Empty, (ctx, id) => startTask(ctx, id));
  step("report", "tasks.handle", "协办单位反馈办理情况", z.object({ report: Text }), (ctx, id, b) => reportCoPart(ctx, id, b));
  step("resolve", "tasks.handle", "办结（提交核验）", z.object({ resolution: Text }), (ctx, id, b) => resolveTask(ctx, id, b));
  step("return", "tasks.handle", "退回（说明理由，重新流转）", z.object({ reason: Text }), (ctx, id, b) => returnTask(ctx, id, b));
  step("verify", "tasks.dispatch", "核验：通过，或退回重办", z.object({ approve: z.boolean(), note: z.string().trim().max(1000).optional() }), (ctx, id, b) => verifyTask(ctx, id, b));
  step("close", "tasks.dispatch", "结案", z.object({ note: z.string().trim().max(1000).optional() }).default({}), (ctx, id, b) => closeTask(ctx, id, b));
}
