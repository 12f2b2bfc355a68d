// The ODR funnel of a case: GET where it stands and its moves, POST a move.
import { z } from "zod";
import { may } from "../../accounts/policies.js";
import { loadCaseInScope } from "../../cases/routes.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import type { MediationStage } from "../kinds.js";
import { listStageChanges, moveStage } from "./move-stage.js";
import { FunnelView, StageMoveBody } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

export async function presentFunnel(ctx: Ctx, caseId: number): Promise<FunnelView> {
  const { case: c } = await loadCaseInScope(ctx.tx, ctx.actor, caseId);
  const changes = await listStageChanges(ctx, caseId);
  return {
    caseId,
    stage: (c.mediationStage as MediationStage | null) ?? null,
    changes: changes.map((ch) => ({ id: ch.id, fromStage: ch.fromStage, toStage: ch.toStage, reason: ch.reason, actorLabel: ch.actorLabel, at: ch.at.toISOString() })),
    can: { move: may(ctx.actor, "mediation.manage") },
  };
}

export function registerFunnelRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/cases/:id/mediation-stage", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "案件在咨询→评估→调解→仲裁→诉讼中的阶段及每次变更的理由", params: IdParams, response: { 200: FunnelView } },
    handler: async (req) => run(req, (ctx) => presentFunnel(ctx, req.params.id)),
  });

  app.post("/api/cases/:id/mediation-stage", {
    config: { auth: { permission: "mediation.manage" } },
    schema: {
      tags: ["mediation"],
      summary: "变更调解阶段（前进可跳级；退回须说明理由）",
      params: IdParams,
      body: StageMoveBody,
      response: { 200: FunnelView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        await moveStage(ctx, req.params.id, req.body);
        return presentFunnel(ctx, req.params.id);
      }),
  });
}
