import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/schema.js";
import { caseEvents } from "../../tasks/schema.js";
import type { TestApp } from "../../test/app.js";
import { mediationStageChanges } from "../schema.js";
import { AWAY, createMediationTestApp, HOME, mediationCase, staff, type Staff } from "./mediation-fixture.js";

describe("moveStage", () => {
  let h: TestApp;
  let centre: Staff, community: Staff, away: Staff, grid: Staff;
  const post = (s: Staff, url: string, payload: unknown = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload: payload as object });
  const get = (s: Staff, url: string) => h.app.inject({ method: "GET", url, headers: s.session.headers });

  beforeAll(async () => {
    h = await createMediationTestApp();
    centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
    community = await staff(h, "unit_handler", HOME, `CC-${HOME}`);
    away = await staff(h, "unit_handler", AWAY, `CC-${AWAY}`);
    grid = await staff(h, "grid_worker", HOME);
  });
  afterAll(() => h.close());

  it("records each move with its reason, forward freely, back only with a reason", async () => {
    const { case: c } = await mediationCase(h);
    const url = `/api/cases/${c.id}/mediation-stage`;
    expect((await get(community, url)).json()).toMatchObject({ stage: null, changes: [], can: { move: true } });

    const first = await post(community, url, { to: "consultation", reason: "当事人来电咨询" });
    expect(first.statusCode).toBe(200);
    const second = await post(community, url, { to: "mediation" }); // skipping evaluation, no reason written
    expect(second.json().stage).toBe("mediation");
    expect(second.json().changes.map((ch: { reason: string }) => ch.reason)).toEqual(["当事人来电咨询", "进入调解阶段"]);

    const same = await post(community, url, { to: "mediation", reason: "再次" });
    expect(same.json().error.code).toBe("MEDIATION_STAGE_MOVE");
    const backWithout = await post(community, url, { to: "evaluation" });
    expect(backWithout.statusCode).toBe(409);
    expect(backWithout.json().error.code).toBe("MEDIATION_STAGE_MOVE");
    const back = await post(centre, url, { to: "evaluation", reason: "需补充评估双方诉求" });
    expect(back.json().stage).toBe("evaluation");

    const rows = await h.t.db.select().from(mediationStageChanges).where(eq(mediationStageChanges.caseId, c.id)).orderBy(mediationStageChanges.id);
    expect(rows.map((r) => [r.fromStage, r.toStage])).toEqual([[null, "consultation"], ["consultation", "mediation"], ["mediation", "evaluation"]]);
    const events = await h.t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, "stage_changed")));
    expect(events.map((e) => e.detail.backward)).toEqual([false, false, true]);
    const audits = await h.t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "mediation.stage_move"), eq(auditEvents.subjectId, String(c.id))));
    expect(audits).toHaveLength(3);
  });

  it("answers 404 outside scope and 403 to a role that may not move", async () => {
    const { case: c } = await mediationCase(h);
    const url = `/api/cases/${c.id}/mediation-stage`;
    expect((await get(away, url)).statusCode).toBe(404);
    expect((await post(away, url, { to: "consultation", reason: "越权" })).statusCode).toBe(404);
    expect((await get(grid, url)).json().can.move).toBe(false);
    expect((await post(grid, url, { to: "consultation", reason: "网格员" })).statusCode).toBe(403);
  });
});
