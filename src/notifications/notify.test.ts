import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, createAccount, unitId, type TestApp } from "../test/app.js";
import { inTransaction } from "../server/context.js";
import { notifyUnit } from "./notify.js";
import { addWebhook, createNotificationTestApp } from "./test-support.js";

let h: TestApp;
beforeAll(async () => {
  h = await createNotificationTestApp();
});
afterAll(() => h?.close());

const system = { actor: { kind: "system" as const, label: "test" }, correlationId: "test" };
const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;

describe("notifyUnit", () => {
  it("notifies the unit's accounts and queues one delivery per active webhook, with a small payload", async () => {
    const unit = await unitId(h.t, "GT-LDBZ");
    const member = await createAccount(h.t, "unit_handler", "330282006", "GT-LDBZ");
    const on = await addWebhook(h.t.db, h.t.cipher, unit, "http://127.0.0.1:1/a");
    const off = await addWebhook(h.t.db, h.t.cipher, unit, "http://127.0.0.1:1/b", false);
    const other = await addWebhook(h.t.db, h.t.cipher, await unitId(h.t, "GT-SFS"), "http://127.0.0.1:1/c");
    const kase = await createCase(h.t, { region: "330282006001", title: "欠薪纠纷" });
    const at = new Date("2025-03-05T06:00:00Z");

    const notified = await inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, (ctx) =>
      notifyUnit({ ...ctx, now: at }, unit, { kind: "task.assigned", title: "新任务：欠薪纠纷", body: "申请人电话 13957412345，身份证 330282198803127716", caseId: kase.id, taskId: 7 }),
    );
    expect(notified).toBe(1);
    expect(await query(`SELECT account_id FROM notifications WHERE case_id = $1`, [kase.id])).toEqual([{ account_id: member.id }]);
    const deliveries = await query(`SELECT webhook_id, event, status, attempts, payload FROM webhook_deliveries ORDER BY id`);
    expect(deliveries.map((d) => d.webhook_id)).toEqual([on.id]);
    expect(deliveries.map((d) => d.webhook_id)).not.toContain(off.id);
    expect(deliveries.map((d) => d.webhook_id)).not.toContain(other.id);
    expect(deliveries[0]).toMatchObject({ event: "task.assigned", status: "pending", attempts: 0 });
    expect(deliveries[0].payload).toEqual({
      event: "task.assigned",
      title: "新任务：欠薪纠纷",
      body: "申请人电话 139****2345，身份证 330282********7716",
      caseId: kase.id,
      caseCode: kase.code,
      taskId: 7,
      unitId: unit,
      at: "2025-03-05T06:00:00.000Z",
    });
  });

  it("the event and its deliveries roll back together", async () => {
    const unit = await unitId(h.t, "GT-XFB");
    await addWebhook(h.t.db, h.t.cipher, unit, "http://127.0.0.1:1/x");
    await createAccount(h.t, "unit_leader", "330282006", "GT-XFB");
    const before = await query(`SELECT (SELECT count(*) FROM notifications)::int AS n, (SELECT count(*) FROM webhook_deliveries)::int AS d`);
    await expect(
      inTransaction({ db: h.t.db, cipher: h.t.cipher }, system, async (ctx) => {
        await notifyUnit(ctx, unit, { kind: "task.assigned", title: "回滚" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await query(`SELECT (SELECT count(*) FROM notifications)::int AS n, (SELECT count(*) FROM webhook_deliveries)::int AS d`)).toEqual(before);
  });
});
