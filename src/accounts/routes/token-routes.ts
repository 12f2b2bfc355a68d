// API tokens: GET/POST /api/tokens, DELETE /api/tokens/:id. The secret is shown once, at creation.
import { asc, eq, isNull, and } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { regionNodes } from "../../regions/schema.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { newTokenSecret } from "../api-tokens.js";
import { ACTIONS, type Action } from "../permissions.js";
import { authorize } from "../policies.js";
import { apiTokens } from "../schema.js";
import { sha256 } from "../sessions.js";
import { TokenList } from "../views.js";

/** What a machine client may be granted. */
export const TOKEN_SCOPES = ["intake.push", "regions.read"] as const satisfies readonly Action[];


export function registerTokenRoutes(app: App, services: Services) {
  app.get("/api/tokens", {
    config: { auth: { permission: "tokens.manage" } },
    schema: { tags: ["tokens"], summary: "接口令牌列表", response: { 200: TokenList } },
    handler: async () => {
      const rows = await services.db.select().from(apiTokens).orderBy(asc(apiTokens.id));
      return {
        items: rows.map((t) => ({
          id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, channel: t.channel,
          createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revoked: t.revokedAt != null,
        })),
        scopes: TOKEN_SCOPES.map((key) => ({ key, name: ACTIONS[key] })),
      };
    },
  });

  app.post("/api/tokens", {
    config: { auth: { permission: "tokens.manage" } },
    schema: {
      tags: ["tokens"],
      summary: "新建接口令牌（令牌只显示这一次）",
      body: z.object({
        name: z.string().trim().min(2).max(60),
        scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
        channel: z.string().trim().max(20).nullable().default(null),
        regionCode: z.string().trim().max(40).optional(),
      }),
      response: { 200: z.object({ id: z.number(), token: z.string() }) },
    },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        if (ctx.actor.kind !== "account") throw new AppError("FORBIDDEN");
        const code = req.body.regionCode;
        const [node] = code
          ? await ctx.tx.select().from(regionNodes).where(eq(regionNodes.code, code))
          : await ctx.tx.select().from(regionNodes).where(eq(regionNodes.id, ctx.actor.regionNodeId));
        authorize(ctx.actor, "tokens.manage", node ? { regionPath: node.path } : null);
        const token = newTokenSecret();
        const [row] = await ctx.tx
          .insert(apiTokens)
          .values({ name: req.body.name, tokenHash: sha256(token), prefix: token.slice(0, 8), scopes: req.body.scopes, channel: req.body.channel, regionNodeId: node.id, createdBy: ctx.actor.id })
          .returning();
        await recordAudit(ctx, { action: "token.create", subjectType: "api_token", subjectId: row.id, newValues: { name: row.name, scopes: row.scopes, channel: row.channel } });
        return { id: row.id, token };
      }),
  });

  app.delete("/api/tokens/:id", {
    config: { auth: { permission: "tokens.manage" } },
    schema: { tags: ["tokens"], summary: "吊销接口令牌", params: z.object({ id: z.coerce.number().int() }), response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [row] = await ctx.tx
          .select({ token: apiTokens, path: regionNodes.path })
          .from(apiTokens)
          .innerJoin(regionNodes, eq(regionNodes.id, apiTokens.regionNodeId))
          .where(eq(apiTokens.id, req.params.id));
        authorize(ctx.actor, "tokens.manage", row ? { regionPath: row.path } : null);
        await ctx.tx.update(apiTokens).set({ revokedAt: ctx.now }).where(and(eq(apiTokens.id, row.token.id), isNull(apiTokens.revokedAt)));
        await recordAudit(ctx, { action: "token.revoke", subjectType: "api_token", subjectId: row.token.id });
        return { ok: true as const };
      }),
  });
}
