// A unit that takes a case over after its warning was raised gets a receipt of its own, with a full window to
// acknowledge; the units warned before keep theirs, and a closed warning is not handed on.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { createTestApp, unitId, type TestApp } from "../test/app.js";
import { openLeadTask } from "../tasks/open-lead-task.js";
import { asSystem, AWAY, handlingCase, staff, type Staff } from "../tasks/test-support/handling-fixture.js";
import { raiseDueWarnings } from "./raise-due.js";
import { receiveOpenWarnings } from "./receive-open.js";

const HOUR = 3_600_000;

describe("a case handed to a unit after its warning was raised", () => {
  let h: TestApp;
  let centre: Staff;
  let judicial: Staff;
  const query = async (sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
  const post = (s: Staff, url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: s.session.headers, payload });

  async function redCaseWithWarning(title: string) {
    const kase = await handlingCase(h, { region: `${AWAY}-G01`, title });
    await h.t.db
      .update(cases)
      .set({ riskLevel: "red", riskScore: 30, riskFactors: [{ factor: "threat", label: "扬言报复、威胁", detail: "扬言报复", points: 30, hard: true }], firstReportedAt: new Date(Date.now() - 5 * HOUR) })
      .where(eq(cases.id, kase.id));
    await raiseDueWarnings({ db: h.t.db, cipher: h.t.cipher });
    const [w] = await query(`SELECT id, ack_due_at FROM warnings WHERE case_id = $1 AND trigger = 'case_red'`, [kase.id]);
    return { kase, warningId: w.id as number };
  }

  beforeAll(async () => {
    h = await createTestApp();
    centre = await staff(h, "street_centre", "330282006", "GT-SZZX");
    judicial = await staff(h, "unit_handler", "330282006", "GT-SFS");
  });
  afterAll(() => h.close());

  it("gives the new lead unit a receipt, a notice and its own two hours, and lets it acknowledge", async () => {
    const { kase, warningId } = await redCaseWithWarning("扬言报复的相邻纠纷");
    const sfs = await unitId(h.t, "GT-SFS");
    const before = await query(`SELECT unit_id FROM warning_receipts WHERE warning_id = $1`, [warningId]);
    expect(before.map((r) => r.unit_id)).not.toContain(sfs);
    expect((await post(judicial, `/api/warnings/${warningId}/acknowledge`)).json().error.code).toBe("WARNING_NOT_RECIPIENT");

    const handedAt = new Date();
    await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: kase.id, unitId: sfs, level: "street", via: "route" }), handedAt);

    const receipts = await query(`SELECT unit_id, ack_due_at FROM warning_receipts WHERE warning_id = $1`, [warningId]);
    expect(receipts).toHaveLength(before.length + 1);
    const own = receipts.find((r) => r.unit_id === sfs)!;
    expect(new Date(own.ack_due_at).getTime()).toBe(handedAt.getTime() + 2 * HOUR);
    const notices = await query(`SELECT n.title FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE a.unit_id = $1 AND n.kind = 'warning_raised' AND n.case_id = $2`, [sfs, kase.id]);
    expect(notices).toHaveLength(1);
    const audited = await query(`SELECT new_values FROM audit_events WHERE action = 'warning.receive' AND subject_id = $1`, [String(warningId)]);
    expect(audited).toEqual([{ new_values: expect.objectContaining({ unitId: sfs }) }]);

    expect((await post(judicial, `/api/warnings/${warningId}/acknowledge`)).json()).toMatchObject({ receiptsAcknowledged: 1 });
  });

  it("hands on nothing twice, and nothing closed", async () => {
    const { kase, warningId } = await redCaseWithWarning("扬言报复的宅基地纠纷");
    const sfs = await unitId(h.t, "GT-SFS");
    await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: kase.id, unitId: sfs, level: "street", via: "route" }));
    // Assigned again (another task of the same case, a reopening): the receipt it has stands.
    expect(await asSystem(h, (ctx) => receiveOpenWarnings(ctx, kase.id, sfs))).toBe(0);
    expect(await query(`SELECT 1 FROM warning_receipts WHERE warning_id = $1 AND unit_id = $2`, [warningId, sfs])).toHaveLength(1);

    const closed = await redCaseWithWarning("扬言报复的噪音纠纷");
    await query(`UPDATE warnings SET status = 'closed', closed_at = now() WHERE id = $1`, [closed.warningId]);
    await asSystem(h, (ctx) => openLeadTask(ctx, { caseId: closed.kase.id, unitId: sfs, level: "street", via: "route" }));
    expect(await query(`SELECT 1 FROM warning_receipts WHERE warning_id = $1 AND unit_id = $2`, [closed.warningId, sfs])).toHaveLength(0);
  });
});
