// Agreements (调解协议书): a case's agreements, compose, edit, each party's confirmation, performance, the PDF;
// judicial confirmation: request to the court, the court's decision.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { loadCaseInScope } from "../../cases/routes.js";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../../server/context.js";
import { agreements, judicialConfirmations } from "../schema.js";
import { createAgreement, updateAgreement } from "./compose-agreement.js";
import { decideConfirmation, requestConfirmation } from "./judicial-confirmation.js";
import { agreementPdf } from "./pdf.js";
import { agreementInScope, selectAgreements } from "./present-agreement.js";
import { confirmParty, recordPerformance } from "./sign-agreement.js";
import {
  AgreementView, ConfirmBody, CreateAgreementBody, DecideConfirmationBody, PerformanceBody, RequestConfirmationBody, UpdateAgreementBody,
} from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

export function registerAgreementRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  /** Checks scope, does the work, answers with the agreement as it now is. */
  const act = (req: { actor: Actor; id: string; ip: string; params: { id: number } }, work: (ctx: Ctx) => Promise<unknown>) =>
    run(req, async (ctx) => {
      await agreementInScope(ctx, req.params.id);
      await work(ctx);
      return agreementInScope(ctx, req.params.id);
    });

  app.get("/api/cases/:id/agreements", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "案件的调解协议书", params: IdParams, response: { 200: z.object({ items: z.array(AgreementView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return { items: await selectAgreements(ctx, eq(agreements.caseId, req.params.id)) };
      }),
  });

  app.post("/api/cases/:id/agreements", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "按模板制作调解协议书（当事人、事实预填）", params: IdParams, body: CreateAgreementBody, response: { 200: AgreementView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await loadCaseInScope(ctx.tx, ctx.actor, req.params.id);
        return agreementInScope(ctx, await createAgreement(ctx, req.params.id, req.body));
      }),
  });

  app.get("/api/agreements/:id", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "调解协议书", params: IdParams, response: { 200: AgreementView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const a = await agreementInScope(ctx, req.params.id);
        await recordAudit(ctx, { action: "agreement.read", subjectType: "agreement", subjectId: a.id });
        return a;
      }),
  });

  app.patch("/api/agreements/:id", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "修改草稿（修改后各方须重新确认）", params: IdParams, body: UpdateAgreementBody, response: { 200: AgreementView } },
    handler: async (req) => act(req, (ctx) => updateAgreement(ctx, req.params.id, req.body)),
  });

  app.post("/api/agreements/:id/confirm", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "记录一方当事人确认；各方均确认即签署", params: IdParams, body: ConfirmBody, response: { 200: AgreementView } },
    handler: async (req) => act(req, (ctx) => confirmParty(ctx, req.params.id, req.body.partyIndex)),
  });

  app.post("/api/agreements/:id/performance", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "记录履行情况（已履行 / 未履行）", params: IdParams, body: PerformanceBody, response: { 200: AgreementView } },
    handler: async (req) => act(req, (ctx) => recordPerformance(ctx, req.params.id, req.body.result, req.body.note)),
  });

  app.get("/api/agreements/:id/pdf", {
    config: { auth: { permission: "cases.read" } },
    schema: { tags: ["mediation"], summary: "调解协议书 PDF", params: IdParams },
    handler: async (req, reply) => {
      const a = await run(req, async (ctx) => {
        const view = await agreementInScope(ctx, req.params.id);
        await recordAudit(ctx, { action: "agreement.read", subjectType: "agreement", subjectId: view.id, newValues: { as: "pdf" } });
        return view;
      });
      const pdf = await agreementPdf(a);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="agreement-${a.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`调解协议书-${a.number}.pdf`)}`)
        .send(pdf);
    },
  });

  app.post("/api/agreements/:id/judicial-confirmation", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "向人民法庭申请司法确认（附协议书）", params: IdParams, body: RequestConfirmationBody, response: { 200: AgreementView } },
    handler: async (req) => act(req, (ctx) => requestConfirmation(ctx, req.params.id, req.body)),
  });

  app.post("/api/judicial-confirmations/:id/decide", {
    config: { auth: { permission: "mediation.manage" } },
    schema: { tags: ["mediation"], summary: "人民法庭：受理、确认或不予确认", params: IdParams, body: DecideConfirmationBody, response: { 200: AgreementView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const [jc] = await ctx.tx.select({ agreementId: judicialConfirmations.agreementId }).from(judicialConfirmations).where(eq(judicialConfirmations.id, req.params.id));
        if (!jc) throw new AppError("NOT_FOUND");
        await agreementInScope(ctx, jc.agreementId);
        return agreementInScope(ctx, await decideConfirmation(ctx, req.params.id, req.body));
      }),
  });
}
