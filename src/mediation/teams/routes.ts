// Team formation over HTTP: the proposal for a case, its team (assign, release), and trusted-mediator requests.
import { z } from "zod";
import { may } from "../../accounts/policies.js";
import { loadCaseInScope } from "../../cases/routes.js";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import { REQUEST_STATUSES } from "../kinds.js";
import { assignTeam, releaseTeam } from "./assign-team.js";
import { listRequests, loadTeamView } from "./present-team.js";
import { proposeTeam } from "./propose.js";
import { citizenFiledCase, decideRequest, requestMediator } from "./requests.js";
import { AssignTeamInput, CaseTeamView, DecideRequestInput, MediatorRequestInput, MediatorRequestView, ProposalView } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

export function registerTeamRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  const caseTeam = async (ctx: Ctx, caseId: number) => ({
    team: await loadTeamView(ctx.tx, caseId),
    requests: await listRequests(ctx.tx, ctx.actor, { caseId }),
    abilities: { propose: may(ctx.actor, "mediation.manage"), request: may(ctx.actor, "mediation.request") },
  });

  app.get("/api/cases/:id/team-proposal", {
    config: { auth: { permission: "mediation.manage" } },
    schema: {
      tags: ["mediation"],
      summary: "推荐调解小组：组长与组员、各项得分、备选人选、回避与不可用人员",
      params: IdParams,
      querystring: z.object({ size: z.coerce.number().int().min(2).max(4).optional() }),
      response: { 200: ProposalView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return proposeTeam(ctx.tx, req.params.id, { size: req.query.size, now: ctx.now });
      }),
  });

  app.get("/api/cases/:id/team", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "案件的调解小组与指定调解员申请", params: IdParams, response: { 200: CaseTeamView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return caseTeam(ctx, req.params.id);
      }),
  });

  app.post("/api/cases/:id/team", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "指派调解小组（一键采用推荐，或自行调整）；原小组随之解散", params: IdParams, body: AssignTeamInput, response: { 200: CaseTeamView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        await assignTeam(ctx, req.params.id, req.body);
        return caseTeam(ctx, req.params.id);
      }),
  });

  app.delete("/api/cases/:id/team", {
    config: { auth: { permission: "mediation.manage" } },
    schema: {
      tags: ["mediation"],
      summary: "解散案件的调解小组",
      params: IdParams,
      querystring: z.object({ reason: z.string().trim().max(500).optional() }),
      response: { 200: CaseTeamView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        await releaseTeam(ctx, req.params.id, { reason: req.query.reason });
        return caseTeam(ctx, req.params.id);
      }),
  });

  app.post("/api/cases/:id/mediator-requests", {
    config: { auth: { permission: "mediation.request" } },
    schema: {
      tags: ["mediation"],
      summary: "申请指定信任的调解员（群众：本人提交过诉求的案件；工作人员：代当事人申请）",
      params: IdParams,
      body: MediatorRequestInput,
      response: { 200: MediatorRequestView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const a = ctx.actor;
        if (a.kind === "account" && a.role === "citizen") {
          if (!(await citizenFiledCase(ctx.tx, req.params.id, a.id))) throw new AppError("NOT_FOUND");
        } else await loadCaseInScope(ctx.tx, a, req.params.id);
        const { requestId } = await requestMediator(ctx, req.params.id, req.body);
        const [view] = await listRequests(ctx.tx, ctx.actor, { id: requestId, caseId: req.params.id });
        return view;
      }),
  });

  app.get("/api/mediator-requests", {
    config: { auth: { permission: null } },
    schema: {
      tags: ["mediation"],
      summary: "指定调解员申请：调解员看指定本人的，群众看本人提交的，工作人员看辖区内的",
      querystring: z.object({ status: z.enum(REQUEST_STATUSES).optional() }),
      response: { 200: z.object({ items: z.array(MediatorRequestView) }) },
    },
    handler: async (req) => run(req, async (ctx) => ({ items: await listRequests(ctx.tx, ctx.actor, { status: req.query.status }) })),
  });

  app.post("/api/mediator-requests/:id/decide", {
    config: { auth: { permission: "mediation.respond" } },
    schema: { tags: ["mediation"], summary: "调解员接受或谢绝指定（谢绝须说明理由）", params: IdParams, body: DecideRequestInput, response: { 200: MediatorRequestView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await decideRequest(ctx, req.params.id, req.body);
        const [view] = await listRequests(ctx.tx, ctx.actor, { id: req.params.id });
        if (!view) throw new AppError("NOT_FOUND");
        return view;
      }),
  });
}
