// One's own in-app notifications: GET /api/notifications, POST /api/notifications/:id/read, POST /api/notifications/read-all.
// Only the account's own rows exist for it: another account's notification answers 404.
import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors/catalogue.js";
import type { App } from "../server/app.js";
import { inTransaction, type Actor, type Services } from "../server/context.js";
import type { DbOrTx } from "../db/client.js";
import { notifications } from "./schema.js";
import { NotificationPage } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });
const Unread = z.object({ ok: z.literal(true), unreadCount: z.number() });

function ownerId(actor: Actor): number {
  if (actor.kind !== "account") throw new AppError("FORBIDDEN");
  return actor.id;
}

async function unreadCount(db: DbOrTx, accountId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row.n;
}

export function registerNotificationRoutes(app: App, services: Services) {
  app.get("/api/notifications", {
    config: { auth: { permission: "notifications.read" } },
    schema: {
      tags: ["notifications"],
      summary: "我的站内通知（新的在前）与未读数",
      querystring: z.object({
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        unread: z.enum(["true", "false"]).optional(),
      }),
      response: { 200: NotificationPage },
    },
    handler: async (req) => {
      const me = ownerId(req.actor);
      const { before, limit, unread } = req.query;
      const rows = await services.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, me), before ? lt(notifications.id, before) : undefined, unread === "true" ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          caseId: n.caseId,
          taskId: n.taskId,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        unreadCount: await unreadCount(services.db, me),
        nextBefore: rows.length > limit ? page[page.length - 1].id : null,
      };
    },
  });

  app.post("/api/notifications/:id/read", {
    config: { auth: { permission: "notifications.read" } },
    schema: { tags: ["notifications"], summary: "标记一条通知为已读", params: IdParams, response: { 200: Unread } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const me = ownerId(ctx.actor);
        const [row] = await ctx.tx
          .select({ id: notifications.id, readAt: notifications.readAt })
          .from(notifications)
          .where(and(eq(notifications.id, req.params.id), eq(notifications.accountId, me)));
        if (!row) throw new AppError("NOT_FOUND");
        if (!row.readAt) await ctx.tx.update(notifications).set({ readAt: ctx.now }).where(eq(notifications.id, row.id));
        return { ok: true as const, unreadCount: await unreadCount(ctx.tx, me) };
      }),
  });

  app.post("/api/notifications/read-all", {
    config: { auth: { permission: "notifications.read" } },
    schema: { tags: ["notifications"], summary: "全部标记为已读", response: { 200: Unread } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const me = ownerId(ctx.actor);
        await ctx.tx.update(notifications).set({ readAt: ctx.now }).where(and(eq(notifications.accountId, me), isNull(notifications.readAt)));
        return { ok: true as const, unreadCount: 0 };
      }),
  });
}
