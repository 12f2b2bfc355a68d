import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../server/context.js";
import { actAs, accountActor, createLedgerTestApp } from "../supervision/test-support.js";
import type { CaseEventKind } from "../tasks/event-kinds.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { createAccount, createCase, login, regionId, unitId, type Session, type TestApp } from "../test/app.js";
import { ENTRY_SHEET, TOTALS_SHEET } from "./export.js";
import { ledgerTotals } from "./ledger.js";
import { periodRange } from "./period.js";

const STREET = "330282006";
const HOME = "330282006004";
const AWAY = "330282006001";

let h: TestApp;
const u: Record<"labour" | "judicial" | "away" | "home", number> = { labour: 0, judicial: 0, away: 0, home: 0 };
const actors: Record<string, Actor> = {};
const accountIds: Record<string, number> = {};
let centre: Session;
let judicialHandler: Session;
let homeHandler: Session;
const cs: Record<"away" | "home" | "street", number> = { away: 0, home: 0, street: 0 };
const system: Actor = { kind: "system", label: "test" };

const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
const get = (s: Session, url: string) => h.app.inject({ method: "GET", url, headers: s.headers });
const at = (beijing: string) => new Date(`${beijing}+08:00`);

async function event(when: string, actor: Actor, e: { caseId: number; kind: CaseEventKind; unitId: number; detail?: Record<string, unknown> }) {
  return actAs(h, actor, at(when), (ctx) => appendCaseEvent(ctx, e));
}

beforeAll(async () => {
  h = await createLedgerTestApp();
  u.labour = await unitId(h.t, "GT-LDBZ");
  u.judicial = await unitId(h.t, "GT-SFS");
  u.away = await unitId(h.t, `CC-${AWAY}`);
  u.home = await unitId(h.t, `CC-${HOME}`);
  for (const [key, region, unit] of [["labour", STREET, "GT-LDBZ"], ["away", AWAY, `CC-${AWAY}`]] as const) {
    const a = await createAccount(h.t, "unit_handler", region, unit);
    accountIds[key] = a.id;
    actors[key] = await accountActor(h, a);
  }
  centre = await login(h.app, (await createAccount(h.t, "street_centre", STREET, "GT-SZZX")).username);
  judicialHandler = await login(h.app, (await createAccount(h.t, "unit_handler", STREET, "GT-SFS")).username);
  homeHandler = await login(h.app, (await createAccount(h.t, "unit_handler", HOME, `CC-${HOME}`)).username);
  cs.away = (await createCase(h.t, { region: `${AWAY}-G01`, unit: "GT-LDBZ", title: "上傅家欠薪" })).id;
  cs.home = (await createCase(h.t, { region: `${HOME}-G01`, unit: `CC-${HOME}`, title: "团圈邻里纠纷" })).id;
  cs.street = (await createCase(h.t, { region: STREET, unit: "GT-SFS", title: "街道层面纠纷" })).id;

  // February 2024 (Beijing time)
  await event("2024-02-10T10:00:00", actors.labour, { caseId: cs.away, kind: "resolved", unitId: u.labour, detail: { onTime: true } }); // labour +3, person +1
  await event("2024-02-12T10:00:00", system, { caseId: cs.away, kind: "verified", unitId: u.labour, detail: { firstTime: true } }); // labour +2
  await event("2024-02-20T10:00:00", system, { caseId: cs.home, kind: "deadline_overdue", unitId: u.home, detail: { stage: "handle" } }); // home −3
  await event("2024-02-21T10:00:00", system, { caseId: cs.home, kind: "supervision_issued", unitId: u.home, detail: { orderId: 1 } }); // home −2
  await event("2024-02-22T10:00:00", system, { caseId: cs.home, kind: "started", unitId: u.home }); // no rule
  // 1 March 07:00 Beijing is still 29 February in UTC: it belongs to March.
  await event("2024-03-01T07:00:00", system, { caseId: cs.home, kind: "accepted", unitId: u.home, detail: { onTime: true } }); // home +1
  await event("2024-03-05T10:00:00", system, { caseId: cs.street, kind: "resolved", unitId: u.judicial, detail: { onTime: false } }); // judicial −2
  await event("2024-03-06T10:00:00", actors.away, { caseId: cs.away, kind: "claimed", unitId: u.away, detail: { onTime: true } }); // away +2, person +1
  await event("2024-03-07T10:00:00", system, { caseId: cs.home, kind: "satisfaction_recorded", unitId: u.labour, detail: { satisfied: true } }); // labour +2
  // another year
  await event("2025-01-03T10:00:00", system, { caseId: cs.away, kind: "deadline_overdue", unitId: u.labour, detail: { stage: "handle" } }); // labour −3 in 2025
});
afterAll(() => h?.close());

