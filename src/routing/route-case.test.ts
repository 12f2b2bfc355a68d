import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, unitId, type Session, type TestApp } from "../test/app.js";
import { seedRoutingMatrix } from "./gutang-matrix.js";
import { rerouteAfterReturn, routeCase } from "./route-case.js";
import { asSystem, query, routingCase } from "./test-support.js";

const STREET = "330282006";
const A = "330282006001"; // 上傅家社区
const B = "330282006004"; // 团圈社区

let h: TestApp;
let centre: Session;
let admin: Session;
beforeAll(async () => {
  h = await createTestApp();
  await seedRoutingMatrix(h.t.db);
  centre = await login(h.app, (await createAccount(h.t, "street_centre", STREET, "GT-SZZX")).username);
  admin = await login(h.app, (await createAccount(h.t, "admin", STREET)).username);
});
afterAll(() => h?.close());

const post = (s: Session, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.headers, payload });
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const openTasks = (caseId: number) =>
  query(h, `SELECT unit_id, role, state, level, assigned_via, routing_id FROM tasks WHERE case_id = $1 AND state NOT IN ('returned', 'closed') ORDER BY role DESC, id`, [caseId]);
const caseRow = async (id: number) => (await query(h, `SELECT lead_unit_id, handling_level FROM cases WHERE id = $1`, [id]))[0];
const events = (caseId: number) => query(h, `SELECT kind, unit_id, detail FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId]);

describe("routeCase", () => {
  it("routes a new case by the matrix: a routing with its reasons, the lead and co tasks, the timeline, the audit and the checklist", async () => {
    const c = await routingCase(h, { region: `${A}-G01`, category: "LD" });
    const routed = await asSystem(h, (ctx) => routeCase(ctx, c.id));
    const labour = await unitId(h.t, "GT-LDBZ");
    const judicial = await unitId(h.t, "GT-SFS");
    expect(routed).toMatchObject({ leadUnitId: labour, level: "street" });
    const [routing] = await query(h, `SELECT r.*, v.version FROM case_routings r JOIN routing_matrix_versions v ON v.id = r.version_id WHERE r.case_id = $1`, [c.id]);
    expect(routing).toMatchObject({ via: "auto", version: 1, lead_unit_id: labour, co_unit_ids: [judicial], level: "street", decided_by_label: "system:test" });
    expect(routing.reasons).toContain("纠纷类别：劳动争议");
    expect(await openTasks(c.id)).toEqual([
      { unit_id: labour, role: "lead", state: "assigned", level: "street", assigned_via: "route", routing_id: routing.id },
      { unit_id: judicial, role: "co", state: "assigned", level: "street", assigned_via: "route", routing_id: routing.id },
    ]);
    expect(await caseRow(c.id)).toEqual({ lead_unit_id: labour, handling_level: "street" });
    const routedEvent = (await events(c.id)).find((e) => e.kind === "routed")!;
    expect(routedEvent.detail).toMatchObject({ routingId: routing.id, leadUnitId: labour, coUnitIds: [judicial], level: "street" });
    expect(await query(h, `SELECT subject_id FROM audit_events WHERE action = 'case.route'`)).toContainEqual({ subject_id: String(c.id) });
    const steps = await query(h, `SELECT step_key, owner_kind FROM workflow_steps WHERE case_id = $1 ORDER BY position`, [c.id]);
    expect(steps[0]).toEqual({ step_key: "labour.verify_relation", owner_kind: "labour" });
    expect(steps).toHaveLength(7);

    // Routed already: nothing to do, automatically or by hand.
    expect(await asSystem(h, (ctx) => routeCase(ctx, c.id))).toBeNull();
    const again = await post(centre, `/api/cases/${c.id}/route`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_ROUTED");
  });

  it("routes a case with no community on the claim board", async () => {
    const c = await routingCase(h, { region: STREET, category: "LL" });
    const res = await post(centre, `/api/cases/${c.id}/route`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leadUnitId: null, level: "street" });
    expect(await openTasks(c.id)).toMatchObject([{ unit_id: null, role: "lead", state: "posted" }]);
  });
});

describe("matrix versions", () => {
  it("records which version routed a case; a new version leaves old routings on the old one", async () => {
    const before = await routingCase(h, { region: `${B}-G01`, category: "WY" });
    await asSystem(h, (ctx) => routeCase(ctx, before.id));
    const current = (await get(admin, "/api/routing/matrix")).json();
    expect(current.version).toMatchObject({ version: 1, current: true });
    const rules = current.rules.map(({ category, regionNodeId, minAmount, minPeople, channel, riskLevel, leadUnitId, leadUnitKind, coUnitKinds, level, openCall, note }: Record<string, unknown>) =>
      category === "WY" ? { category, regionNodeId, minAmount, minPeople, channel, riskLevel, leadUnitId, leadUnitKind: "community_centre", coUnitKinds: ["property"], level: "community", openCall, note: "物业纠纷先由社区调处" }
        : { category, regionNodeId, minAmount, minPeople, channel, riskLevel, leadUnitId, leadUnitKind, coUnitKinds, level, openCall, note });
    const saved = await post(admin, "/api/routing/matrix", { note: "物业纠纷下沉社区", rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toMatchObject({ version: 2, current: true, ruleCount: rules.length });
    expect(await query(h, `SELECT action FROM audit_events WHERE action = 'routing.matrix_save'`)).toHaveLength(1);

    const after = await routingCase(h, { region: `${B}-G01`, category: "WY" });
    await asSystem(h, (ctx) => routeCase(ctx, after.id));
    const oldRouting = (await get(centre, `/api/cases/${before.id}/routing`)).json();
    const newRouting = (await get(centre, `/api/cases/${after.id}/routing`)).json();
    expect(oldRouting.routings[0]).toMatchObject({ version: 1, leadUnitId: await unitId(h.t, "GT-CJWY"), via: "auto", viaName: "自动流转" });
    expect(newRouting.routings[0]).toMatchObject({ version: 2, leadUnitId: await unitId(h.t, `CC-${B}`), level: "community" });
    expect(newRouting.routings[0].reasons[0]).toMatch(/^职责矩阵第 2 版第 \d+ 条：物业纠纷先由社区调处/);

    const versions = (await get(admin, "/api/routing/matrix/versions")).json().items;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    expect((await get(admin, "/api/routing/matrix?version=1")).json().rules.find((r: { category: string }) => r.category === "WY").leadUnitKind).toBe("property");
  });

  it("refuses unknown categories, kinds and levels, and writers other than a street-wide admin", async () => {
    const rule = { category: "ZZ", leadUnitKind: "community_centre", level: "community" };
    expect((await post(admin, "/api/routing/matrix", { note: "错误", rules: [rule] })).statusCode).toBe(400);
    expect((await post(admin, "/api/routing/matrix", { note: "错误", rules: [{ ...rule, category: null, leadUnitKind: "mayor" }] })).statusCode).toBe(400);
    expect((await post(admin, "/api/routing/matrix", { note: "错误", rules: [{ ...rule, category: null, level: "province" }] })).statusCode).toBe(400);
    const good = { note: "好的", rules: [{ leadUnitKind: "community_centre", level: "community" }] };
    expect((await post(centre, "/api/routing/matrix", good)).statusCode).toBe(403);
    const communityAdmin = await login(h.app, (await createAccount(h.t, "admin", A)).username);
    expect((await post(communityAdmin, "/api/routing/matrix", good)).statusCode).toBe(404);
  });
});

describe("staff moves", () => {
  it("re-routes to a named unit with a reason, ending the old tasks", async () => {
    const c = await routingCase(h, { region: `${A}-G03`, category: "LL" });
    await asSystem(h, (ctx) => routeCase(ctx, c.id));
    expect((await post(centre, `/api/cases/${c.id}/reroute`, { unitId: await unitId(h.t, "GT-SFS") })).statusCode).toBe(400);
    const res = await post(centre, `/api/cases/${c.id}/reroute`, { unitId: await unitId(h.t, "MS-LBSST"), reason: "当事人点名老兵说事厅调解" });
    expect(res.statusCode, res.body).toBe(200);
    expect(await openTasks(c.id)).toMatchObject([
      { unit_id: await unitId(h.t, "MS-LBSST"), role: "lead", state: "assigned", assigned_via: "reroute", level: "street" },
      { unit_id: await unitId(h.t, "GT-SFS"), role: "co" },
    ]);
    const ended = await query(h, `SELECT unit_id, return_reason FROM tasks WHERE case_id = $1 AND state = 'returned' AND role = 'lead'`, [c.id]);
    expect(ended).toEqual([{ unit_id: await unitId(h.t, `CC-${A}`), return_reason: "改派：当事人点名老兵说事厅调解" }]);
    const history = (await get(centre, `/api/cases/${c.id}/routing`)).json();
    expect(history.routings.map((r: { via: string }) => r.via)).toEqual(["reroute", "auto"]);
    expect(history.routings[0]).toMatchObject({ note: "当事人点名老兵说事厅调解", version: null });
    expect((await events(c.id)).map((e) => e.kind)).toContain("rerouted");
    expect(await query(h, `SELECT subject_id FROM audit_events WHERE action = 'case.reroute'`)).toContainEqual({ subject_id: String(c.id) });
  });

  it("escalates one level at a time up to the county, and no further", async () => {
    const c = await routingCase(h, { region: `${A}-G04`, category: "HY" });
    await asSystem(h, (ctx) => routeCase(ctx, c.id));
    const reason = { reason: "多次调解未果，重大疑难" };
    const up1 = await post(centre, `/api/cases/${c.id}/escalate`, reason);
    expect(up1.statusCode, up1.body).toBe(200);
    expect(up1.json()).toMatchObject({ level: "street", leadUnitId: await unitId(h.t, "GT-SZZX") });
    expect(await openTasks(c.id)).toMatchObject([
      { unit_id: await unitId(h.t, "GT-SZZX"), role: "lead", level: "street", assigned_via: "escalation" },
      { unit_id: await unitId(h.t, "GT-SFS"), role: "co", level: "street" },
    ]);
    const up2 = await post(centre, `/api/cases/${c.id}/escalate`, reason);
    expect(up2.json()).toMatchObject({ level: "county", leadUnitId: await unitId(h.t, "GT-SZZX") });
    const top = await post(centre, `/api/cases/${c.id}/escalate`, reason);
    expect(top.statusCode).toBe(409);
    expect(top.json().error.code).toBe("ROUTING_LEVEL_LIMIT");
    const history = (await get(centre, `/api/cases/${c.id}/routing`)).json();
    expect(history.abilities).toMatchObject({ escalate: false, pushDown: true, route: false });
    expect(history.routings[0].reasons[0]).toBe("由街道上提至市级部门：多次调解未果，重大疑难");
    expect((await events(c.id)).filter((e) => e.kind === "escalated").map((e) => e.detail.fromLevel)).toEqual(["community", "street"]);
  });

  it("pushes down one level at a time to the grid, and no further; not below the street without a community", async () => {
    const c = await routingCase(h, { region: `${B}-G02`, category: "LL", records: [{ people: 20 }] });
    await asSystem(h, (ctx) => routeCase(ctx, c.id));
    expect(await caseRow(c.id)).toEqual({ lead_unit_id: await unitId(h.t, "GT-SZZX"), handling_level: "street" });
    const reason = { reason: "情况已稳定，交由社区跟进" };
    const down1 = await post(centre, `/api/cases/${c.id}/push-down`, reason);
    expect(down1.json()).toMatchObject({ level: "community", leadUnitId: await unitId(h.t, `CC-${B}`) });
    const down2 = await post(centre, `/api/cases/${c.id}/push-down`, reason);
    expect(down2.json()).toMatchObject({ level: "grid", leadUnitId: await unitId(h.t, `CC-${B}`) });
    const bottom = await post(centre, `/api/cases/${c.id}/push-down`, reason);
    expect(bottom.statusCode).toBe(409);
    expect((await events(c.id)).filter((e) => e.kind === "pushed_down")).toHaveLength(2);

    const streetOnly = await routingCase(h, { region: STREET, category: "LD" });
    await asSystem(h, (ctx) => routeCase(ctx, streetOnly.id));
    const nowhere = await post(centre, `/api/cases/${streetOnly.id}/push-down`, reason);
    expect(nowhere.statusCode).toBe(409);
    expect(nowhere.json().error.detail).toContain("没有村（社区）二级中心层级的承办单位");
  });

  it("re-routes after a return without the returning units, then to the claim board", async () => {
    const c = await routingCase(h, { region: `${A}-G05`, category: "LD" });
    await asSystem(h, (ctx) => routeCase(ctx, c.id));
    const labour = await unitId(h.t, "GT-LDBZ");
    const community = await unitId(h.t, `CC-${A}`);
    const first = await asSystem(h, (ctx) => rerouteAfterReturn(ctx, c.id, { returnedUnitId: labour, reason: "不存在劳动关系" }));
    expect(first.leadUnitId).toBe(community);
    const second = await asSystem(h, (ctx) => rerouteAfterReturn(ctx, c.id, { returnedUnitId: community, reason: "非本社区管辖" }));
    expect(second.leadUnitId).toBeNull();
    expect(await openTasks(c.id)).toMatchObject([{ unit_id: null, state: "posted", role: "lead" }]);
    const history = (await get(centre, `/api/cases/${c.id}/routing`)).json();
    expect(history.routings.map((r: { via: string }) => r.via)).toEqual(["return", "return", "auto"]);
    expect(history.routings[0].reasons[0]).toBe(`上傅家社区二级中心退回：非本社区管辖`);
  });

  it("answers 404 for a case outside the caller's jurisdiction", async () => {
    const c = await routingCase(h, { region: `${A}-G01`, category: "LL" });
    await asSystem(h, (ctx) => routeCase(ctx, c.id));
    const elsewhere = await login(h.app, (await createAccount(h.t, "street_centre", B)).username);
    expect((await get(elsewhere, `/api/cases/${c.id}/routing`)).statusCode).toBe(404);
    expect((await post(elsewhere, `/api/cases/${c.id}/escalate`, { reason: "越权上提" })).statusCode).toBe(404);
    expect((await post(elsewhere, `/api/cases/${c.id}/reroute`, { unitId: null, reason: "越权改派" })).statusCode).toBe(404);
    const handler = await login(h.app, (await createAccount(h.t, "unit_handler", A, `CC-${A}`)).username);
    expect((await post(handler, `/api/cases/${c.id}/escalate`, { reason: "无权上提" })).statusCode).toBe(403);
  });
});
