// Mediation sessions: a case's sessions, schedule, change or cancel, record; a mediator's own schedule.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { loadCaseInScope } from "../../cases/routes.js";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import { mediationSessions } from "../schema.js";
import { mySessions, presentSession, selectSessions } from "./present-session.js";
import { recordSession } from "./record-session.js";
import { scheduleSession, updateSession } from "./schedule-session.js";
import { RecordSessionBody, ScheduleSessionBody, SessionView, UpdateSessionBody } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const List = z.object({ items: z.array(SessionView) });

/** The session if its case is in the actor's scope; NOT_FOUND otherwise. */
async function sessionInScope(ctx: Ctx, id: number): Promise<SessionView> {
  const s = await presentSession(ctx, id);
  if (!s) throw new AppError("NOT_FOUND");
  return s;
}

export function registerMediationSessionRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/cases/:id/sessions", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "案件的调解会议", params: IdParams, response: { 200: List } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return { items: await selectSessions(ctx, eq(mediationSessions.caseId, req.params.id)) };
      }),
  });

  app.post("/api/cases/:id/sessions", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "安排调解（时间、地点或线上、参加人）", params: IdParams, body: ScheduleSessionBody, response: { 200: SessionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        const id = await scheduleSession(ctx, req.params.id, req.body);
        return sessionInScope(ctx, id);
      }),
  });

  app.patch("/api/sessions/:id", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "调整或取消调解", params: IdParams, body: UpdateSessionBody, response: { 200: SessionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await sessionInScope(ctx, req.params.id);
        await updateSession(ctx, req.params.id, req.body);
        return sessionInScope(ctx, req.params.id);
      }),
  });

  app.post("/api/sessions/:id/record", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "记录调解：出席情况、笔录、结果", params: IdParams, body: RecordSessionBody, response: { 200: SessionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await sessionInScope(ctx, req.params.id);
        await recordSession(ctx, req.params.id, req.body);
        return sessionInScope(ctx, req.params.id);
      }),
  });

  app.get("/api/mediation/my-sessions", {
    config: { auth: { permission: "mediation.manage" } },
    schema: {
      tags: ["mediation"],
      summary: "我的调解日程（本人所在调解小组的案件）",
      querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
      response: { 200: List },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const from = req.query.from ? new Date(req.query.from) : new Date(ctx.now.getTime() - 7 * 24 * 3600 * 1000);
        return { items: await mySessions(ctx, { from, to: req.query.to ? new Date(req.query.to) : undefined }) };
      }),
  });
}
