// A unit's webhooks: registered by its leader (or an admin), each event to the unit queued as one delivery per active
// webhook. The signing secret is shown once at creation and stored encrypted.
import crypto from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { authorize, type Placement } from "../accounts/policies.js";
import { recordAudit } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor, Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { buildPayload, TEST_EVENT } from "./payload.js";
import { unitWebhooks, webhookDeliveries } from "./schema.js";
import type { DeliveryView, WebhookView } from "./views.js";

type Notice = { kind: string; title: string; body?: string; caseId?: number | null; taskId?: number | null };
export type Webhook = typeof unitWebhooks.$inferSelect;

/** Queues the notice for every active webhook of the unit; returns how many deliveries were queued. */
export async function queueUnitDeliveries(ctx: Pick<Ctx, "tx" | "now">, unitId: number, notice: Notice): Promise<number> {
  const hooks = await ctx.tx
    .select({ id: unitWebhooks.id })
    .from(unitWebhooks)
    .where(and(eq(unitWebhooks.unitId, unitId), eq(unitWebhooks.active, true)));
  if (!hooks.length) return 0;
  const [kase] = notice.caseId ? await ctx.tx.select({ code: cases.code }).from(cases).where(eq(cases.id, notice.caseId)) : [];
  const payload = buildPayload({
    event: notice.kind,
    title: notice.title,
    body: notice.body,
    caseId: notice.caseId,
    caseCode: kase?.code,
    taskId: notice.taskId,
    unitId,
    at: ctx.now,
  });
  await ctx.tx.insert(webhookDeliveries).values(
    hooks.map((h) => ({ webhookId: h.id, event: notice.kind, payload: { ...payload }, nextAttemptAt: ctx.now, createdAt: ctx.now })),
  );
  return hooks.length;
}

/**
 * Who may manage a unit's webhooks: an admin within its jurisdiction (the unit's region under the admin's scope),
 * anyone else only for their own unit. Outside that the unit does not exist for them (404).
 */
function webhookPlacement(actor: Actor, unit: { id: number; regionPath: string }): Placement {
  if (actor.kind === "account" && actor.role === "admin") return { regionPath: unit.regionPath };
  return { regionPath: null, unitIds: [unit.id] };
}

export async function loadUnitForWebhooks(ctx: Pick<Ctx, "tx" | "actor">, unitId: number) {
  const [unit] = await ctx.tx
    .select({ id: units.id, name: units.name, regionPath: regionNodes.path })
    .from(units)
    .innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId))
    .where(eq(units.id, unitId));
  authorize(ctx.actor, "webhooks.manage", unit ? webhookPlacement(ctx.actor, unit) : null);
  return unit;
}

export async function loadWebhookInScope(ctx: Pick<Ctx, "tx" | "actor">, webhookId: number, opts: { forUpdate?: boolean } = {}) {
  const q = ctx.tx.select().from(unitWebhooks).where(eq(unitWebhooks.id, webhookId));
  const [hook] = opts.forUpdate ? await q.for("update") : await q;
  if (!hook) throw new AppError("NOT_FOUND");
  await loadUnitForWebhooks(ctx, hook.unitId);
  return hook;
}

/** http(s) only, no credentials in the URL (the signature is the authentication). Intranet hosts are allowed. */
export function checkWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError("VALIDATION_FAILED", "推送地址不是有效的网址", [{ path: "url", message: "不是有效的网址" }]);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("VALIDATION_FAILED", "推送地址只能是 http 或 https", [{ path: "url", message: "只能是 http 或 https" }]);
  }
  if (url.username || url.password) {
    throw new AppError("VALIDATION_FAILED", "推送地址中不能包含用户名或密码", [{ path: "url", message: "不能包含用户名或密码" }]);
  }
  url.hash = "";
  return url.toString();
}

export function newSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

