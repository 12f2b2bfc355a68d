import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import { auditEvents } from "./schema.js";

describe("audit trail", () => {
  let h: TestApp;
  let admin: Session;
  beforeAll(async () => {
    h = await createTestApp();
    const a = await createAccount(h.t, "admin", "330282006", "GT-SZZX", "audit_admin");
    admin = await login(h.app, a.username);
  });
  afterAll(() => h.close());

  it("is append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const [row] = await h.t.db.select({ id: auditEvents.id }).from(auditEvents).limit(1);
    expect(row).toBeDefined();
    const refusal = (q: ReturnType<typeof sql>) =>
      h.t.db.execute(q).then(() => "accepted", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(sql`UPDATE audit_events SET action = 'x' WHERE id = ${row.id}`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_events WHERE id = ${row.id}`)).toMatch(/append-only/);
    expect(await refusal(sql`TRUNCATE audit_events`)).toMatch(/append-only/);
  });

  it("records a change with actor, old and new values and the request's correlation id", async () => {
    const created = await h.app.inject({
      method: "POST", url: "/api/units", headers: admin.headers,
      payload: { code: "T-AUDIT", name: "审计测试单位", kind: "mediation_studio", regionCode: "330282006" },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const patched = await h.app.inject({ method: "PATCH", url: `/api/units/${id}`, headers: admin.headers, payload: { name: "审计测试单位（改）" } });
    expect(patched.statusCode).toBe(200);
    const res = await h.app.inject({ method: "GET", url: `/api/audit?subjectType=unit&subjectId=${id}`, headers: admin.headers });
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(["unit.update", "unit.create"]);
    expect(items[0]).toMatchObject({
      actorLabel: expect.stringContaining("audit_admin"),
      oldValues: expect.objectContaining({ name: "审计测试单位" }),
      newValues: expect.objectContaining({ name: "审计测试单位（改）" }),
      correlationId: patched.headers["x-correlation-id"],
    });
  });

  it("a change that fails leaves no audit row (same transaction)", async () => {
    const before = await h.t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    const dupe = await h.app.inject({
      method: "POST", url: "/api/accounts", headers: admin.headers,
      payload: { username: "audit_admin", displayName: "重复", role: "grid_worker", regionCode: "330282006001-G01", password: "long-enough-1" },
    });
    expect(dupe.statusCode).toBe(409);
    const after = await h.t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after[0].n).toBe(before[0].n);
  });

  it("filters by action and is for admins only", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/audit?action=session.login&pageSize=5", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((i: { action: string }) => i.action === "session.login")).toBe(true);
    const clerk = await createAccount(h.t, "street_centre", "330282006", "GT-SZZX");
    const s = await login(h.app, clerk.username);
    const denied = await h.app.inject({ method: "GET", url: "/api/audit", headers: s.headers });
    expect(denied.statusCode).toBe(403);
  });
});
