import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createCase, login, unitId, type Session, type TestApp } from "../test/app.js";
import { inTransaction } from "../server/context.js";
import { notifyAccounts, notifyUnit } from "./notify.js";
import { createNotificationTestApp } from "./test-support.js";

let h: TestApp;
beforeAll(async () => {
  h = await createNotificationTestApp();
});
afterAll(() => h?.close());

const HOME = "330282006004";
const AWAY = "330282006001";
const system = { actor: { kind: "system" as const, label: "test" }, correlationId: "test" };
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const post = (s: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.headers, payload });
const as = async (role: Parameters<typeof createAccount>[1], region: string, unit?: string) => {
  const account = await createAccount(h.t, role, region, unit);
  return { account, session: await login(h.app, account.username) };
};

describe("notifications (HTTP)", () => {
  it("lists one's own notifications newest first with the unread count, and marks them read", async () => {
    const me = await as("unit_handler", HOME, `CC-${HOME}`);
    const other = await as("unit_handler", HOME, `CC-${HOME}`);
    const kase = await createCase(h.t, { region: HOME });
    await inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, async (ctx) => {
      await notifyAccounts(ctx, [me.account.id], { kind: "task.assigned", title: "第一条", caseId: kase.id });
      await notifyAccounts(ctx, [me.account.id], { kind: "task.overdue", title: "第二条" });
      await notifyAccounts(ctx, [other.account.id], { kind: "task.assigned", title: "别人的" });
    });
    const list = await get(me.session, "/api/notifications");
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.unreadCount).toBe(2);
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(["第二条", "第一条"]);
    expect(body.items[1]).toMatchObject({ caseId: kase.id, readAt: null });
    expect(list.body).not.toContain("别人的");

    const theirs = (await get(other.session, "/api/notifications")).json().items[0];
    expect((await post(me.session, `/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await get(other.session, "/api/notifications")).json().unreadCount).toBe(1);

    const read = await post(me.session, `/api/notifications/${body.items[1].id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ ok: true, unreadCount: 1 });
    expect((await get(me.session, "/api/notifications?unread=true")).json().items.map((n: { title: string }) => n.title)).toEqual(["第二条"]);

    expect((await post(me.session, "/api/notifications/read-all")).json()).toEqual({ ok: true, unreadCount: 0 });
    expect((await get(me.session, "/api/notifications")).json().unreadCount).toBe(0);
    expect((await get(other.session, "/api/notifications")).json().unreadCount).toBe(1);
  });

  it("pages by id", async () => {
    const me = await as("street_centre", "330282006");
    await inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, async (ctx) => {
      for (let i = 0; i < 5; i++) await notifyAccounts(ctx, [me.account.id], { kind: "x", title: `n${i}` });
    });
    const first = (await get(me.session, "/api/notifications?limit=3")).json();
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(["n4", "n3", "n2"]);
    const second = (await get(me.session, `/api/notifications?limit=3&before=${first.nextBefore}`)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(["n1", "n0"]);
    expect(second.nextBefore).toBeNull();
  });
});

