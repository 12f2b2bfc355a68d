// The demo's warnings, lived like its handling (demo/handling-history.ts): the year is replayed in half-day steps so
// that each warning is raised near its case's time (raise-due.ts with `now` set back), then each warning is driven
// through the loop by the real commands as far as its age and a hash of its case code say: older warnings mostly
// closed with an outcome, recent ones at every step, a few acknowledged late and escalated. Deterministic.
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import { regionNodes } from "../regions/schema.js";
import { inTransaction, type Actor, type Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { acknowledgeWarning } from "../warnings/acknowledge.js";
import { closeWarning } from "../warnings/close.js";
import { recordWarningFeedback } from "../warnings/feedback.js";
import { raiseDueWarnings } from "../warnings/raise-due.js";
import { warningReceipts, warnings } from "../warnings/schema.js";
import { superviseWarning } from "../warnings/supervise.js";
import { escalateReceipt } from "../warnings/sweeps.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEP = 12 * HOUR;

/** Where a warning's loop stops in the demo. */
type Fate = "raised" | "acknowledged" | "feedback" | "supervised" | "closed";

function roll(code: string, purpose: string): number {
  return crypto.createHash("sha256").update(`${code}:warning:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

const OPEN_STEPS: Fate[] = ["raised", "acknowledged", "feedback", "supervised", "acknowledged", "feedback", "supervised", "raised"];

function fateOf(ageDays: number, r: number): Fate {
  if (ageDays >= 30) return r < 0.85 ? "closed" : r < 0.91 ? "supervised" : r < 0.96 ? "feedback" : r < 0.98 ? "acknowledged" : "raised";
  if (ageDays >= 7) return r < 0.5 ? "closed" : r < 0.6 ? "supervised" : r < 0.8 ? "feedback" : r < 0.92 ? "acknowledged" : "raised";
  return r < 0.35 ? "raised" : r < 0.65 ? "acknowledged" : r < 0.85 ? "feedback" : "supervised";
}

const FEEDBACK = [
  "社区书记会同网格员上门走访，双方情绪已稳定，已约定调解时间",
  "民警与社区干部联合上门稳控，当面告诫，双方承诺不再发生冲突",
  "已落实专人盯守，每日联系当事人，情绪平稳，正在组织调解",
  "已约谈双方，讲明法律后果，矛盾暂时缓和，调解员跟进中",
];
const OUTCOMES = [
  "经调解双方达成协议并履行，风险解除",
  "双方签订调解协议书，经回访未再发生冲突，予以销号",
  "当事人情绪稳定，纠纷已化解，经回访无反复",
  "已依法处理并持续跟踪，风险等级下降，予以销号",
];

export interface WarningHistorySummary {
  raised: number;
  acknowledged: number;
  feedback: number;
  supervised: number;
  closed: number;
  escalated: number;
}

export async function simulateWarningHistory(db: Db, cipher: Cipher, now = new Date()): Promise<WarningHistorySummary> {
  const services = { db, cipher };
  // Raised near each case's time: the year replayed in half-day steps, then once at the present.
  const [{ first }] = (await db.execute<{ first: Date | null }>(sql`SELECT min(first_reported_at) AS first FROM cases WHERE merged_into_id IS NULL`)).rows;
  if (first) for (let t = new Date(first).getTime() + STEP; t < now.getTime(); t += STEP) await raiseDueWarnings(services, new Date(t));
  await raiseDueWarnings(services, now);

  const summary: WarningHistorySummary = { raised: 0, acknowledged: 0, feedback: 0, supervised: 0, closed: 0, escalated: 0 };
  const all = await db
    .select({ w: warnings, code: cases.code })
    .from(warnings)
    .innerJoin(cases, eq(cases.id, warnings.caseId))
    .where(isNull(warnings.closedAt))
    .orderBy(asc(warnings.id));
  const actors = await unitActors(db);
  const centre = actors.centre;
  // The most recent warnings show each open step for certain; the rest by age and hash.
  const recent = [...all].sort((a, b) => b.w.raisedAt.getTime() - a.w.raisedAt.getTime() || b.w.id - a.w.id).slice(0, OPEN_STEPS.length);
  const fixed = new Map(recent.map((r, i) => [r.w.id, OPEN_STEPS[i]]));
  for (const { w, code } of all) {
    summary.raised++;
    const key = `${code}:${w.id}`;
    const fate = fixed.get(w.id) ?? fateOf((now.getTime() - w.raisedAt.getTime()) / DAY, roll(key, "fate"));
    const at = <T>(t: Date, actor: Actor, work: (ctx: Ctx) => Promise<T>) =>
      inTransaction(services, { actor, correlationId: `demo-warning-${w.id}` }, (ctx) => work({ ...ctx, now: t }));
    const receipts = await db.select().from(warningReceipts).where(eq(warningReceipts.warningId, w.id)).orderBy(asc(warningReceipts.id));
    const escalate = async (r: (typeof receipts)[number]) => {
      const t = new Date(r.ackDueAt.getTime() + MINUTE);
      if (t <= now && (await escalateReceipt(services, r.id, t))) summary.escalated++;
    };
    if (fate === "raised") {
      for (const r of receipts) await escalate(r);
      continue;
    }

    // 签收: each unit within its time, a few late (escalated first).
    let last = w.raisedAt;
    for (const [i, r] of receipts.entries()) {
      const late = roll(key, `late${i}`) < 0.08;
      const t = late
        ? new Date(r.ackDueAt.getTime() + (30 + roll(key, `ack${i}`) * 240) * MINUTE)
        : new Date(w.raisedAt.getTime() + (5 + roll(key, `ack${i}`) * 0.8 * (r.ackDueAt.getTime() - w.raisedAt.getTime()) / MINUTE) * MINUTE);
      if (late) await escalate(r);
      if (t > now) continue;
      await at(t, actors.of(r.unitId), (ctx) => acknowledgeWarning(ctx, w.id));
      if (t > last) last = t;
    }
    summary.acknowledged++;
    if (fate === "acknowledged") continue;

    // 反馈: the lead unit (the last recipient) reports its measures.
    const answering = receipts[receipts.length - 1];
    const fedAt = new Date(last.getTime() + (2 + roll(key, "fed") * 18) * HOUR);
    if (!answering || fedAt > now) continue;
    await at(fedAt, actors.of(answering.unitId), (ctx) => recordWarningFeedback(ctx, w.id, { measures: FEEDBACK[Math.floor(roll(key, "measures") * FEEDBACK.length)] }));
    summary.feedback++;
    if (fate === "feedback") continue;

    // 督办: every "supervised" warning, and a third of those closed later.
    let before = fedAt;
    if (fate === "supervised" || roll(key, "supervise") < 0.3) {
      const t = new Date(fedAt.getTime() + (4 + roll(key, "sup") * 20) * HOUR);
      if (t > now || !centre) continue;
      const target = receipts.find((r) => r.unitId !== actors.centreUnitId)?.unitId ?? answering.unitId;
      await at(t, centre, (ctx) => superviseWarning(ctx, w.id, { unitId: target, demand: "请于三日内组织调解，落实稳控措施并反馈结果", dueAt: new Date(t.getTime() + 3 * DAY) }));
      summary.supervised++;
      before = t;
    }
    if (fate === "supervised") continue;

    // 销号 with the outcome.
    const closedAt = new Date(before.getTime() + (1 + roll(key, "close") * 9) * DAY);
    if (closedAt > now || !centre) continue;
    await at(closedAt, centre, (ctx) => closeWarning(ctx, w.id, { outcome: OUTCOMES[Math.floor(roll(key, "outcome") * OUTCOMES.length)] }));
    summary.closed++;
  }
  return summary;
}

/**
 * Who acts for each unit: its demo account where it has one, else the unit's duty officer (an account actor of the
 * unit with no login of its own; only the unit matters to the commands). The street centre's account supervises
 * and closes.
 */
async function unitActors(db: Db) {
  const rows = await db
    .select({ a: accounts, path: regionNodes.path })
    .from(accounts)
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(and(inArray(accounts.role, ["street_centre", "police", "unit_handler", "unit_leader"]), isNull(accounts.disabledAt)))
    .orderBy(asc(accounts.id));
  const byUnit = new Map<number, Actor>();
  for (const { a, path } of rows) {
    if (a.unitId != null && !byUnit.has(a.unitId))
      byUnit.set(a.unitId, { kind: "account", id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, regionNodeId: a.regionNodeId, regionPath: path, sessionId: null });
  }
  const unitRows = await db.select({ id: units.id, name: units.name, kind: units.kind, regionNodeId: units.regionNodeId, path: regionNodes.path }).from(units).innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId));
  const unitsById = new Map(unitRows.map((u) => [u.id, u]));
  const centreUnit = unitRows.find((u) => u.kind === "street_centre");
  const centre = (centreUnit && byUnit.get(centreUnit.id)) ?? null;
  return {
    centre,
    centreUnitId: centreUnit?.id ?? null,
    of: (unitId: number): Actor => {
      const own = byUnit.get(unitId);
      if (own) return own;
      const u = unitsById.get(unitId)!;
      return { kind: "account", id: 0, username: `duty-${unitId}`, displayName: `${u.name}值班员`, role: "unit_handler", unitId, regionNodeId: u.regionNodeId, regionPath: u.path, sessionId: null };
    },
  };
}
