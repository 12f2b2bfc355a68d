import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/schema.js";
import { createAccount, login, regionId, unitId, type TestApp } from "../../test/app.js";
import { mediators } from "../schema.js";
import { seedMediators } from "./seed-mediators.js";
import { asSystem, createMediatorTestApp } from "./test-support.js";

const PRIVATE_KEYS = ["accountId", "accountUsername", "personId", "employerCreditCode", "birthYear", "gender", "unitId", "unitName", "leaveFrom", "leaveTo", "availableDays"];

describe("mediator routes", () => {
  let h: TestApp;
  let huangId: number;
  let tiaojieId: number;

  beforeAll(async () => {
    h = await createMediatorTestApp();
    tiaojieId = (await createAccount(h.t, "mediator", "330282006", "MS-HXH", "tiaojie")).id;
    await asSystem(h.t, (ctx) => seedMediators(ctx));
    [{ id: huangId }] = await h.t.db.select({ id: mediators.id }).from(mediators).where(eq(mediators.name, "黄新华"));
  });
  afterAll(() => h.close());

  it("serves the directory to anyone, with figures and without personal, contact or employer data", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/mediators/directory?limit=200" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(150);
    expect(body.items[0]).toMatchObject({ name: "黄新华", grade: "gold", studioName: "黄新华工作室", figures: { handled: 0, currentLoad: 0 } });
    for (const item of body.items) for (const key of PRIVATE_KEYS) expect(item).not.toHaveProperty(key);
    for (const word of ["accountId", "personId", "employer", "birthYear", "tiaojie"]) expect(res.body).not.toContain(word);
    expect(res.body).not.toMatch(/"(19|20)\d\d"|\b(19[3-9]\d|200\d)\b/); // no birth years anywhere
  });

  it("filters the directory by field, specialty, community, kind, studio and dialect", async () => {
    const get = async (qs: string) => (await h.app.inject({ method: "GET", url: `/api/mediators/directory?limit=200&${qs}` })).json().items as Record<string, unknown>[];
    expect((await get("kind=police")).every((m) => m.kind === "police")).toBe(true);
    expect((await get("kind=police")).length).toBe(10);
    expect((await get("field=LD")).every((m) => (m.fields as string[]).includes("LD"))).toBe(true);
    const injury = await get(`specialty=${encodeURIComponent("工伤")}`);
    expect(injury.length).toBeGreaterThan(0);
    expect(injury.every((m) => (m.specialties as string[]).some((s) => s.includes("工伤")))).toBe(true);
    const local = await get("community=330282006004");
    expect(local.every((m) => m.homeRegionCode === "330282006004")).toBe(true);
    expect(local.filter((m) => m.kind === "grid_worker")).toHaveLength(2);
    const bank = await get(`studio=${await unitId(h.t, "MS-YHYG")}`);
    expect(bank.length).toBeGreaterThanOrEqual(5);
    expect(bank.every((m) => m.studioName === "银行系统义工调解队")).toBe(true);
    expect((await get(`dialect=${encodeURIComponent("余姚话")}`)).every((m) => (m.dialects as string[]).includes("余姚话"))).toBe(true);
  });

  it("offers the filters' choices publicly", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/mediators/directory/facets" });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.communities).toHaveLength(16);
    expect(f.studios.map((s: { name: string }) => s.name).sort()).toEqual(["乡音调解室", "老兵说事厅", "银发调解队", "银行系统义工调解队", "黄新华工作室"].sort());
    expect(f.dialects).toContain("慈溪话");
    expect(f.specialties).toContain("工伤");
  });

  it("shows one public profile, and 404 for a mediator who is not active", async () => {
    const res = await h.app.inject({ method: "GET", url: `/api/mediators/${huangId}/profile` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "黄新华", kindName: "专职调解员", ageBand: expect.any(String) });
    expect(res.body).not.toContain("accountId");
    const [gone] = await h.t.db.insert(mediators).values({ name: "已离队", kind: "volunteer", active: false }).returning();
    expect((await h.app.inject({ method: "GET", url: `/api/mediators/${gone.id}/profile` })).statusCode).toBe(404);
  });

  it("gives staff the unit, account link, availability and leave; not to anonymous callers", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/mediators" })).statusCode).toBe(401);
    await createAccount(h.t, "police", "330282006", "GT-PCS", "mj_staff");
    const s = await login(h.app, "mj_staff");
    const list = await h.app.inject({ method: "GET", url: "/api/mediators?kind=police", headers: s.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ unitName: "古塘派出所", availableDays: expect.any(Array), onLeave: expect.any(Boolean) });
    const one = await h.app.inject({ method: "GET", url: `/api/mediators/${huangId}`, headers: s.headers });
    expect(one.json()).toMatchObject({ accountId: tiaojieId, accountUsername: "tiaojie", studioName: "黄新华工作室" });
  });

  it("lets the street centre add and edit mediators, audited; validates references", async () => {
    await createAccount(h.t, "street_centre", "330282006", "GT-SZZX", "zx_street");
    const s = await login(h.app, "zx_street");
    const created = await h.app.inject({
      method: "POST",
      url: "/api/mediators",
      headers: s.headers,
      payload: { name: "新调解员", kind: "notable", fields: ["LL", "TD"], specialties: ["宅基地"], homeRegionCode: "330282006201", studioUnitId: await unitId(h.t, "MS-XYTJS"), dialects: ["慈溪话"] },
    });
    expect(created.statusCode).toBe(200);
    const m = created.json();
    expect(m).toMatchObject({ name: "新调解员", homeCommunityName: "太屺村", studioName: "乡音调解室", grade: "standard", availableDays: [1, 2, 3, 4, 5] });

    const patched = await h.app.inject({
      method: "PATCH",
      url: `/api/mediators/${m.id}`,
      headers: s.headers,
      payload: { grade: "senior", leaveFrom: "2026-04-01", leaveTo: "2026-04-10", availableDays: [6, 1, 1] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ grade: "senior", specialties: ["宅基地"], availableDays: [1, 6], leaveTo: "2026-04-10" });
    const [audit] = await h.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "mediator.update"), eq(auditEvents.subjectId, String(m.id))));
    expect(audit.oldValues).toMatchObject({ grade: "standard" });
    expect(audit.newValues).toMatchObject({ grade: "senior" });
    expect(audit.newValues).not.toHaveProperty("name");

    const bad = async (payload: Record<string, unknown>) => (await h.app.inject({ method: "PATCH", url: `/api/mediators/${m.id}`, headers: s.headers, payload })).statusCode;
    expect(await bad({ studioUnitId: await unitId(h.t, "GT-PCS") })).toBe(400); // a police station is not a studio
    expect(await bad({ homeRegionCode: "330282006001-G01" })).toBe(400); // a grid, not a community
    expect(await bad({ leaveFrom: "2026-05-10", leaveTo: "2026-05-01" })).toBe(400);
    expect(await bad({ fields: ["XX"] })).toBe(400);
    expect(await bad({ accountId: tiaojieId })).toBe(409); // already 黄新华's
  });

  it("refuses edits without mediators.manage (403) and outside the street's scope (404)", async () => {
    await createAccount(h.t, "mediator", "330282006", "MS-HXH", "tj_other");
    const mediator = await login(h.app, "tj_other");
    expect((await h.app.inject({ method: "PATCH", url: `/api/mediators/${huangId}`, headers: mediator.headers, payload: { grade: "trainee" } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: "POST", url: "/api/mediators", headers: mediator.headers, payload: { name: "某某", kind: "volunteer" } })).statusCode).toBe(403);

    // A street-centre account scoped to one community does not cover the street.
    await createAccount(h.t, "street_centre", "330282006001", "GT-SZZX", "zx_local");
    const local = await login(h.app, "zx_local");
    expect((await h.app.inject({ method: "PATCH", url: `/api/mediators/${huangId}`, headers: local.headers, payload: { grade: "trainee" } })).statusCode).toBe(404);
    expect((await h.app.inject({ method: "PATCH", url: "/api/mediators/999999", headers: local.headers, payload: { grade: "trainee" } })).statusCode).toBe(404);
    expect((await h.app.inject({ method: "POST", url: "/api/mediators", headers: local.headers, payload: { name: "某某", kind: "volunteer", homeRegionCode: "330282006001" } })).statusCode).toBe(404);
    const [huang] = await h.t.db.select().from(mediators).where(eq(mediators.id, huangId));
    expect(huang.grade).toBe("gold");
    expect(await regionId(h.t, "330282006001")).toBeGreaterThan(0);
  });
});