const year2024 = periodRange(2024);
const pick = (rows: { period: string; id: number; points: number; rank: number }[]) => rows.map(({ period, id, points, rank }) => ({ period, id, points, rank }));

describe("ledger totals", () => {
  it("match the events that made them, per unit and month, with the ranking", async () => {
    const totals = await ledgerTotals(h.t.db, { period: "month", by: "unit", ...year2024 });
    expect(pick(totals).sort(byRank)).toEqual(
      [
        { period: "2024-02", id: u.labour, points: 5, rank: 1 },
        { period: "2024-02", id: u.home, points: -5, rank: 2 },
        { period: "2024-03", id: u.away, points: 2, rank: 1 },
        { period: "2024-03", id: u.labour, points: 2, rank: 1 }, // equal points share a rank
        { period: "2024-03", id: u.home, points: 1, rank: 3 },
        { period: "2024-03", id: u.judicial, points: -2, rank: 4 },
      ].sort(byRank),
    );
    // … and each total is the sum of the period's entries.
    const sums = await query(
      `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS period, unit_id AS id, sum(points)::float8 AS points
       FROM assessment_entries WHERE unit_id IS NOT NULL AND occurred_at >= $1 AND occurred_at < $2 GROUP BY 1, 2`,
      [year2024.from, year2024.to],
    );
    expect(totals.map(({ period, id, points }) => ({ period, id, points })).sort(byKey)).toEqual(sums.sort(byKey));
  });

  it("per year, per community (by where the case lies) and per person", async () => {
    expect(pick(await ledgerTotals(h.t.db, { period: "year", by: "unit", ...year2024 }))).toEqual([
      { period: "2024", id: u.labour, points: 7, rank: 1 },
      { period: "2024", id: u.away, points: 2, rank: 2 },
      { period: "2024", id: u.judicial, points: -2, rank: 3 },
      { period: "2024", id: u.home, points: -4, rank: 4 },
    ]);
    const away = await regionId(h.t, AWAY);
    const home = await regionId(h.t, HOME);
    // The street-level case counts for no community; labour's satisfied citizen on 团圈's case counts for 团圈.
    expect(pick(await ledgerTotals(h.t.db, { period: "month", by: "community", ...year2024 }))).toEqual([
      { period: "2024-02", id: away, points: 5, rank: 1 },
      { period: "2024-02", id: home, points: -5, rank: 2 },
      { period: "2024-03", id: home, points: 3, rank: 1 },
      { period: "2024-03", id: away, points: 2, rank: 2 },
    ]);
    expect(pick(await ledgerTotals(h.t.db, { period: "year", by: "account", ...year2024 })).sort(byKey)).toEqual(
      [
        { period: "2024", id: accountIds.labour, points: 1, rank: 1 },
        { period: "2024", id: accountIds.away, points: 1, rank: 1 },
      ].sort(byKey),
    );
    expect(pick(await ledgerTotals(h.t.db, { period: "year", by: "unit", ...periodRange(2025) }))).toEqual([{ period: "2025", id: u.labour, points: -3, rank: 1 }]);
  });
});