export async function createWebhook(ctx: Ctx, unitId: number, urlText: string): Promise<{ webhook: WebhookView; secret: string }> {
  const url = checkWebhookUrl(urlText);
  const secret = newSecret();
  const [row] = await ctx.tx
    .insert(unitWebhooks)
    .values({ unitId, url, secretEnc: ctx.cipher.encrypt(secret), active: true, createdAt: ctx.now })
    .returning();
  await recordAudit(ctx, { action: "webhook.create", subjectType: "unit_webhook", subjectId: row.id, newValues: { unitId, url } });
  return { webhook: (await listWebhooks(ctx.tx, unitId, row.id))[0], secret };
}

export async function setWebhookActive(ctx: Ctx, hook: Webhook, active: boolean): Promise<WebhookView> {
  await ctx.tx.update(unitWebhooks).set({ active }).where(eq(unitWebhooks.id, hook.id));
  await recordAudit(ctx, { action: "webhook.update", subjectType: "unit_webhook", subjectId: hook.id, oldValues: { active: hook.active }, newValues: { active } });
  return (await listWebhooks(ctx.tx, hook.unitId, hook.id))[0];
}

/** Removes the webhook with its delivery log (the audit trail keeps the fact that it existed). */
export async function deleteWebhook(ctx: Ctx, hook: Webhook): Promise<void> {
  await ctx.tx.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
  await ctx.tx.delete(unitWebhooks).where(eq(unitWebhooks.id, hook.id));
  await recordAudit(ctx, { action: "webhook.delete", subjectType: "unit_webhook", subjectId: hook.id, oldValues: { unitId: hook.unitId, url: hook.url, active: hook.active } });
}

/** Queues a test event for this webhook only (also when it is paused: it is sent once it is active again). */
export async function queueTestDelivery(ctx: Ctx, hook: Webhook): Promise<number> {
  const [unit] = await ctx.tx.select({ name: units.name }).from(units).where(eq(units.id, hook.unitId));
  const payload = buildPayload({ event: TEST_EVENT, title: "推送测试", body: `这是发给「${unit?.name ?? ""}」的测试推送`, unitId: hook.unitId, at: ctx.now });
  const [row] = await ctx.tx
    .insert(webhookDeliveries)
    .values({ webhookId: hook.id, event: TEST_EVENT, payload: { ...payload }, nextAttemptAt: ctx.now, createdAt: ctx.now })
    .returning({ id: webhookDeliveries.id });
  await recordAudit(ctx, { action: "webhook.test", subjectType: "unit_webhook", subjectId: hook.id, newValues: { deliveryId: row.id } });
  return row.id;
}

export async function listWebhooks(db: DbOrTx, unitId: number, id?: number): Promise<WebhookView[]> {
  const rows = await db
    .select({
      hook: unitWebhooks,
      pending: sql<number>`count(*) FILTER (WHERE ${webhookDeliveries.status} = 'pending')`.mapWith(Number),
      failed: sql<number>`count(*) FILTER (WHERE ${webhookDeliveries.status} = 'failed')`.mapWith(Number),
      lastDeliveredAt: sql<string | null>`max(${webhookDeliveries.deliveredAt})`,
    })
    .from(unitWebhooks)
    .leftJoin(webhookDeliveries, eq(webhookDeliveries.webhookId, unitWebhooks.id))
    .where(and(eq(unitWebhooks.unitId, unitId), id ? eq(unitWebhooks.id, id) : undefined))
    .groupBy(unitWebhooks.id)
    .orderBy(unitWebhooks.id);
  return rows.map(({ hook, pending, failed, lastDeliveredAt }) => ({
    id: hook.id,
    unitId: hook.unitId,
    url: hook.url,
    active: hook.active,
    createdAt: hook.createdAt.toISOString(),
    pending,
    failed,
    lastDeliveredAt: lastDeliveredAt ? new Date(lastDeliveredAt).toISOString() : null,
  }));
}

/** The delivery log, newest first, paged by id. */
export async function listDeliveries(db: DbOrTx, webhookId: number, opts: { before?: number; limit: number }): Promise<{ items: DeliveryView[]; nextBefore: number | null }> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), opts.before ? lt(webhookDeliveries.id, opts.before) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map((d) => ({
      id: d.id,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      payload: d.payload,
    })),
    nextBefore: rows.length > opts.limit ? page[page.length - 1].id : null,
  };
}
