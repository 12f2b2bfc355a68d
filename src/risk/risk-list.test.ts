import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { createAccount, createCase, createPerson, login, regionId, type Session, type TestApp, createTestApp } from "../test/app.js";
import { warnings } from "../warnings/schema.js";
import type { RiskFactor, RiskLevel } from "./levels.js";

const STREET = "330282006";
const HOME = "330282006004"; // 团圈社区
const AWAY = "330282006001"; // 上傅家社区
const DAY = 86_400_000;

let h: TestApp;
let centre: Session; // street centre: the whole street
let away: Session; // another community's centre
const ids: Record<string, number> = {};

const threat: RiskFactor = { factor: "threat", label: "扬言报复、威胁", detail: "记录中出现“同归于尽”", points: 40, hard: true };
const repeat: RiskFactor = { factor: "repeat", label: "高频触发（30天内多日反映）", detail: "30天内4天报警", points: 25 };
const police: RiskFactor = { factor: "police", label: "民警已出警", detail: "110出警2次", points: 8 };
const money: RiskFactor = { factor: "money", label: "涉及金额大", detail: "涉及约12万元", points: 15 };

async function riskCase(key: string, opts: { region: string; unit?: string; level: RiskLevel | null; score?: number; factors?: RiskFactor[]; people?: number[]; status?: "open" | "closed"; closedDaysAgo?: number; reportedDaysAgo?: number }) {
  const c = await createCase(h.t, { region: opts.region, unit: opts.unit, title: `${key}纠纷`, people: opts.people });
  const now = Date.now();
  await h.t.db
    .update(cases)
    .set({
      riskLevel: opts.level,
      riskScore: opts.score ?? null,
      riskFactors: opts.factors ?? null,
      riskScoredAt: opts.level ? new Date() : null,
      status: opts.status ?? "open",
      closedAt: opts.closedDaysAgo !== undefined ? new Date(now - opts.closedDaysAgo * DAY) : null,
      lastReportedAt: new Date(now - (opts.reportedDaysAgo ?? 1) * DAY),
      firstReportedAt: new Date(now - (opts.reportedDaysAgo ?? 1) * DAY),
    })
    .where(eq(cases.id, c.id));
  ids[key] = c.id;
  return c.id;
}

const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const ok = async (s: Session, url: string) => {
  const res = await get(s, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  h = await createTestApp();
  centre = await login(h.app, (await createAccount(h.t, "street_centre", STREET, "GT-SZZX")).username);
  away = await login(h.app, (await createAccount(h.t, "street_centre", AWAY, `CC-${AWAY}`)).username);

  const home = await regionId(h.t, HOME);
  const zhang = (await createPerson(h.t, { name: "张秀英", idNumber: "330282196505120023", phone: "13805741234", regionNodeId: home })).id;
  const li = (await createPerson(h.t, { name: "李国强", phone: "13905745678", regionNodeId: home })).id;
  const wang = (await createPerson(h.t, { name: "王建军", regionNodeId: home })).id;
  const firm = (await createPerson(h.t, { kind: "company", name: "古塘某建材公司", regionNodeId: home })).id;
  Object.assign(ids, { zhang, li, wang, firm });

  // In 团圈社区: two reds (different points), a yellow, a green, a closed red (recent and long ago), an unscored one.
  await riskCase("红低", { region: `${HOME}-G01`, unit: `CC-${HOME}`, level: "red", score: 48, factors: [police, threat], people: [zhang, li] });
  await riskCase("红高", { region: `${HOME}-G02`, unit: `CC-${HOME}`, level: "red", score: 73, factors: [repeat, threat, police], people: [zhang, firm] });
  await riskCase("黄", { region: `${HOME}-G01`, unit: `CC-${HOME}`, level: "yellow", score: 90, factors: [money, repeat, police], people: [zhang, wang] });
  await riskCase("绿", { region: `${HOME}-G01`, unit: `CC-${HOME}`, level: "green", score: 5, factors: [police], people: [li] });
  await riskCase("近结红", { region: `${HOME}-G03`, unit: `CC-${HOME}`, level: "red", score: 30, factors: [threat], status: "closed", closedDaysAgo: 20 });
  await riskCase("久结红", { region: `${HOME}-G03`, unit: `CC-${HOME}`, level: "red", score: 99, factors: [threat], status: "closed", closedDaysAgo: 200 });
  await riskCase("未评", { region: HOME, unit: `CC-${HOME}`, level: null, people: [wang] });
  // Older than a year: does not count toward 王建军's cases.
  await riskCase("旧", { region: HOME, unit: `CC-${HOME}`, level: "yellow", score: 20, factors: [money], people: [wang], reportedDaysAgo: 400, status: "closed", closedDaysAgo: 380 });
  // In 上傅家社区: a yellow the other community's centre sees.
  await riskCase("上傅家黄", { region: `${AWAY}-G01`, unit: `CC-${AWAY}`, level: "yellow", score: 35, factors: [repeat], people: [li] });

  await h.t.db.insert(warnings).values([
    { caseId: ids["红高"], trigger: "case_red", level: "red", ackDueAt: new Date(Date.now() + DAY) },
    { caseId: ids["红高"], trigger: "group_dispute", level: "red", ackDueAt: new Date(Date.now() + DAY), status: "closed", closedAt: new Date() },
  ]);
});
afterAll(() => h?.close());