describe("assessment routes", () => {
  it("serve the rules table", async () => {
    const res = await get(homeHandler, "/api/assessment/rules");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(expect.objectContaining({ code: "resolved_on_time", name: "按时办结", points: 3, eventKind: "resolved", eventName: "办结", subjectName: "承办单位" }));
  });

  it("rank every unit for everyone, but show a unit only its own entries", async () => {
    const asUnit = await get(homeHandler, "/api/assessment/totals?period=month&by=unit&year=2024&month=3");
    expect(asUnit.statusCode, asUnit.body).toBe(200);
    expect(asUnit.json().items.map((t: { id: number }) => t.id)).toEqual(expect.arrayContaining([u.away, u.labour, u.home, u.judicial]));
    expect(asUnit.json().items.every((t: { period: string }) => t.period === "2024-03")).toBe(true);
    expect((await get(centre, "/api/assessment/totals?period=month&by=unit&year=2024&month=3")).json().items).toEqual(asUnit.json().items);

    const own = (await get(homeHandler, "/api/assessment/entries?limit=500")).json().items;
    expect(own.map((e: { ruleCode: string }) => e.ruleCode).sort()).toEqual(["accepted_on_time", "overdue", "supervision_received"]);
    expect(own.every((e: { unitId: number }) => e.unitId === u.home)).toBe(true);
    expect(own[0]).toMatchObject({ caseId: cs.home, eventKind: "accepted", eventName: "签收", eventAt: at("2024-03-01T07:00:00").toISOString() });
    expect((await get(homeHandler, `/api/assessment/entries?unitId=${u.labour}`)).json().items).toEqual([]);

    const all = (await get(centre, `/api/assessment/entries?limit=500&from=${encodeURIComponent(year2024.from.toISOString())}&to=${encodeURIComponent(year2024.to.toISOString())}`)).json().items;
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM assessment_entries WHERE occurred_at >= $1 AND occurred_at < $2`, [year2024.from, year2024.to]);
    expect(all.length).toBe(n);
    // A person ranking shows a unit account its own unit's people only.
    const people = (await get(judicialHandler, "/api/assessment/totals?period=year&by=account&year=2024")).json().items;
    expect(people).toEqual([]);
  });

  it("export the ledger to Excel: one row per entry, totals per unit per month", async () => {
    const res = await get(centre, "/api/assessment/export.xlsx?year=2024");
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM assessment_entries WHERE occurred_at >= $1 AND occurred_at < $2`, [year2024.from, year2024.to]);
    expect(wb.getWorksheet(ENTRY_SHEET)!.actualRowCount).toBe(n + 1);
    expect(wb.getWorksheet(ENTRY_SHEET)!.getRow(1).getCell(4).value).toBe("规则");
    const totals = wb.getWorksheet(TOTALS_SHEET)!;
    expect(totals.actualRowCount).toBe(6 + 1);
    expect(totals.getRow(2).values).toEqual([undefined, "2024-02", 1, "古塘劳动保障所", 5, 2]);
  });

  it("export has no row limit (thousands of entries, streamed in batches)", async () => {
    const rows = 4500;
    await query(
      `INSERT INTO assessment_entries (rule_code, unit_id, points, case_id, source_kind, source_id, occurred_at)
       SELECT 'overdue', $1, -3, $2, 'bulk', g, timestamptz '2023-06-01 10:00+08' FROM generate_series(1, $3) g`,
      [u.labour, cs.away, rows],
    );
    const res = await get(centre, "/api/assessment/export.xlsx?year=2023");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet(ENTRY_SHEET)!.actualRowCount).toBe(rows + 1);
    expect(wb.getWorksheet(TOTALS_SHEET)!.getRow(2).values).toEqual([undefined, "2023-06", 1, "古塘劳动保障所", -3 * rows, rows]);
  });
});

function byKey(a: { period: string; id: number }, b: { period: string; id: number }) {
  return a.period.localeCompare(b.period) || a.id - b.id;
}

function byRank(a: { period: string; rank: number; id: number }, b: { period: string; rank: number; id: number }) {
  return a.period.localeCompare(b.period) || a.rank - b.rank || a.id - b.id;
}
