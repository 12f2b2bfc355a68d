import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/schema.js";
import { notifications } from "../notifications/schema.js";
import { buildApp, type App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { caseEvents } from "../tasks/schema.js";
import { createAccount, createCase, login, unitId, type Session } from "../test/app.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import { seedUnits } from "../units/seed-units.js";
import { seedCalendar } from "./china-holidays.js";
import { addWorkingDays, loadCalendar } from "./compute-due.js";
import { seedDeadlineRules } from "./default-rules.js";
import { registerDeadlineRoutes } from "./routes.js";
import { taskDeadlines } from "./schema.js";
import { createTaskWithDeadline, tiersEndingAt } from "./test-support/fixtures.js";

const HOME = "330282006004";
const AWAY = "330282006001";

describe("deadline routes", () => {
  let t: TestDatabase;
  let app: App;
  const as: Record<string, Session> = {};
  let taskId: number;
  let deadlineId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedRegionTree(t);
    await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
    await seedCalendar(t.db);
    await seedDeadlineRules(t.db);
    app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    // Until the lead lists them in server/routes.ts.
    if (!app.routeTable.some((r) => r.url === "/api/calendar")) registerDeadlineRoutes(app, { db: t.db, cipher: t.cipher } as Services);
    await app.ready();
    const accounts = {
      handler: await createAccount(t, "unit_handler", HOME, `CC-${HOME}`),
      otherUnit: await createAccount(t, "unit_handler", HOME, "GT-SFS"),
      awayHandler: await createAccount(t, "unit_handler", AWAY, `CC-${AWAY}`),
      centre: await createAccount(t, "street_centre", "330282006", "GT-SZZX"),
      awayCentre: await createAccount(t, "street_centre", AWAY),
      admin: await createAccount(t, "admin", "330282006"),
      citizen: await createAccount(t, "citizen", HOME),
    };
    for (const [k, a] of Object.entries(accounts)) as[k] = await login(app, a.username);
    const c = await createCase(t, { region: `${HOME}-G01`, unit: `CC-${HOME}`, title: "邻里纠纷" });
    const due = new Date(Date.now() + 5 * 86_400_000);
    ({ taskId, deadlineId } = await createTaskWithDeadline(t.db, { caseId: c.id, unitId: await unitId(t, `CC-${HOME}`), ...tiersEndingAt(due) }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (who: string, method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who].headers, ...(payload ? { payload } : {}) });

  describe("calendar", () => {
    it("shows a year's holidays and 调休 workdays to any account", async () => {
      const res = await call("handler", "GET", "/api/calendar?year=2026");
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.days).toContainEqual({ day: "2026-10-10", kind: "workday", name: "国庆节调休上班" });
      expect(body.days.filter((d: { kind: string }) => d.kind === "holiday")).toHaveLength(33);
      expect(body.years).toEqual([2025, 2026, 2027]);
    });

    it("is edited by deadlines.manage, audited", async () => {
      expect((await call("handler", "PUT", "/api/calendar/2028-01-01", { kind: "holiday", name: "元旦" })).statusCode).toBe(403);
      const put = await call("admin", "PUT", "/api/calendar/2028-01-01", { kind: "holiday", name: "元旦" });
      expect(put.statusCode).toBe(200);
      expect((await call("centre", "PUT", "/api/calendar/2028-01-01", { kind: "holiday", name: "元旦（改）" })).json().name).toBe("元旦（改）");
      expect((await call("admin", "PUT", "/api/calendar/2028-02-30", { kind: "holiday", name: "x" })).statusCode).toBe(400);
      expect((await call("admin", "DELETE", "/api/calendar/2028-01-01")).statusCode).toBe(200);
      expect((await call("admin", "DELETE", "/api/calendar/2028-01-01")).statusCode).toBe(404);
      const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, "2028-01-01"));
      expect(audit.map((a) => a.action)).toEqual(["calendar.set", "calendar.set", "calendar.delete"]);
    });
  });

  describe("deadline rules", () => {
    it("are read by staff and admins, not citizens", async () => {
      expect((await call("handler", "GET", "/api/deadline-rules")).json().items.length).toBeGreaterThan(10);
      expect((await call("admin", "GET", "/api/deadline-rules")).statusCode).toBe(200);
      expect((await call("citizen", "GET", "/api/deadline-rules")).statusCode).toBe(403);
    });

    it("are replaced as a set by deadlines.manage", async () => {
      const rules = [
        { stage: "handle", amount: 10, unit: "working_days", note: "办理" },
        { stage: "handle", channel: "12345", amount: 5, unit: "working_days", yellowAt: 0.6, redAt: 0.9, note: "12345" },
      ];
      expect((await call("handler", "PUT", "/api/deadline-rules", { rules })).statusCode).toBe(403);
      expect((await call("admin", "PUT", "/api/deadline-rules", { rules: [{ ...rules[0], yellowAt: 0.9, redAt: 0.5 }] })).statusCode).toBe(400);
      const res = await call("admin", "PUT", "/api/deadline-rules", { rules });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((r: { channel: string | null; category: string | null }) => [r.channel, r.category])).toEqual([[null, null], ["12345", null]]);
      const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "deadline_rules.replace"));
      expect((audit.oldValues as unknown[]).length).toBeGreaterThan(10);
    });
  });

  describe("extensions", () => {
    let requestId: number;

    it("are requested by the task's own unit for an open stage", async () => {
      const body = { stage: "handle", workingDays: 3, reason: "当事人外出务工，需等其返乡" };
      expect((await call("awayHandler", "POST", `/api/tasks/${taskId}/extensions`, body)).statusCode).toBe(404);
      expect((await call("otherUnit", "POST", `/api/tasks/${taskId}/extensions`, body)).json().error.code).toBe("NOT_YOUR_TASK");
      expect((await call("handler", "POST", `/api/tasks/${taskId}/extensions`, { ...body, stage: "accept" })).json().error.code).toBe("STAGE_NOT_OPEN");
      const res = await call("handler", "POST", `/api/tasks/${taskId}/extensions`, body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: "pending", workingDays: 3, stage: "handle" });
      requestId = res.json().id;
      expect((await call("handler", "POST", `/api/tasks/${taskId}/extensions`, body)).json().error.code).toBe("EXTENSION_PENDING");
    });

    it("are listed within scope", async () => {
      expect((await call("centre", "GET", "/api/extensions?status=pending")).json().items.map((i: { id: number }) => i.id)).toEqual([requestId]);
      expect((await call("handler", "GET", "/api/extensions")).json().items).toHaveLength(1);
      expect((await call("awayCentre", "GET", "/api/extensions?status=pending")).json().items).toEqual([]);
    });

    it("approved by the street centre: the due time moves by the working days, the unit hears", async () => {
      const [before] = await t.db.select().from(taskDeadlines).where(eq(taskDeadlines.id, deadlineId));
      expect((await call("awayCentre", "POST", `/api/extensions/${requestId}/decide`, { approve: true })).statusCode).toBe(404);
      expect((await call("handler", "POST", `/api/extensions/${requestId}/decide`, { approve: true })).statusCode).toBe(403);
      const res = await call("centre", "POST", `/api/extensions/${requestId}/decide`, { approve: true, note: "同意" });
      expect(res.statusCode).toBe(200);
      const [after] = await t.db.select().from(taskDeadlines).where(eq(taskDeadlines.id, deadlineId));
      const expected = addWorkingDays(await loadCalendar(t.db, before.dueAt), before.dueAt, 3);
      expect(after.dueAt).toEqual(expected);
      expect(res.json()).toMatchObject({ status: "approved", dueAt: expected.toISOString(), decisionNote: "同意" });
      expect(after.extendedDays).toBe(3);
      expect(after.yellowAt.getTime()).toBeGreaterThan(before.yellowAt.getTime());
      expect(after.redAt.getTime()).toBeLessThan(after.dueAt.getTime());
      expect(after.basis).toContain("延期 3 个工作日");
      const kinds = (await t.db.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.taskId, taskId))).map((e) => e.kind);
      expect(kinds).toEqual(["extension_requested", "extension_approved"]);
      const notes = await t.db.select().from(notifications).where(and(eq(notifications.taskId, taskId), eq(notifications.kind, "extension_approved")));
      expect(notes.length).toBeGreaterThan(0);
      expect((await call("centre", "POST", `/api/extensions/${requestId}/decide`, { approve: false })).json().error.code).toBe("EXTENSION_DECIDED");
    });

    it("rejected: the deadline stays", async () => {
      const res = await call("handler", "POST", `/api/tasks/${taskId}/extensions`, { stage: "handle", workingDays: 2, reason: "再延两天" });
      const [before] = await t.db.select().from(taskDeadlines).where(eq(taskDeadlines.id, deadlineId));
      const decided = await call("centre", "POST", `/api/extensions/${res.json().id}/decide`, { approve: false, note: "理由不充分" });
      expect(decided.json()).toMatchObject({ status: "rejected", decisionNote: "理由不充分" });
      const [after] = await t.db.select().from(taskDeadlines).where(eq(taskDeadlines.id, deadlineId));
      expect(after.dueAt).toEqual(before.dueAt);
      const audit = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectType, "extension_request"));
      expect(audit).toHaveLength(2);
    });
  });
});

