// The demo's mediation, lived like its handling (demo/handling-history.ts): for a share of the cases a unit accepted,
// a team was proposed and assigned, sessions held with their record, agreements drafted, confirmed and signed (some
// confirmed by the court, some not performed in time), and failed mediations referred to arbitration or the court.
// Open cases have a team and a session coming up. Deterministic: each case's path comes from a hash of its code.
import crypto from "node:crypto";
import { and, asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import { caseParties, cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import { confirmParty, recordPerformance } from "../mediation/agreements/sign-agreement.js";
import { createAgreement } from "../mediation/agreements/compose-agreement.js";
import { decideConfirmation, requestConfirmation } from "../mediation/agreements/judicial-confirmation.js";
import { createReferral } from "../mediation/referrals/refer-case.js";
import { mediationSessions } from "../mediation/schema.js";
import { recordSession } from "../mediation/sessions/record-session.js";
import { scheduleSession } from "../mediation/sessions/schedule-session.js";
import { assignTeam } from "../mediation/teams/assign-team.js";
import { proposeTeam } from "../mediation/teams/propose.js";
import type { Cipher } from "../personal-data/cipher.js";
import { inTransaction, type Ctx } from "../server/context.js";
import { tasks } from "../tasks/schema.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Dispute types that usually go to mediation. */
const MEDIATED = new Set(["LL", "HY", "LD", "WY", "HT", "TD", "SH", "JT", "YL", "FW", "XF", "SC", "ZD"]);

function roll(code: string, purpose: string): number {
  return crypto.createHash("sha256").update(`${code}:mediation:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

export interface MediationSummary {
  teams: number;
  sessions: number;
  agreements: number;
  referrals: number;
}

export async function simulateMediationHistory(db: Db, cipher: Cipher, now = new Date()): Promise<MediationSummary> {
  const summary: MediationSummary = { teams: 0, sessions: 0, agreements: 0, referrals: 0 };
  // Cases a unit accepted, with when; the lead task that got furthest.
  const accepted = await db
    .select({ id: cases.id, code: cases.code, category: cases.category, status: cases.status, acceptedAt: tasks.acceptedAt, resolvedAt: tasks.resolvedAt })
    .from(cases)
    .innerJoin(tasks, and(eq(tasks.caseId, cases.id), eq(tasks.role, "lead"), isNotNull(tasks.acceptedAt)))
    .where(isNull(cases.mergedIntoId))
    .orderBy(asc(cases.id));
  const seen = new Set<number>();
  const chosen = accepted.filter((c) => {
    if (seen.has(c.id) || !c.category || !MEDIATED.has(c.category)) return false;
    seen.add(c.id);
    return roll(c.code, "mediate") < 0.35;
  });
  let next = 0;
  const worker = async () => {
    while (next < chosen.length) await live(chosen[next++]);
  };
  const live = async (c: (typeof chosen)[number]) => {
    const at = <T>(t: Date, work: (ctx: Ctx) => Promise<T>) =>
      inTransaction({ db, cipher }, { actor: { kind: "system", label: "演示数据" }, correlationId: `demo-mediation-${c.code}` }, (ctx) => work({ ...ctx, now: t }));
    const start = new Date(c.acceptedAt!.getTime() + 4 * HOUR);
    if (start > now) return;
    const proposal = await proposeTeam(db, c.id, { now: start });
    if (!proposal.members.length) return;
    await at(start, (ctx) => assignTeam(ctx, c.id, { members: proposal.members.map((m) => ({ mediatorId: m.mediator.id, role: m.role })), formedBy: "proposal" }));
    summary.teams++;
    const open = c.status !== "closed" && c.status !== "resolved";
    // Open cases: a session coming up in the next days.
    const first = new Date(start.getTime() + (1 + Math.floor(roll(c.code, "first") * 3)) * DAY);
    if (open) {
      await at(start, (ctx) => scheduleSession(ctx, c.id, { scheduledAt: new Date(now.getTime() + (1 + roll(c.code, "soon") * 4) * DAY).toISOString(), place: "古塘街道矛调中心调解室", online: false }));
      summary.sessions++;
      return;
    }
    if (first > now) return;
    const held = async (when: Date, outcome: "agreement" | "no_agreement" | "adjourned", record: string) => {
      const sessionId = await at(new Date(when.getTime() - DAY), (ctx) => scheduleSession(ctx, c.id, { scheduledAt: when.toISOString(), place: roll(c.code, "online") < 0.2 ? "线上调解（浙江解纷码）" : "古塘街道矛调中心调解室", online: false }));
      const [s] = await db.select().from(mediationSessions).where(eq(mediationSessions.id, sessionId));
      await at(new Date(when.getTime() + 2 * HOUR), (ctx) => recordSession(ctx, sessionId, { attended: s.participants.map((_, i) => i === 0 || roll(c.code, `att${i}`) < 0.9), record, outcome }));
      summary.sessions++;
    };
    // An agreement needs two parties to sign it: a case with fewer identified parties ends without one.
    const [{ n: parties }] = await db.select({ n: count() }).from(caseParties).where(eq(caseParties.caseId, c.id));
    const path = parties >= 2 ? roll(c.code, "path") : 1;
    if (path < 0.7) {
      // Agreed, at the first session or after an adjournment.
      if (roll(c.code, "two") < 0.4) {
        await held(first, "adjourned", "双方陈述各自诉求，分歧较大，调解员分别释法明理，约定下次再调。");
        await held(new Date(first.getTime() + 5 * DAY), "agreement", "经调解员耐心劝说，双方互谅互让，就赔偿金额和履行方式达成一致。");
      } else {
        await held(first, "agreement", "调解员讲解相关法律规定，双方各让一步，当场达成调解意见。");
      }
      const signedAt = new Date(first.getTime() + 6 * DAY + 3 * HOUR);
      if (signedAt > now) return;
      const deadline = new Date(signedAt.getTime() + 30 * DAY).toISOString().slice(0, 10);
      const agreementId = await at(signedAt, (ctx) => createAgreement(ctx, c.id, { performanceDeadline: deadline, terms: "一、双方确认本纠纷经调解已协商一致；\n二、责任方于履行期限内一次性支付补偿款并完成相应修缮；\n三、双方今后互谅互让，不再就此事发生争执。" }));
      summary.agreements++;
      for (let i = 0; i < 2; i++) await at(new Date(signedAt.getTime() + (i + 1) * 60_000), (ctx) => confirmParty(ctx, agreementId, i).catch(() => false));
      if (roll(c.code, "court") < 0.25) {
        const requestedAt = new Date(signedAt.getTime() + DAY);
        if (requestedAt < now) {
          // Only a signed agreement (every party confirmed) goes to the court.
          const confirmationId = await at(requestedAt, (ctx) => requestConfirmation(ctx, agreementId, {}).catch(() => null));
          const acceptedAt = new Date(requestedAt.getTime() + 2 * DAY);
          const decidedAt = new Date(requestedAt.getTime() + 7 * DAY);
          if (confirmationId != null && acceptedAt < now) await at(acceptedAt, (ctx) => decideConfirmation(ctx, confirmationId, { status: "accepted" }).catch(() => undefined));
          if (confirmationId != null && decidedAt < now) await at(decidedAt, (ctx) => decideConfirmation(ctx, confirmationId, { status: "confirmed" }).catch(() => undefined));
        }
      }
      const performedAt = new Date(signedAt.getTime() + (10 + roll(c.code, "perform") * 30) * DAY);
      if (performedAt < now) await at(performedAt, (ctx) => recordPerformance(ctx, agreementId, roll(c.code, "breach") < 0.1 ? "breached" : "performed").catch(() => undefined));
    } else {
      await held(first, "no_agreement", "双方对赔偿数额分歧明显，经多次做工作仍未能达成一致。");
      if (roll(c.code, "refer") < 0.6) {
        const referredAt = new Date(first.getTime() + DAY);
        if (referredAt < now) {
          await at(referredAt, (ctx) => createReferral(ctx, c.id, { kind: c.category === "LD" ? "arbitration" : roll(c.code, "aid") < 0.3 ? "legal_aid" : "litigation" }));
          summary.referrals++;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  return summary;
}
