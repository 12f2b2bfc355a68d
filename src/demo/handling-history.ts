// The demo's year of handling, lived through the real commands with the clock set back: every formed case is routed
// when it was first reported, and older cases were accepted, handled, verified and closed — some late, some sent back,
// a few returned by their unit — while recent ones are still open, some on the claim board. Afterwards the deadline
// sweep runs once at the present, so overdue work raises its alerts, supervision orders and escalations exactly as it
// would have live. Deterministic: each case's fate comes from a hash of its code.
import crypto from "node:crypto";
import { and, asc, eq, isNull, notInArray } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import { sweepDeadlines } from "../deadlines/sweep.js";
import type { Cipher } from "../personal-data/cipher.js";
import { routeCase } from "../routing/route-case.js";
import { inTransaction, type Ctx } from "../server/context.js";
import { assignTask } from "../tasks/assign-task.js";
import { postToBoard } from "../tasks/post-to-board.js";
import { tasks } from "../tasks/schema.js";
import { closeTask, verifyTask } from "../tasks/verify-task.js";
import { acceptTask, reportCoPart, resolveTask, returnTask, startTask } from "../tasks/work-task.js";
import { units } from "../units/schema.js";
import { accounts } from "../accounts/schema.js";
import { regionNodes } from "../regions/schema.js";
import { claimTask } from "../tasks/claim-task.js";
import type { Actor } from "../server/context.js";

