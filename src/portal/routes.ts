// The citizen portal over HTTP: a citizen's own submissions and where each stands, and legal questions (法律咨询)
// asked by citizens and answered by on-duty specialists. Filing goes through intake's own form
// (POST /api/intake/forms/portal); choosing a mediator through the mediation routes.
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { answerQuestion, askQuestion, listOwnQuestions, listQuestions, loadQuestion } from "./questions.js";
import { listSubmissions } from "./submissions.js";
import { LegalAnswerInput, LegalQuestionInput, LegalQuestionView, SubmissionView } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

/** The signed-in account's id: these routes are for people, not API tokens. */
function accountId(actor: Actor): number {
  if (actor.kind !== "account") throw new AppError("FORBIDDEN");
  return actor.id;
}

export function registerPortalRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/portal/submissions", {
    config: { auth: { permission: "portal.use" } },
    schema: { tags: ["portal"], summary: "群众：本人提交的诉求及办理进度", response: { 200: z.object({ items: z.array(SubmissionView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const me = accountId(ctx.actor);
        const items = await listSubmissions(ctx.tx, me);
        await recordAudit(ctx, { action: "portal.submissions.read", subjectType: "account", subjectId: me, newValues: { count: items.length } });
        return { items };
      }),
  });

  app.post("/api/portal/questions", {
    config: { auth: { permission: "portal.use" } },
    schema: { tags: ["portal"], summary: "群众：提出法律咨询", body: LegalQuestionInput, response: { 200: LegalQuestionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const me = accountId(ctx.actor);
        return loadQuestion(ctx.tx, await askQuestion(ctx, me, req.body));
      }),
  });

  app.get("/api/portal/questions", {
    config: { auth: { permission: "portal.use" } },
    schema: { tags: ["portal"], summary: "群众：本人的法律咨询及答复", response: { 200: z.object({ items: z.array(LegalQuestionView) }) } },
    handler: async (req) => run(req, async (ctx) => ({ items: await listOwnQuestions(ctx.tx, accountId(ctx.actor)) })),
  });

  app.get("/api/legal-questions", {
    config: { auth: { permission: "legal.answer" } },
    schema: {
      tags: ["portal"],
      summary: "专科医生：待答复（最早的在前）或已答复的法律咨询",
      querystring: z.object({ status: z.enum(["open", "answered"]).default("open") }),
      response: { 200: z.object({ items: z.array(LegalQuestionView) }) },
    },
    handler: async (req) => run(req, async (ctx) => ({ items: await listQuestions(ctx, req.query.status) })),
  });

  app.post("/api/legal-questions/:id/answer", {
    config: { auth: { permission: "legal.answer" } },
    schema: { tags: ["portal"], summary: "专科医生：答复一条法律咨询（每条一次），并通知提问的群众", params: IdParams, body: LegalAnswerInput, response: { 200: LegalQuestionView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        await answerQuestion(ctx, accountId(ctx.actor), req.params.id, req.body.answer);
        return loadQuestion(ctx.tx, req.params.id);
      }),
  });
}
