// The time-limit table (办理时限): GET /api/deadline-rules (staff and admins), PUT replaces the whole set.
import { asc, sql } from "drizzle-orm";
import { z } from "zod";
import { may, requirePermission } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { deadlineRules } from "../schema.js";
import { DeadlineRuleInput, DeadlineRuleView } from "../views.js";

const Items = z.object({ items: z.array(DeadlineRuleView) });

export function registerDeadlineRuleRoutes(app: App, services: Services) {
  app.get("/api/deadline-rules", {
    // Whoever works to the limits reads them (tasks.read); admins, who keep them, too.
    config: { auth: { permission: null } },
    schema: { tags: ["deadlines"], summary: "办理时限规则", response: { 200: Items } },
    handler: async (req) => {
      if (!may(req.actor, "deadlines.manage")) requirePermission(req.actor, "tasks.read");
      return { items: await services.db.select().from(deadlineRules).orderBy(asc(deadlineRules.id)) };
    },
  });

  app.put("/api/deadline-rules", {
    config: { auth: { permission: "deadlines.manage" } },
    schema: {
      tags: ["deadlines"],
      summary: "替换全部办理时限规则（已开始的环节保持原时限）",
      body: z.object({ rules: z.array(DeadlineRuleInput).max(500) }),
      response: { 200: Items },
    },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        // Two admins saving at once: one set after the other, never a mix.
        await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tongban.deadline_rules'))`);
        const old = await ctx.tx.select().from(deadlineRules).orderBy(asc(deadlineRules.id));
        await ctx.tx.delete(deadlineRules);
        const items = req.body.rules.length ? await ctx.tx.insert(deadlineRules).values(req.body.rules).returning() : [];
        await recordAudit(ctx, { action: "deadline_rules.replace", subjectType: "deadline_rules", oldValues: old, newValues: items });
        return { items };
      }),
  });
}
