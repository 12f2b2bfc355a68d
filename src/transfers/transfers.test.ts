// The police station's view of its non-police transfers: what happened to each, how long routing and acceptance took,
// and the figures over the list — for the cases in the account's jurisdiction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bj, event, record110, transfer } from "../key-index/test-support.js";
import { openLeadTask } from "../tasks/open-lead-task.js";
import { AWAY, HOME, asSystem, handlingCase, staff, type Staff } from "../tasks/test-support/handling-fixture.js";
import { acceptTask, resolveTask, startTask } from "../tasks/work-task.js";
import { closeTask, verifyTask } from "../tasks/verify-task.js";
import { createTestApp, regionId, unitId, type TestApp } from "../test/app.js";
import type { TransferList } from "./views.js";

let h: TestApp;
let police: Staff;
let awayPolice: Staff;
let handler: Staff;
const T0 = "2025-03-01 10:00";
const at = (hoursAfter: number) => new Date(bj(T0).getTime() + hoursAfter * 3600_000);
const ids: Record<string, number> = {};

/** A transferred case: routed `routed` hours after the transfer, its lead task accepted `accepted` hours after. */
async function transferred(region: string, opts: { routed?: number; accepted?: number; close?: boolean; externalId: string }) {
  const c = await handlingCase(h, { region, title: "邻里噪音纠纷" });
  const recordId = await record110(h.t, c.id, "2025-03-01 09:30", { externalId: opts.externalId, words: ["纠纷", "邻里纠纷"] });
  await transfer(h.t, c.id, recordId, T0, { reported: "2025-03-01 09:30" });
  if (opts.routed !== undefined) {
    await event(h.t, c.id, "routed", at(opts.routed));
    const unit = await unitId(h.t, "GT-SFS");
    const { taskId } = await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: c.id, unitId: unit, level: "street", via: "route" }), at(opts.routed));
    if (opts.accepted !== undefined) await asSystem(h, (ctx) => acceptTask(ctx, taskId), at(opts.accepted));
    if (opts.close) {
      await asSystem(h, (ctx) => startTask(ctx, taskId), at(opts.accepted! + 1));
      await asSystem(h, (ctx) => resolveTask(ctx, taskId, { resolution: "双方达成和解" }), at(opts.accepted! + 2));
      await asSystem(h, (ctx) => verifyTask(ctx, taskId, { approve: true }), at(opts.accepted! + 3));
      await asSystem(h, (ctx) => closeTask(ctx, taskId), at(opts.accepted! + 4));
    }
  }
  return c.id;
}

beforeAll(async () => {
  h = await createTestApp();
  police = await staff(h, "police", "330282006", "GT-PCS");
  awayPolice = await staff(h, "police", AWAY);
  handler = await staff(h, "unit_handler", "330282006", "GT-SFS");
  ids.a = await transferred(`${HOME}-G01`, { routed: 2, accepted: 5, close: true, externalId: "J2025030100001" });
  ids.b = await transferred(`${HOME}-G02`, { routed: 1, accepted: 25, externalId: "J2025030100002" });
  ids.c = await transferred(`${HOME}-G02`, { routed: 3, externalId: "J2025030100003" });
  ids.d = await transferred(`${AWAY}-G01`, { routed: 4, accepted: 10, externalId: "J2025030100004" });
});
afterAll(() => h.close());

const get = async (who: Staff, url: string) => {
  const res = await h.app.inject({ method: "GET", url, headers: who.session.headers });
  return { status: res.statusCode, body: res.json() as TransferList };
};

describe("GET /api/transfers", () => {
  it("shows the police what happened to each transfer, with the times measured", async () => {
    const { status, body } = await get(police, "/api/transfers");
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    const a = body.items.find((i) => i.caseId === ids.a)!;
    expect(a).toMatchObject({
      externalId: "J2025030100001",
      policeCategory: "纠纷、邻里纠纷",
      policeUnitName: "古塘派出所",
      officerName: "张警官",
      caseStatus: "closed",
      leadUnitName: "古塘司法所",
      resolution: "双方达成和解",
      transferredAt: bj(T0).toISOString(),
      routedAt: at(2).toISOString(),
      acceptedAt: at(5).toISOString(),
      closedAt: at(9).toISOString(),
      hoursToRoute: 2,
      hoursToAccept: 5,
    });
    const c = body.items.find((i) => i.caseId === ids.c)!;
    expect(c).toMatchObject({ acceptedAt: null, hoursToAccept: null, hoursToRoute: 3, caseStatus: "open" });
  });

  it("sums up the list: accepted share, median and p90 hours to acceptance, closed share", async () => {
    // Accepted after 5, 25 and 10 hours (one not yet): 3 of 4 = 75 %; median 10; p90 = 10 + 0.8 × (25 − 10) = 22;
    // routed after 2, 1, 3, 4 hours: median 2.5; closed 1 of 4 = 25 %.
    const { body } = await get(police, "/api/transfers");
    expect(body.summary).toEqual({
      count: 4, accepted: 3, acceptedShare: 75, medianHoursToAccept: 10, p90HoursToAccept: 22, medianHoursToRoute: 2.5, closed: 1, closedShare: 25,
    });
  });

  it("filters by community, case status and period", async () => {
    // 团圈社区: accepted after 5 and 25 hours of 3 → 66.7 %, median 15, p90 = 5 + 0.9 × 20 = 23.
    const home = await get(police, `/api/transfers?community=${await regionId(h.t, HOME)}`);
    expect(home.body.items.map((i) => i.caseId).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    expect(home.body.summary).toMatchObject({ count: 3, accepted: 2, acceptedShare: 66.7, medianHoursToAccept: 15, p90HoursToAccept: 23 });
    const closed = await get(police, "/api/transfers?status=closed");
    expect(closed.body.items.map((i) => i.caseId)).toEqual([ids.a]);
    expect((await get(police, "/api/transfers?from=2025-03-02")).body.total).toBe(0);
    expect((await get(police, "/api/transfers?from=2025-03-01&to=2025-03-02")).body.total).toBe(4);
  });

  it("gives an account of another community only the transfers placed there", async () => {
    const { body } = await get(awayPolice, "/api/transfers");
    expect(body.items.map((i) => i.caseId)).toEqual([ids.d]);
    expect(body.summary).toMatchObject({ count: 1, accepted: 1, medianHoursToAccept: 10 });
  });

  it("is not for a unit handler", async () => {
    expect((await get(handler, "/api/transfers")).status).toBe(403);
  });

  it("counts a call that joined a case already in hand as routed and accepted at once", async () => {
    const other = "330282006005";
    // Routed and accepted before the call: a later call about a dispute the hub was already handling.
    const id = await transferred(`${other}-G01`, { routed: -3, accepted: -1, externalId: "J2025030100009" });
    const { body } = await get(police, `/api/transfers?community=${await regionId(h.t, other)}`);
    expect(body.items.map((i) => i.caseId)).toEqual([id]);
    expect(body.items[0]).toMatchObject({ hoursToRoute: 0, hoursToAccept: 0 });
  });
});
