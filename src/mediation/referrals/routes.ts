// Referrals (诉调衔接): a case's referrals, refer, update the status, and the dossier that goes with one.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { loadCaseInScope } from "../../cases/routes.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import { referrals } from "../schema.js";
import { assembleDossier, referralInScope, selectReferrals } from "./present-referral.js";
import { createReferral, updateReferral } from "./refer-case.js";
import { CreateReferralBody, DossierView, ReferralView, UpdateReferralBody } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

export function registerReferralRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/cases/:id/referrals", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "案件的诉调衔接移交", params: IdParams, response: { 200: z.object({ items: z.array(ReferralView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return { items: await selectReferrals(ctx, eq(referrals.caseId, req.params.id)) };
      }),
  });

  app.post("/api/cases/:id/referrals", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "调解不成：移交仲裁、法律援助或诉讼，附当事人指引", params: IdParams, body: CreateReferralBody, response: { 200: ReferralView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return referralInScope(ctx, await createReferral(ctx, req.params.id, req.body));
      }),
  });

  app.patch("/api/referrals/:id", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "更新移交状态（已接收 / 已办结）", params: IdParams, body: UpdateReferralBody, response: { 200: ReferralView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await referralInScope(ctx, req.params.id);
        await updateReferral(ctx, req.params.id, req.body);
        return referralInScope(ctx, req.params.id);
      }),
  });

  app.get("/api/referrals/:id/dossier", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "随案移交材料：案情、当事人、记录、调解会议、协议", params: IdParams, response: { 200: DossierView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const dossier = await assembleDossier(ctx, req.params.id);
        await recordAudit(ctx, { action: "referral.dossier", subjectType: "referral", subjectId: req.params.id });
        return dossier;
      }),
  });
}