describe("the 民转刑 case list", () => {
  it("ranks red before yellow, then by points; keeps recently closed cases and leaves out green, unscored and long-closed ones", async () => {
    const { items } = await ok(centre, "/api/risk/cases");
    expect(items.map((r: { id: number }) => r.id)).toEqual([ids["红高"], ids["红低"], ids["近结红"], ids["黄"], ids["上傅家黄"]]);

    const top = items[0];
    expect(top).toMatchObject({ code: expect.any(String), title: "红高纠纷", riskLevel: "red", riskScore: 73, status: "open", communityName: "团圈社区", leadUnitName: expect.any(String), openWarnings: 1 });
    expect(top.gridName).toMatch(/网格/);
    // The hard factor first, then by points.
    expect(top.topFactors.map((f: RiskFactor) => f.factor)).toEqual(["threat", "repeat", "police"]);
    expect(items[1].openWarnings).toBe(0);
  });

  it("filters by colour and by community or grid", async () => {
    expect((await ok(centre, "/api/risk/cases?level=yellow")).items.map((r: { id: number }) => r.id)).toEqual([ids["黄"], ids["上傅家黄"]]);
    expect((await ok(centre, `/api/risk/cases?regionCode=${AWAY}`)).items.map((r: { id: number }) => r.id)).toEqual([ids["上傅家黄"]]);
    expect((await ok(centre, `/api/risk/cases?regionCode=${HOME}-G01`)).items.map((r: { id: number }) => r.id)).toEqual([ids["红低"], ids["黄"]]);
    expect((await ok(centre, "/api/risk/cases?regionCode=nowhere")).items).toEqual([]);
  });

  it("never lists a case outside the viewer's scope, whatever place is asked for", async () => {
    expect((await ok(away, "/api/risk/cases")).items.map((r: { id: number }) => r.id)).toEqual([ids["上傅家黄"]]);
    expect((await ok(away, `/api/risk/cases?regionCode=${HOME}`)).items).toEqual([]);
    expect((await ok(away, `/api/risk/people?regionCode=${HOME}`)).items).toEqual([]);
    const summary = await ok(away, "/api/risk/summary");
    expect(summary.items).toEqual([{ code: AWAY, name: "上傅家社区", red: 0, yellow: 1, green: 0, unscored: 0 }]);
  });

  it("is refused to a role without risk.read", async () => {
    const admin = await login(h.app, (await createAccount(h.t, "admin", STREET)).username);
    expect((await get(admin, "/api/risk/cases")).statusCode).toBe(403);
  });
});

