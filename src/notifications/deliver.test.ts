import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegionTree } from "../test/regions-fixture.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { inTransaction } from "../server/context.js";
import { deliverDue, LEASE_MS, MAX_ATTEMPTS, RETRY_BACKOFF_MS, signature, webhookSweep } from "./deliver.js";
import { queueUnitDeliveries } from "./webhooks.js";
import { addWebhook, startReceiver } from "./test-support.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedRegionTree(t);
});
afterAll(() => t?.close());

let nextUnit = 1000;
const system = { actor: { kind: "system" as const, label: "test" }, correlationId: "test" };
const query = async (sql: string, params: unknown[] = []) => (await t.db.$client.query(sql, params)).rows;
const queue = (unitId: number, n = 1, now = new Date()) =>
  inTransaction({ db: t.db, cipher: t.cipher }, system, async (ctx) => {
    for (let i = 0; i < n; i++) await queueUnitDeliveries({ ...ctx, now }, unitId, { kind: "task.assigned", title: `任务 ${i}`, caseId: null, taskId: i + 1 });
  });
const deliveriesOf = (webhookId: number) =>
  query(`SELECT id, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id`, [webhookId]);

describe("deliverDue", () => {
  it("POSTs the payload signed with the webhook's secret and marks it delivered", async () => {
    const rx = await startReceiver();
    const unit = ++nextUnit;
    const hook = await addWebhook(t.db, t.cipher, unit, rx.url);
    const now = new Date();
    await queue(unit, 1, now);
    expect(await deliverDue(t.db, now, { cipher: t.cipher })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    await rx.close();

    expect(rx.received).toHaveLength(1);
    const { headers, body } = rx.received[0];
    const [d] = await deliveriesOf(hook.id);
    expect(headers["x-tongban-event"]).toBe("task.assigned");
    expect(headers["x-tongban-delivery"]).toBe(String(d.id));
    expect(headers["content-type"]).toMatch(/^application\/json/);
    const ts = headers["x-tongban-timestamp"] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers["x-tongban-signature"]).toBe(signature(hook.secret, ts, body));
    expect(headers["x-tongban-signature"]).not.toBe(signature("wrong-secret", ts, body));
    expect(JSON.parse(body)).toMatchObject({ event: "task.assigned", title: "任务 0", taskId: 1, unitId: unit, caseId: null });
    expect(d).toMatchObject({ status: "delivered", attempts: 1, last_status_code: 200, last_error: null });
    expect(d.delivered_at).not.toBeNull();
    // Nothing left to send.
    expect(await deliverDue(t.db, new Date(now.getTime() + 86_400_000), { cipher: t.cipher })).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it("retries a failing receiver with backoff and gives up after the last attempt", async () => {
    const rx = await startReceiver(() => 500);
    const unit = ++nextUnit;
    const hook = await addWebhook(t.db, t.cipher, unit, rx.url);
    let now = new Date("2025-03-05T00:00:00Z");
    await queue(unit, 1, now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverDue(t.db, now, { cipher: t.cipher });
      const [d] = await deliveriesOf(hook.id);
      expect(d).toMatchObject({ attempts: attempt, last_status_code: 500, last_error: "HTTP 500", delivered_at: null });
      if (attempt < MAX_ATTEMPTS) {
        expect(result).toEqual({ delivered: 0, retried: 1, failed: 0 });
        expect(d.status).toBe("pending");
        const wait = RETRY_BACKOFF_MS[attempt - 1];
        expect(d.next_attempt_at.getTime() - now.getTime()).toBe(wait);
        // Not due a moment before the backoff ends.
        expect(await deliverDue(t.db, new Date(now.getTime() + wait - 1000), { cipher: t.cipher })).toEqual({ delivered: 0, retried: 0, failed: 0 });
        now = new Date(now.getTime() + wait);
      } else {
        expect(result).toEqual({ delivered: 0, retried: 0, failed: 1 });
        expect(d.status).toBe("failed");
      }
    }
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);
    expect(await deliverDue(t.db, new Date(now.getTime() + 7 * 86_400_000), { cipher: t.cipher })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    await rx.close();
  });

  it("records an unreachable receiver and does not follow redirects", async () => {
    const rx = await startReceiver(() => 302);
    const unit = ++nextUnit;
    const moved = await addWebhook(t.db, t.cipher, unit, rx.url);
    const closed = await startReceiver();
    await closed.close();
    const gone = await addWebhook(t.db, t.cipher, unit, closed.url);
    const now = new Date();
    await queue(unit, 1, now);
    expect(await deliverDue(t.db, now, { cipher: t.cipher })).toEqual({ delivered: 0, retried: 2, failed: 0 });
    await rx.close();
    expect(rx.received).toHaveLength(1);
    expect((await deliveriesOf(moved.id))[0]).toMatchObject({ status: "pending", attempts: 1, last_status_code: 302 });
    expect((await deliveriesOf(moved.id))[0].last_error).toContain("重定向未跟随");
    expect((await deliveriesOf(gone.id))[0]).toMatchObject({ status: "pending", attempts: 1, last_status_code: null, last_error: "ECONNREFUSED" });
  });

  it("does not send for a paused webhook until it is active again", async () => {
    const rx = await startReceiver();
    const unit = ++nextUnit;
    const hook = await addWebhook(t.db, t.cipher, unit, rx.url);
    const now = new Date();
    await queue(unit, 1, now);
    await query(`UPDATE unit_webhooks SET active = false WHERE id = $1`, [hook.id]);
    expect(await deliverDue(t.db, now, { cipher: t.cipher })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    await query(`UPDATE unit_webhooks SET active = true WHERE id = $1`, [hook.id]);
    expect(await deliverDue(t.db, now, { cipher: t.cipher })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    await rx.close();
    expect(rx.received).toHaveLength(1);
  });

  it("two concurrent sweeps deliver each row once", async () => {
    const rx = await startReceiver(() => new Promise((resolve) => setTimeout(() => resolve(200), 20)));
    const unit = ++nextUnit;
    const hook = await addWebhook(t.db, t.cipher, unit, rx.url);
    const now = new Date();
    await queue(unit, 40, now);
    const [a, b] = await Promise.all([deliverDue(t.db, now, { cipher: t.cipher, batch: 5 }), deliverDue(t.db, now, { cipher: t.cipher, batch: 5 })]);
    await rx.close();
    expect(a.delivered + b.delivered).toBe(40);
    expect(a.delivered).toBeGreaterThan(0);
    expect(b.delivered).toBeGreaterThan(0);
    const ids = rx.received.map((r) => r.headers["x-tongban-delivery"]);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect((await deliveriesOf(hook.id)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });

  it("holds a lease on the row while sending; the sweep sends with the services' cipher", async () => {
    const unit = ++nextUnit;
    const hook = await addWebhook(t.db, t.cipher, unit, "https://unit.example/hook");
    const now = new Date();
    await queue(unit, 1, now);
    const seen: { url: string; leaseUntil: Date; signed: boolean }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      const [row] = await deliveriesOf(hook.id);
      seen.push({ url, leaseUntil: row.next_attempt_at, signed: headers["x-tongban-signature"] === signature(hook.secret, headers["x-tongban-timestamp"], String(init.body)) });
      // Another process sweeping meanwhile finds nothing due.
      expect(await deliverDue(t.db, now, { cipher: t.cipher })).toEqual({ delivered: 0, retried: 0, failed: 0 });
      return new Response(null, { status: 204 });
    };
    expect(await deliverDue(t.db, now, { cipher: t.cipher, fetch })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ url: "https://unit.example/hook", leaseUntil: new Date(now.getTime() + LEASE_MS), signed: true }]);

    // A process that died mid-send leaves the lease: the row is due again once it runs out.
    await query(`UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'pending' AND webhook_id <> $1`, [hook.id]); // earlier tests' retries
    await queue(unit, 1, now);
    await query(`UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE webhook_id = $2 AND status = 'pending'`, [new Date(now.getTime() + LEASE_MS), hook.id]);
    expect(webhookSweep.name).toBe("webhooks.deliver");
    const rx = await startReceiver();
    await query(`UPDATE unit_webhooks SET url = $1 WHERE id = $2`, [rx.url, hook.id]);
    expect(await webhookSweep.run({ db: t.db, cipher: t.cipher }, now)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(await webhookSweep.run({ db: t.db, cipher: t.cipher }, new Date(now.getTime() + LEASE_MS))).toEqual({ delivered: 1, retried: 0, failed: 0 });
    await rx.close();
    expect(rx.received).toHaveLength(1);
  });
});