describe("webhooks (HTTP)", () => {
  it("a unit leader adds a webhook to its own unit: the secret is answered once and stored encrypted", async () => {
    const leader = await as("unit_leader", "330282006", "GT-ZRZY");
    const unit = await unitId(h.t, "GT-ZRZY");
    const res = await post(leader.session, `/api/units/${unit}/webhooks`, { url: "https://zzd.example.gov.cn/hooks/tongban#frag" });
    expect(res.statusCode, res.body).toBe(200);
    const { webhook, secret } = res.json();
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(webhook).toMatchObject({ unitId: unit, url: "https://zzd.example.gov.cn/hooks/tongban", active: true, pending: 0, failed: 0 });

    const [stored] = await query(`SELECT secret_enc FROM unit_webhooks WHERE id = $1`, [webhook.id]);
    expect(stored.secret_enc).not.toContain(secret);
    expect(h.t.cipher.decrypt(stored.secret_enc)).toBe(secret);

    const list = await get(leader.session, `/api/units/${unit}/webhooks`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(stored.secret_enc);
    const audit = await query(`SELECT action, new_values FROM audit_events WHERE subject_type = 'unit_webhook' AND subject_id = $1`, [String(webhook.id)]);
    expect(audit).toEqual([{ action: "webhook.create", new_values: { unitId: unit, url: webhook.url } }]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("refuses non-http(s) URLs and credentials in the URL", async () => {
    const leader = await as("unit_leader", "330282006", "GT-ZRZY");
    const unit = await unitId(h.t, "GT-ZRZY");
    for (const url of ["ftp://example.com/x", "javascript:alert(1)", "https://user:pw@example.com/x", "not a url"]) {
      expect((await post(leader.session, `/api/units/${unit}/webhooks`, { url })).statusCode, url).toBe(400);
    }
  });

  it("pauses, tests, reads the delivery log and deletes; each change audited", async () => {
    const leader = await as("unit_leader", "330282006", "GT-SCJG");
    const unit = await unitId(h.t, "GT-SCJG");
    const { webhook } = (await post(leader.session, `/api/units/${unit}/webhooks`, { url: "http://10.1.2.3:8080/inbox" })).json();

    const test = await post(leader.session, `/api/webhooks/${webhook.id}/test`);
    expect(test.statusCode, test.body).toBe(200);
    await inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, (ctx) => notifyUnit(ctx, unit, { kind: "task.assigned", title: "新任务" }));
    const log = await get(leader.session, `/api/webhooks/${webhook.id}/deliveries`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items.map((d: { event: string; status: string }) => [d.event, d.status])).toEqual([
      ["task.assigned", "pending"],
      ["webhook.test", "pending"],
    ]);
    expect(log.json().items[1].id).toBe(test.json().deliveryId);

    const paused = await h.app.inject({ method: "PATCH", url: `/api/webhooks/${webhook.id}`, headers: leader.session.headers, payload: { active: false } });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ active: false, pending: 2 });
    await inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, (ctx) => notifyUnit(ctx, unit, { kind: "task.assigned", title: "暂停期间" }));
    expect((await get(leader.session, `/api/webhooks/${webhook.id}/deliveries`)).json().items).toHaveLength(2);

    const del = await h.app.inject({ method: "DELETE", url: `/api/webhooks/${webhook.id}`, headers: leader.session.headers });
    expect(del.statusCode, del.body).toBe(200);
    expect(await query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1`, [webhook.id])).toEqual([{ n: 0 }]);
    expect((await get(leader.session, `/api/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
    const actions = await query(`SELECT action FROM audit_events WHERE subject_type = 'unit_webhook' AND subject_id = $1 ORDER BY id`, [String(webhook.id)]);
    expect(actions.map((a) => a.action)).toEqual(["webhook.create", "webhook.test", "webhook.update", "webhook.delete"]);
  });

  it("scope: a unit leader only for its own unit, an admin within its jurisdiction, other roles not at all", async () => {
    const away = await unitId(h.t, `CC-${AWAY}`);
    const owner = await as("unit_leader", AWAY, `CC-${AWAY}`);
    const { webhook } = (await post(owner.session, `/api/units/${away}/webhooks`, { url: "https://example.com/away" })).json();

    const stranger = await as("unit_leader", HOME, `CC-${HOME}`);
    const coveringLeader = await as("unit_leader", "330282006", "GT-SFS"); // a street-wide region, another unit
    for (const s of [stranger.session, coveringLeader.session]) {
      expect((await get(s, `/api/units/${away}/webhooks`)).statusCode).toBe(404);
      expect((await post(s, `/api/units/${away}/webhooks`, { url: "https://evil.example.com/" })).statusCode).toBe(404);
      expect((await h.app.inject({ method: "PATCH", url: `/api/webhooks/${webhook.id}`, headers: s.headers, payload: { active: false } })).statusCode).toBe(404);
      expect((await h.app.inject({ method: "DELETE", url: `/api/webhooks/${webhook.id}`, headers: s.headers })).statusCode).toBe(404);
      expect((await post(s, `/api/webhooks/${webhook.id}/test`)).statusCode).toBe(404);
      expect((await get(s, `/api/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
    }
    expect((await get(stranger.session, `/api/webhooks/999999/deliveries`)).statusCode).toBe(404);

    const handler = await as("unit_handler", AWAY, `CC-${AWAY}`);
    expect((await get(handler.session, `/api/units/${away}/webhooks`)).statusCode).toBe(403);

    const homeAdmin = await as("admin", HOME);
    expect((await get(homeAdmin.session, `/api/units/${away}/webhooks`)).statusCode).toBe(404);
    const streetAdmin = await as("admin", "330282006");
    const seen = await get(streetAdmin.session, `/api/units/${away}/webhooks`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((w: { id: number }) => w.id)).toEqual([webhook.id]);
    expect((await post(streetAdmin.session, `/api/webhooks/${webhook.id}/test`)).statusCode).toBe(200);
  });
});
