// The demo's follow-up visits (回访), lived like its handling (demo/handling-history.ts): every closed case has its
// visits as scheduled when it closed, and those already due were made by their assignee a little after their day —
// mostly settled and satisfied, some lukewarm, a few not settled (the case reopened, or a recurrence opened), a few
// parties unreachable (a retry three days on). Visits that fell due in the last two days, and a few older ones, are
// left undone, so the lists show work due today and overdue; the overdue sweep then runs once at the present.
// Deterministic: each visit's fate comes from a hash of the case code and the visit's day.
import crypto from "node:crypto";
import { and, asc, eq, isNotNull, isNull, lte, notInArray } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import { chooseAssignee } from "../follow-ups/assignee.js";
import { recordVisit } from "../follow-ups/record-visit.js";
import { scheduleFollowUps } from "../follow-ups/schedule.js";
import { followUpVisits } from "../follow-ups/schema.js";
import { seedFollowUpRules } from "../follow-ups/seed-rules.js";
import { sweepOverdueVisits } from "../follow-ups/sweeps.js";
import type { RecordVisitBody } from "../follow-ups/views.js";
import type { Cipher } from "../personal-data/cipher.js";
import { regionNodes } from "../regions/schema.js";
import { routeCase } from "../routing/route-case.js";
import { inTransaction, type Actor, type Ctx } from "../server/context.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SYSTEM: Actor = { kind: "system", label: "演示数据" };

function roll(code: string, purpose: string): number {
  return crypto.createHash("sha256").update(`${code}:follow-up:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

export interface FollowUpSummary {
  scheduled: number;
  settled: number;
  reopened: number;
  recurrences: number;
  unreachable: number;
  leftDue: number;
  overdueAlerts: number;
}

const STATES_SETTLED = ["双方已和好，未再发生争执", "协议已履行完毕，当事人表示满意", "双方关系缓和，日常往来正常", "问题已解决，当事人感谢调解"];
const STATES_LUKEWARM = ["问题基本解决，当事人对处理时长有意见", "协议已履行，但一方仍有怨言"];
const STATES_NOT_SETTLED = ["双方再次发生争执，矛盾有反复", "对方未按协议履行，当事人情绪激动"];

function resultFor(code: string, offset: number): RecordVisitBody {
  const r = roll(code, `result${offset}`);
  const pick = (list: string[]) => list[Math.floor(roll(code, `text${offset}`) * list.length)];
  const contact = roll(code, `contact${offset}`) < 0.55 ? "phone" : roll(code, `contact${offset}`) < 0.9 ? "home_visit" : "online";
  if (r < 0.06) return { contact: "unreachable", note: "电话无人接听，上门未遇" };
  if (r < 0.1) return { contact, partiesState: pick(STATES_NOT_SETTLED), satisfaction: roll(code, `sat${offset}`) < 0.5 ? 2 : 1, settled: false, notSettled: roll(code, `how${offset}`) < 0.5 ? "reopen" : "recurrence" };
  if (r < 0.25) return { contact, partiesState: pick(STATES_LUKEWARM), satisfaction: 3, settled: true };
  return { contact, partiesState: pick(STATES_SETTLED), satisfaction: roll(code, `sat${offset}`) < 0.6 ? 5 : 4, settled: true };
}

async function actorOf(db: Db, accountId: number | null): Promise<Actor> {
  if (accountId == null) return SYSTEM;
  const [a] = await db.select({ a: accounts, path: regionNodes.path }).from(accounts).innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId)).where(eq(accounts.id, accountId));
  if (!a) return SYSTEM;
  return { kind: "account", id: a.a.id, username: a.a.username, displayName: a.a.displayName, role: a.a.role, unitId: a.a.unitId, regionNodeId: a.a.regionNodeId, regionPath: a.path, sessionId: null };
}

export async function simulateFollowUpHistory(db: Db, cipher: Cipher, now = new Date()): Promise<FollowUpSummary> {
  const summary: FollowUpSummary = { scheduled: 0, settled: 0, reopened: 0, recurrences: 0, unreachable: 0, leftDue: 0, overdueAlerts: 0 };
  await seedFollowUpRules(db);
  const at = <T>(actor: Actor, code: string, t: Date, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction({ db, cipher }, { actor, correlationId: `demo-follow-up-${code}` }, (ctx) => work({ ...ctx, now: t }));
  const closed = await db
    .select({ id: cases.id, code: cases.code, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.status, "closed"), isNotNull(cases.closedAt), isNull(cases.mergedIntoId)))
    .orderBy(asc(cases.closedAt), asc(cases.id));
  for (const c of closed) {
    // Closures from before follow-ups existed get their visits as of their closure (a no-op for the others).
    const [has] = await db.select({ id: followUpVisits.id }).from(followUpVisits).where(and(eq(followUpVisits.caseId, c.id), eq(followUpVisits.closedAt, c.closedAt!))).limit(1);
    if (!has) summary.scheduled += (await at(SYSTEM, c.code, c.closedAt!, (ctx) => scheduleFollowUps(ctx, c.id))).visitIds.length;
    // The demo forms mediation teams after replaying the handling: visits still due go to the mediator, as they
    // would have had the team existed at closure.
    const assignee = await chooseAssignee(db, c.id);
    if (assignee.kind === "mediator") {
      await db.update(followUpVisits).set({ assigneeAccountId: assignee.accountId, assigneeKind: "mediator", unitId: assignee.unitId }).where(and(eq(followUpVisits.caseId, c.id), eq(followUpVisits.status, "due")));
    }
    const left = new Set<number>();
    for (;;) {
      const [v] = await db
        .select()
        .from(followUpVisits)
        .where(and(eq(followUpVisits.caseId, c.id), eq(followUpVisits.status, "due"), lte(followUpVisits.dueAt, now), left.size ? notInArray(followUpVisits.id, [...left]) : undefined))
        .orderBy(asc(followUpVisits.dueAt), asc(followUpVisits.id))
        .limit(1);
      if (!v) break;
      // Fell due in the last two days, or one of the few forgotten: left for the lists (due today, overdue).
      if (now.getTime() - v.dueAt.getTime() < 2 * DAY || roll(c.code, `forget${v.offsetDays}`) < 0.05) {
        left.add(v.id);
        summary.leftDue++;
        continue;
      }
      const doneAt = new Date(Math.min(v.dueAt.getTime() + roll(c.code, `late${v.offsetDays}`) * 30 * HOUR, now.getTime() - 2 * HOUR));
      const input = resultFor(c.code, v.offsetDays);
      const result = await at(await actorOf(db, v.assigneeAccountId), c.code, doneAt, (ctx) => recordVisit(ctx, v.id, input));
      // A reopened case, or the recurrence, is routed again half an hour later, as the routing sweep would.
      const reroute = result.outcome === "reopened" ? c.id : result.recurrenceCaseId;
      if (reroute != null) await at(SYSTEM, c.code, new Date(doneAt.getTime() + 30 * 60_000), (ctx) => routeCase(ctx, reroute));
      if (result.outcome === "settled") summary.settled++;
      else if (result.outcome === "reopened") summary.reopened++;
      else if (result.outcome === "recurrence") summary.recurrences++;
      else summary.unreachable++;
    }
  }
  summary.overdueAlerts = (await sweepOverdueVisits({ db, cipher }, now)).alerted;
  return summary;
}
