// Each key-index formula against hand-made facts: the expected figure is worked out by hand in the test.
// Every test puts its cases in a community of its own and reads that community's row, for the period
// 2025-01-01 … 2025-06-30 against 2024-01-01 … 2024-06-30.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionId, createTestApp, type TestApp } from "../test/app.js";
import type { Actor } from "../server/context.js";
import { keyIndexTable } from "./compute.js";
import { figureValue, yearOnYear } from "./formulas.js";
import { bj, event, kase, record110, resolvedTask, transfer, visit, warning } from "./test-support.js";

let h: TestApp;
const system: Actor = { kind: "system", label: "test" };
const period = { from: "2025-01-01", to: "2025-07-01" };

beforeAll(async () => {
  h = await createTestApp();
});
afterAll(() => h.close());

/** The figures of one community's row. */
async function row(community: string) {
  const table = await keyIndexTable(h.t.db, system, { group: "community", period });
  const id = await regionId(h.t, community);
  const r = table.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row for ${community}`);
  return r.figures;
}

describe("figureValue and yearOnYear", () => {
  it("turns sums into a count, a rate in per cent or an average, and compares with last year", () => {
    expect(figureValue({ kind: "rate", digits: 1 }, 2, 3)).toBe(66.7);
    expect(figureValue({ kind: "rate", digits: 1 }, 0, 0)).toBeNull();
    expect(figureValue({ kind: "average", digits: 2 }, 17, 4)).toBe(4.25);
    expect(figureValue({ kind: "count", digits: 0 }, 5, 5)).toBe(5);
    expect(yearOnYear(3, 2, 0)).toEqual({ change: 1, changePct: 50 });
    expect(yearOnYear(3, 0, 0)).toEqual({ change: 3, changePct: null });
    expect(yearOnYear(3, null, 0)).toEqual({ change: null, changePct: null });
  });
});

describe("key index formulas", () => {
  it("受理案件数: cases first reported in the period, merged cases left out, against last year", async () => {
    const C = "330282006001";
    await kase(h.t, { region: `${C}-G01`, reported: "2025-01-01 00:00" }); // first instant of the period
    await kase(h.t, { region: `${C}-G02`, reported: "2025-03-15 09:00" });
    await kase(h.t, { region: C, reported: "2025-06-30 23:59" }); // at community level: in the community, in no grid
    await kase(h.t, { region: `${C}-G01`, reported: "2025-07-01 00:00" }); // the period's end is exclusive
    const target = await kase(h.t, { region: `${C}-G01`, reported: "2025-02-01" });
    await kase(h.t, { region: `${C}-G01`, reported: "2025-02-02", mergedInto: target }); // merged away
    await kase(h.t, { region: `${C}-G01`, reported: "2024-02-01" });
    await kase(h.t, { region: `${C}-G03`, reported: "2024-06-30 12:00" });
    await kase(h.t, { region: `${C}-G03`, reported: "2024-08-01" }); // after last year's period

    // This year: 4 (01-01, 03-15, 06-30, 02-01). Last year: 2. Change +2, +100%.
    const f = await row(C);
    expect(f.received).toMatchObject({ value: 4, lastValue: 2, change: 2, changePct: 100 });

    // The community's grids: G01 has 01-01 and 02-01 (and 2024-02-01 last year), G02 has 03-15; the total is the community's.
    const grids = await keyIndexTable(h.t.db, system, { group: "grid", period, communityId: await regionId(h.t, C) });
    const grid = async (code: string) => {
      const id = await regionId(h.t, `${C}-${code}`);
      return grids.rows.find((r) => r.id === id)!.figures.received;
    };
    expect(await grid("G01")).toMatchObject({ value: 2, lastValue: 1 });
    expect(await grid("G02")).toMatchObject({ value: 1, lastValue: 0 });
    expect(await grid("G03")).toMatchObject({ value: 0, lastValue: 1, change: -1, changePct: -100 });
    expect(grids.total.figures.received).toMatchObject({ value: 4, lastValue: 2 });
  });

  it("化解率: received cases resolved or closed before the period's end", async () => {
    const C = "330282006002";
    await kase(h.t, { region: C, reported: "2025-02-01", closed: "2025-05-01" }); // closed in time
    const b = await kase(h.t, { region: C, reported: "2025-03-01", status: "resolved" });
    await event(h.t, b, "resolved", "2025-06-10"); // resolved in time
    await kase(h.t, { region: C, reported: "2025-04-01", closed: "2025-07-05" }); // closed after the period: not yet resolved then
    await kase(h.t, { region: C, reported: "2024-02-01", closed: "2024-03-01" });
    await kase(h.t, { region: C, reported: "2024-04-01", closed: "2024-06-01" });

    // 2 of 3 = 66.7 %; last year 2 of 2 = 100 %; change −33.3 points, −33.3 %.
    const f = await row(C);
    expect(f.resolution_rate).toMatchObject({ value: 66.7, num: 2, den: 3, lastValue: 100, change: -33.3, changePct: -33.3 });
  });

  it("按期办结率: lead tasks resolved in the period within their handling deadline", async () => {
    const C = "330282006003";
    const c = await kase(h.t, { region: C, reported: "2025-01-05" });
    await resolvedTask(h.t, c, "2025-02-01 10:00", { due: "2025-02-01 12:00" }); // on time
    await resolvedTask(h.t, c, "2025-03-01 10:00", { due: "2025-02-28 17:00" }); // late
    const t3 = await resolvedTask(h.t, c, "2025-04-01"); // no deadline: the resolved event says late
    await event(h.t, c, "resolved", "2025-04-01", { onTime: false }, t3);
    await resolvedTask(h.t, c, "2025-05-01"); // no deadline, no event: on time
    await resolvedTask(h.t, c, "2025-05-02", { role: "co", due: "2025-01-01" }); // a co task: not counted
    await resolvedTask(h.t, c, "2025-07-02", { due: "2025-01-01" }); // after the period

    // 2 of 4 = 50 %; last year no task: null, no change.
    const f = await row(C);
    expect(f.on_time_rate).toMatchObject({ value: 50, num: 2, den: 4, lastValue: null, change: null, changePct: null });
  });

  it("复发率: cases closed in the period that recurred or reopened within 90 days", async () => {
    const C = "330282006004";
    const a = await kase(h.t, { region: C, reported: "2025-01-10", closed: "2025-02-01" });
    await kase(h.t, { region: C, reported: "2025-03-01", recurrenceOf: a }); // 28 days later: recurred
    const b = await kase(h.t, { region: C, reported: "2025-01-10", closed: "2025-03-01" });
    await event(h.t, b, "reopened", "2025-06-15"); // 106 days later: too late to count
    const c = await kase(h.t, { region: C, reported: "2025-01-10", status: "in_progress" }); // closed, then reopened
    await event(h.t, c, "closed", "2025-04-01");
    await event(h.t, c, "reopened", "2025-04-20");
    await kase(h.t, { region: C, reported: "2025-01-10", closed: "2025-05-01" }); // no recurrence
    const e = await kase(h.t, { region: C, reported: "2024-01-10", closed: "2024-03-01" });
    await kase(h.t, { region: C, reported: "2024-04-01", recurrenceOf: e });

    // 2 of 4 = 50 %; last year 1 of 1 = 100 %; change −50 points, −50 %.
    const f = await row(C);
    expect(f.recurrence_rate).toMatchObject({ value: 50, num: 2, den: 4, lastValue: 100, change: -50, changePct: -50 });
  });

  it("重复警情率: 110 records whose case had another 110 record in the 30 days before", async () => {
    const C = "330282006005";
    const x = await kase(h.t, { region: C, reported: "2025-02-01" });
    await record110(h.t, x, "2025-02-01");
    await record110(h.t, x, "2025-02-20"); // 19 days after: repeat
    await record110(h.t, x, "2025-04-01"); // 40 days after the last: not a repeat
    const y = await kase(h.t, { region: C, reported: "2025-02-25" });
    await record110(h.t, y, "2025-02-25", { channel: "12345" }); // not a 110 record
    await record110(h.t, y, "2025-02-28", { current: false }); // a superseded version
    await record110(h.t, y, "2025-03-01"); // not a repeat
    const z = await kase(h.t, { region: C, reported: "2024-12-20" });
    await record110(h.t, z, "2024-12-20"); // before the period, but an earlier call
    await record110(h.t, z, "2025-01-10"); // 21 days after: repeat

    // 110 records in the period: x ×3, y ×1, z ×1 = 5; repeats 2 → 40 %. Last year none: null.
    const f = await row(C);
    expect(f.repeat_call_rate).toMatchObject({ value: 40, num: 2, den: 5, lastValue: null, change: null });
  });

  it("满意率 and 满意度均分: follow-up visits and satisfaction events in the period", async () => {
    const C = "330282006006";
    const c = await kase(h.t, { region: C, reported: "2024-01-05", closed: "2024-02-01" });
    await visit(h.t, c, "2025-02-01", 5); // satisfied
    await visit(h.t, c, "2025-03-01", 3); // not satisfied
    await visit(h.t, c, "2025-04-01", 4); // satisfied
    await visit(h.t, c, null, null); // not done
    await event(h.t, c, "satisfaction_recorded", "2025-05-01", { satisfied: true, score: 5 });
    await event(h.t, c, "satisfaction_recorded", "2025-05-02", { satisfied: false }); // no score
    await event(h.t, c, "satisfaction_recorded", "2025-05-03", { satisfied: true, score: 5, visitId: 1 }); // a visit's echo: skipped
    await visit(h.t, c, "2024-03-01", 2); // last year

    // Rate: 5 answers (5, 3, 4, yes, no), 3 satisfied = 60 %; last year 0 of 1 = 0 % → +60 points, % change null.
    // Score: (5 + 3 + 4 + 5) / 4 = 4.25; last year 2 → +2.25, +112.5 %.
    const f = await row(C);
    expect(f.satisfaction_rate).toMatchObject({ value: 60, num: 3, den: 5, lastValue: 0, change: 60, changePct: null });
    expect(f.satisfaction_score).toMatchObject({ value: 4.25, num: 17, den: 4, lastValue: 2, change: 2.25, changePct: 112.5 });
  });

  it("红色案件: red cases open at the period's end, and red cases received in the period", async () => {
    const C = "330282006007";
    await kase(h.t, { region: C, reported: "2025-02-01", risk: "red" }); // received, open
    await kase(h.t, { region: C, reported: "2025-03-01", risk: "red", closed: "2025-05-01" }); // received, closed
    await kase(h.t, { region: C, reported: "2025-03-01", risk: "yellow" }); // not red
    await kase(h.t, { region: C, reported: "2024-11-01", risk: "red" }); // earlier, still open
    await kase(h.t, { region: C, reported: "2024-10-01", risk: "red", closed: "2025-08-01" }); // open at the period's end
    await kase(h.t, { region: C, reported: "2024-02-01", risk: "red", closed: "2024-03-01" }); // last year, closed then

    // Open red at 2025-07-01: the 02-01 case, the 2024-11 case and the 2024-10 case = 3; at 2024-07-01: none.
    // Red received: 2 this year, 1 last year → +1, +100 %.
    const f = await row(C);
    expect(f.red_open).toMatchObject({ value: 3, lastValue: 0, change: 3, changePct: null });
    expect(f.red_received).toMatchObject({ value: 2, lastValue: 1, change: 1, changePct: 100 });
  });

  it("未销号预警: warnings raised before the period's end and not closed by then", async () => {
    const C = "330282006008";
    const cs = await Promise.all([1, 2, 3, 4, 5].map(() => kase(h.t, { region: C, reported: "2024-01-05", risk: "red" })));
    await warning(h.t, cs[0], "2025-03-01"); // open
    await warning(h.t, cs[1], "2025-02-01", "2025-06-01"); // closed in time
    await warning(h.t, cs[2], "2025-06-20", "2025-07-10"); // closed after the period: open at its end
    await warning(h.t, cs[3], "2025-07-02"); // raised after the period
    await warning(h.t, cs[4], "2024-05-01", "2024-09-01"); // open at last year's end only

    // 2 this year, 1 last year → +1, +100 %.
    const f = await row(C);
    expect(f.warnings_open).toMatchObject({ value: 2, lastValue: 1, change: 1, changePct: 100 });
  });

  it("平均办理天数: received to closed, for cases closed in the period", async () => {
    const C = "330282006009";
    await kase(h.t, { region: C, reported: "2025-01-01", closed: "2025-01-11" }); // 10 days
    await kase(h.t, { region: C, reported: "2025-02-01", closed: "2025-02-21" }); // 20 days
    await kase(h.t, { region: C, reported: "2024-03-01", closed: "2024-03-06" }); // last year: 5 days

    // (10 + 20) / 2 = 15 days; last year 5 → +10, +200 %.
    const f = await row(C);
    expect(f.avg_handling_days).toMatchObject({ value: 15, lastValue: 5, change: 10, changePct: 200 });
  });

  it("非警务警情移交: police transfers in the period", async () => {
    const C = "330282006010";
    const a = await kase(h.t, { region: C, reported: "2025-02-01" });
    const b = await kase(h.t, { region: C, reported: "2025-03-01" });
    await transfer(h.t, a, await record110(h.t, a, "2025-02-01"), "2025-02-01 00:05");
    await transfer(h.t, a, await record110(h.t, a, "2025-02-10"), "2025-02-10 00:05");
    await transfer(h.t, b, await record110(h.t, b, "2025-03-01"), "2025-03-01 00:05");
    await transfer(h.t, b, await record110(h.t, b, "2024-03-01"), "2024-03-01 00:05");

    // 3 this year, 1 last year → +2, +200 %.
    const f = await row(C);
    expect(f.transfers).toMatchObject({ value: 3, lastValue: 1, change: 2, changePct: 200 });
    expect(bj("2025-02-01").toISOString()).toBe("2025-01-31T16:00:00.000Z");
  });
});