describe("the 民转刑 people list", () => {
  it("ranks natural persons by their cases in the last year, then the highest colour; numbers stay masked", async () => {
    const { items } = await ok(centre, "/api/risk/people");
    const rows = items.map((r: { person: { name: string }; caseCount: number; topLevel: string | null }) => [r.person.name, r.caseCount, r.topLevel]);
    // Both have three cases and a red one: 张秀英's cases carry more points (90 against 48).
    expect(rows).toEqual([
      ["张秀英", 3, "red"],
      ["李国强", 3, "red"],
      ["王建军", 2, "yellow"],
    ]);
    const zhang = items[0];
    expect(zhang.person).toMatchObject({ id: ids.zhang, kind: "person", idNumber: "330282********0023", phone: "138****1234" });
    expect(zhang).toMatchObject({ redCount: 2, yellowCount: 1, topScore: 90 });
    expect(zhang.cases.map((c: { id: number }) => c.id)).toEqual([ids["红高"], ids["红低"], ids["黄"]]);
    // The company on 红高 is not a person; 王建军's case from over a year ago is not counted.
    expect(items.some((r: { person: { id: number } }) => r.person.id === ids.firm)).toBe(false);
    expect(JSON.stringify(items)).not.toContain("13805741234");
    expect(JSON.stringify(items)).not.toContain("330282196505120023");
  });

  it("counts only the cases the viewer may see, and audits the read", async () => {
    // 上傅家's centre sees 李国强 through the one case in its community, not his two in 团圈社区; nobody else.
    const { items } = await ok(away, "/api/risk/people");
    expect(items.map((r: { person: { id: number }; caseCount: number; topLevel: string }) => [r.person.id, r.caseCount, r.topLevel])).toEqual([[ids.li, 1, "yellow"]]);
    expect(items[0].cases.map((c: { id: number }) => c.id)).toEqual([ids["上傅家黄"]]);
    const { rows } = await h.t.db.$client.query(`SELECT new_values FROM audit_events WHERE action = 'person.list' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].new_values).toMatchObject({ riskList: true, ids: [ids.li] });
  });
});

describe("risk on the case views", () => {
  it("carries colour, points and factors on the list and the case, and filters the list by colour", async () => {
    const list = await ok(centre, "/api/cases?risk=red");
    expect(list.items.map((c: { id: number }) => c.id).sort()).toEqual([ids["红低"], ids["红高"], ids["近结红"], ids["久结红"]].sort());
    expect(list.items.every((c: { riskLevel: string }) => c.riskLevel === "red")).toBe(true);
    expect((await ok(centre, "/api/cases?risk=green")).items.map((c: { id: number }) => c.id)).toEqual([ids["绿"]]);
    expect((await ok(away, "/api/cases?risk=red")).items).toEqual([]);

    const detail = await ok(centre, `/api/cases/${ids["红高"]}`);
    expect(detail).toMatchObject({ riskLevel: "red", riskScore: 73, riskFactors: [repeat, threat, police], riskScoredAt: expect.any(String) });
    const unscored = await ok(centre, `/api/cases/${ids["未评"]}`);
    expect(unscored).toMatchObject({ riskLevel: null, riskScore: null, riskFactors: [], riskScoredAt: null });
  });
});

describe("cases per colour", () => {
  it("counts open and recently closed cases per community, and per grid inside one", async () => {
    const { items } = await ok(centre, "/api/risk/summary");
    expect(items).toEqual([
      { code: HOME, name: "团圈社区", red: 3, yellow: 1, green: 1, unscored: 1 },
      { code: AWAY, name: "上傅家社区", red: 0, yellow: 1, green: 0, unscored: 0 },
    ]);
    const grids = await ok(centre, `/api/risk/summary?regionCode=${HOME}&by=grid`);
    expect(grids.items.map((r: { code: string | null; red: number }) => [r.code, r.red])).toEqual([
      [`${HOME}-G01`, 1],
      [`${HOME}-G02`, 1],
      [`${HOME}-G03`, 1],
      [null, 0],
    ]);
  });
});