/** A demo account as the actor of its own steps (claims are made by a unit's account). */
async function accountActor(db: Db, username: string): Promise<Actor | null> {
  const [a] = await db
    .select({ a: accounts, path: regionNodes.path })
    .from(accounts)
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(eq(accounts.username, username));
  if (!a) return null;
  return { kind: "account", id: a.a.id, username: a.a.username, displayName: a.a.displayName, role: a.a.role, unitId: a.a.unitId, regionNodeId: a.a.regionNodeId, regionPath: a.path, sessionId: null };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where a case's handling stops in the demo: the last step it reached. */
type Fate = "assigned" | "board" | "accepted" | "in_progress" | "resolved" | "verified" | "closed";

/** A number in [0, 1) fixed by the case and a purpose. */
function roll(code: string, purpose: string): number {
  return crypto.createHash("sha256").update(`${code}:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

function fateOf(ageDays: number, r: number): Fate {
  if (ageDays >= 45) return r < 0.93 ? "closed" : "in_progress";
  if (ageDays >= 15) return r < 0.5 ? "closed" : r < 0.58 ? "verified" : r < 0.7 ? "resolved" : r < 0.9 ? "in_progress" : "accepted";
  if (ageDays >= 7) return r < 0.12 ? "resolved" : r < 0.5 ? "in_progress" : r < 0.78 ? "accepted" : "assigned";
  return r < 0.3 ? "board" : r < 0.55 ? "accepted" : "assigned";
}

export interface HistorySummary {
  cases: number;
  closed: number;
  open: number;
  posted: number;
  alerts: number;
}

export async function simulateHandlingHistory(db: Db, cipher: Cipher, now = new Date()): Promise<HistorySummary> {
  const summary: HistorySummary = { cases: 0, closed: 0, open: 0, posted: 0, alerts: 0 };
  const [centre] = await db.select({ id: units.id }).from(units).where(eq(units.kind, "street_centre")).limit(1);
  const claimer = await accountActor(db, "jingban");
  const list = await db
    .select({ id: cases.id, code: cases.code, first: cases.firstReportedAt, opened: cases.openedAt })
    .from(cases)
    .where(and(isNull(cases.mergedIntoId), isNull(cases.handlingLevel)))
    .orderBy(asc(cases.firstReportedAt), asc(cases.id));
  // A few cases at a time: each case's steps are sequential, cases are independent.
  let next = 0;
  const worker = async () => {
    while (next < list.length) await live(list[next++]);
  };
  const live = async (c: (typeof list)[number]) => {
    const t0 = new Date((c.first ?? c.opened).getTime() + 30 * 60_000);
    if (t0 > now) return;
    const ageDays = (now.getTime() - t0.getTime()) / DAY;
    const fate = fateOf(ageDays, roll(c.code, "fate"));
    // Each step in its own transaction at its own moment, as staff would have done it.
    const at = (t: Date, work: (ctx: Ctx) => Promise<unknown>) =>
      inTransaction({ db, cipher }, { actor: { kind: "system", label: "演示数据" }, correlationId: `demo-${c.code}` }, (ctx) => work({ ...ctx, now: t }));
    let t = t0;
    const step = (hours: number) => (t = new Date(Math.min(t.getTime() + hours * HOUR, now.getTime() - 60_000)));
    await at(t, (ctx) => routeCase(ctx, c.id));
    summary.cases++;
    if (fate === "board") {
      // Posted in the last hours, so that the board is live: its claim deadline is still ahead.
      await at(new Date(Math.max(step(1).getTime(), now.getTime() - (1 + roll(c.code, "post") * 5) * HOUR)), (ctx) => postToBoard(ctx, c.id, { eligibleKinds: [], reason: "职责交叉，公开征集承办单位" }));
      summary.posted++;
      return;
    }
    const lead = async () => (await db.select().from(tasks).where(and(eq(tasks.caseId, c.id), eq(tasks.role, "lead"), notInArray(tasks.state, ["closed", "returned"]))))[0];
    let task = await lead();
    if (!task) return;
    if (task.state === "posted") {
      if (ageDays < 7) {
        summary.posted++;
        return;
      }
      // About half are claimed on the board by the judicial office (its demo account), the rest assigned.
      const claimant = claimer && roll(c.code, "claim") < 0.5 && (!task.eligibleKinds.length || task.eligibleKinds.includes("judicial")) ? claimer : null;
      if (claimant) await at(step(3), (ctx) => claimTask({ ...ctx, actor: claimant }, task!.id));
      else await at(step(6), (ctx) => assignTask(ctx, task!.id, { unitId: centre.id, note: "社治中心直接承办" }));
    }
    // A few older cases were returned once by the unit first reached, then routed on.
    if (ageDays >= 20 && roll(c.code, "return") < 0.05) {
      await at(step(20), (ctx) => returnTask(ctx, task!.id, { reason: "经核实不属于本单位职责范围，请重新流转" }));
      task = await lead();
      if (!task || task.state === "posted") {
        if (task) await at(step(4), (ctx) => assignTask(ctx, task!.id, { unitId: centre.id, note: "退回后由社治中心承办" }));
        task = await lead();
        if (!task) return;
      }
    }
    if (fate === "assigned") {
      summary.open++;
      return;
    }
    // Most accept within hours; some take days (late against a one-working-day limit).
    await at(step(roll(c.code, "accept") < 0.85 ? 2 + roll(c.code, "a2") * 6 : 30 + roll(c.code, "a3") * 60), (ctx) => acceptTask(ctx, task!.id));
    for (const co of await db.select().from(tasks).where(and(eq(tasks.leadTaskId, task.id), eq(tasks.state, "assigned")))) {
      await at(step(3), (ctx) => acceptTask(ctx, co.id));
      if (fate !== "accepted") await at(step(24 + roll(c.code, "co") * 72), (ctx) => reportCoPart(ctx, co.id, { report: "已配合开展法律释明与现场调解" }));
    }
    if (fate === "accepted") {
      summary.open++;
      return;
    }
    await at(step(1), (ctx) => startTask(ctx, task!.id));
    if (fate === "in_progress") {
      summary.open++;
      return;
    }
    // Handling takes a few days to a few weeks; long ones run past their limit.
    await at(step(24 * (2 + roll(c.code, "handle") * (roll(c.code, "slow") < 0.15 ? 30 : 9))), (ctx) => resolveTask(ctx, task!.id, { resolution: "经组织双方调解，达成一致意见，纠纷已化解" }));
    if (fate === "resolved") {
      summary.open++;
      return;
    }
    if (roll(c.code, "reject") < 0.08) {
      await at(step(20), (ctx) => verifyTask(ctx, task!.id, { approve: false, note: "办理材料不全，请补充调解协议" }));
      await at(step(48), (ctx) => resolveTask(ctx, task!.id, { resolution: "已补充调解协议，双方签字确认" }));
    }
    await at(step(20), (ctx) => verifyTask(ctx, task!.id, { approve: true }));
    if (fate === "verified") {
      summary.open++;
      return;
    }
    await at(step(4), (ctx) => closeTask(ctx, task!.id, {}));
    summary.closed++;
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const alerts = await sweepDeadlines({ db, cipher }, now);
  summary.alerts = Object.values(alerts).reduce((s: number, v) => s + (typeof v === "number" ? v : 0), 0);
  return summary;
}
