// A unit's webhooks (webhooks.manage: an admin within scope, a unit leader for its own unit; 404 otherwise):
// list, add (the secret is answered once), pause/resume, delete, send a test, read the delivery log.
import { z } from "zod";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Ctx, type Services } from "../server/context.js";
import { DeliveryView, WebhookView } from "./views.js";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  loadUnitForWebhooks,
  loadWebhookInScope,
  queueTestDelivery,
  setWebhookActive,
} from "./webhooks.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const auth = { auth: { permission: "webhooks.manage" as const } };

export function registerWebhookRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Actor; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/units/:id/webhooks", {
    config: auth,
    schema: { tags: ["webhooks"], summary: "单位的推送地址", params: IdParams, response: { 200: z.object({ items: z.array(WebhookView) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const unit = await loadUnitForWebhooks(ctx, req.params.id);
        return { items: await listWebhooks(ctx.tx, unit.id) };
      }),
  });

  app.post("/api/units/:id/webhooks", {
    config: auth,
    schema: {
      tags: ["webhooks"],
      summary: "新增推送地址（签名密钥只在此返回一次）",
      params: IdParams,
      body: z.object({ url: z.string().trim().min(8).max(2000) }),
      response: { 200: z.object({ webhook: WebhookView, secret: z.string() }) },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const unit = await loadUnitForWebhooks(ctx, req.params.id);
        return createWebhook(ctx, unit.id, req.body.url);
      }),
  });

  app.patch("/api/webhooks/:id", {
    config: auth,
    schema: { tags: ["webhooks"], summary: "启用或暂停推送地址", params: IdParams, body: z.object({ active: z.boolean() }), response: { 200: WebhookView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const hook = await loadWebhookInScope(ctx, req.params.id, { forUpdate: true });
        return setWebhookActive(ctx, hook, req.body.active);
      }),
  });

  app.delete("/api/webhooks/:id", {
    config: auth,
    schema: { tags: ["webhooks"], summary: "删除推送地址及其推送记录", params: IdParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const hook = await loadWebhookInScope(ctx, req.params.id, { forUpdate: true });
        await deleteWebhook(ctx, hook);
        return { ok: true as const };
      }),
  });

  app.post("/api/webhooks/:id/test", {
    config: auth,
    schema: { tags: ["webhooks"], summary: "发送一条测试推送", params: IdParams, response: { 200: z.object({ deliveryId: z.number() }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const hook = await loadWebhookInScope(ctx, req.params.id);
        return { deliveryId: await queueTestDelivery(ctx, hook) };
      }),
  });

  app.get("/api/webhooks/:id/deliveries", {
    config: auth,
    schema: {
      tags: ["webhooks"],
      summary: "推送记录（新的在前）",
      params: IdParams,
      querystring: z.object({ before: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(DeliveryView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const hook = await loadWebhookInScope(ctx, req.params.id);
        return listDeliveries(ctx.tx, hook.id, { before: req.query.before, limit: req.query.limit });
      }),
  });
}
