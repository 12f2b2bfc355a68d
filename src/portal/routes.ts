// The citizen portal over HTTP: a citizen's own submissions and where each stands. Filing goes through intake's own
// form (POST /api/intake/forms/portal); choosing a mediator through the mediation routes.
import { z } from "zod";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { recordAudit } from "../audit/record.js";
import { listSubmissions } from "./submissions.js";
import { SubmissionView } from "./views.js";

export function registerPortalRoutes(app: App, services: Services) {
  app.get("/api/portal/submissions", {
    config: { auth: { permission: "portal.use" } },
    schema: {
      tags: ["portal"],
      summary: "群众：本人提交的诉求及办理进度",
      response: { 200: z.object({ items: z.array(SubmissionView) }) },
    },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        if (ctx.actor.kind !== "account") return { items: [] };
        const items = await listSubmissions(ctx.tx, ctx.actor.id);
        await recordAudit(ctx, { action: "portal.submissions.read", subjectType: "account", subjectId: ctx.actor.id, newValues: { count: items.length } });
        return { items };
      }),
  });
}
