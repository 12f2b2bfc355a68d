// The key index over HTTP: groupings, the drill-down to grids and to cases, and what an account outside sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediationTeamMembers, mediationTeams, mediators } from "../mediation/schema.js";
import { AWAY, HOME, staff, type Staff } from "../tasks/test-support/handling-fixture.js";
import { createTestApp, regionId, unitId, type TestApp } from "../test/app.js";
import type { KeyIndexCases, KeyIndexTable } from "./views.js";
import { kase } from "./test-support.js";

let h: TestApp;
let centre: Staff;
let away: Staff;
let police: Staff;
const period = "from=2025-01-01&to=2025-07-01";
const cases: Record<string, number> = {};

beforeAll(async () => {
  h = await createTestApp();
  centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
  away = await staff(h, "grid_worker", AWAY);
  police = await staff(h, "police", "330282006", "GT-PCS");
  cases.home1 = await kase(h.t, { region: `${HOME}-G01`, reported: "2025-02-01", unit: "GT-SFS", risk: "red" });
  cases.home2 = await kase(h.t, { region: `${HOME}-G02`, reported: "2025-03-01", unit: "GT-SFS" });
  cases.home3 = await kase(h.t, { region: `${HOME}-G02`, reported: "2025-04-01", unit: "GT-LDBZ", closed: "2025-04-11" });
  cases.away1 = await kase(h.t, { region: `${AWAY}-G01`, reported: "2025-05-01", unit: "GT-SFS" });
  cases.lastYear = await kase(h.t, { region: `${HOME}-G01`, reported: "2024-05-01", unit: "GT-SFS" });
  // Two mediators on home1's team, one of them also on away1's.
  const [m1, m2] = await h.t.db
    .insert(mediators)
    .values([{ name: "黄调解", kind: "professional" }, { name: "李乡贤", kind: "notable" }])
    .returning({ id: mediators.id });
  for (const [caseId, ids] of [[cases.home1, [m1.id, m2.id]], [cases.away1, [m1.id]]] as const) {
    const [team] = await h.t.db.insert(mediationTeams).values({ caseId, formedBy: "staff", formedByLabel: "test" }).returning({ id: mediationTeams.id });
    await h.t.db.insert(mediationTeamMembers).values(ids.map((mediatorId, i) => ({ teamId: team.id, mediatorId, role: i === 0 ? ("lead" as const) : ("member" as const) })));
  }
});
afterAll(() => h.close());

const get = async <T>(who: Staff, url: string) => {
  const res = await h.app.inject({ method: "GET", url, headers: who.session.headers });
  return { status: res.statusCode, body: res.json() as T };
};

describe("GET /api/key-index", () => {
  it("gives the street centre every community, with the street's total", async () => {
    const { status, body } = await get<KeyIndexTable>(centre, `/api/key-index?group=community&${period}`);
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(16);
    const home = body.rows.find((r) => r.name === "团圈社区")!;
    expect(home.figures.received).toMatchObject({ value: 3, lastValue: 1 });
    expect(body.total.figures.received).toMatchObject({ value: 4, lastValue: 1 });
    expect(body.total.name).toContain("古塘");
    expect(body.lastYear).toEqual({ from: "2024-01-01", to: "2024-07-01" });
  });

  it("drills a community down to its grids", async () => {
    const { body } = await get<KeyIndexTable>(centre, `/api/key-index?group=grid&community=${await regionId(h.t, HOME)}&${period}`);
    expect(body.community?.name).toBe("团圈社区");
    const byId = new Map(body.rows.map((r) => [r.id, r.figures.received.value]));
    expect(byId.get(await regionId(h.t, `${HOME}-G01`))).toBe(1);
    expect(byId.get(await regionId(h.t, `${HOME}-G02`))).toBe(2);
    expect(body.total.figures.received.value).toBe(3);
  });

  it("groups by lead unit and by mediator, counting a case once in the total", async () => {
    const units = await get<KeyIndexTable>(centre, `/api/key-index?group=unit&${period}`);
    const byUnit = new Map(units.body.rows.map((r) => [r.id, r.figures.received.value]));
    expect(byUnit.get(await unitId(h.t, "GT-SFS"))).toBe(3);
    expect(byUnit.get(await unitId(h.t, "GT-LDBZ"))).toBe(1);

    const ms = await get<KeyIndexTable>(centre, `/api/key-index?group=mediator&${period}`);
    expect(ms.body.rows.map((r) => [r.name, r.figures.received.value])).toEqual([["黄调解", 2], ["李乡贤", 1]]);
    expect(ms.body.total.figures.received.value).toBe(4);
  });

  it("shows an account of another community only its own community, and 404 for another's grids", async () => {
    const { body } = await get<KeyIndexTable>(away, `/api/key-index?group=community&${period}`);
    expect(body.rows.map((r) => r.name)).toEqual(["上傅家社区"]);
    expect(body.total.figures.received.value).toBe(1);
    const grids = await get(away, `/api/key-index?group=grid&community=${await regionId(h.t, HOME)}&${period}`);
    expect(grids.status).toBe(404);
  });

  it("lets police officers read it, and defaults to this year to date", async () => {
    const { status, body } = await get<KeyIndexTable>(police, `/api/key-index`);
    expect(status).toBe(200);
    expect(body.period.from).toMatch(/^\d{4}-01-01$/);
  });

  it("rejects a period that ends before it starts", async () => {
    const { status } = await get(centre, `/api/key-index?from=2025-03-01&to=2025-02-01`);
    expect(status).toBe(400);
  });
});

describe("GET /api/key-index/cases", () => {
  it("lists the cases behind a figure of a row", async () => {
    const { body } = await get<KeyIndexCases>(centre, `/api/key-index/cases?group=community&id=${await regionId(h.t, HOME)}&metric=received&${period}`);
    expect(body.items.map((c) => c.id)).toEqual([cases.home3, cases.home2, cases.home1]);
    expect(body.total).toBe(3);
    const red = await get<KeyIndexCases>(centre, `/api/key-index/cases?group=community&id=${await regionId(h.t, HOME)}&metric=red_received&${period}`);
    expect(red.body.items.map((c) => c.id)).toEqual([cases.home1]);
    const total = await get<KeyIndexCases>(centre, `/api/key-index/cases?group=mediator&metric=received&${period}`);
    expect(total.body.total).toBe(4);
  });

  it("gives an account of another community nothing from outside its scope", async () => {
    const { status, body } = await get<KeyIndexCases>(away, `/api/key-index/cases?group=community&id=${await regionId(h.t, HOME)}&metric=received&${period}`);
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
  });
});
