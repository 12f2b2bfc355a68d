// A party asks for a mediator they trust (指定调解员); the mediator accepts — and leads the case's team — or declines
// with a note; the other party is told through the case's lead unit.
//
// Who may ask. Accounts are not linked to the person index, so a citizen is known to be a party of a case only
// through what they filed: a citizen may ask on a case that holds a record they submitted through the portal (the
// filer is that record's reporter). Street-centre staff and grid workers ask on a party's behalf (naming the party)
// for cases in their jurisdiction — the way a party who came to the window or told their grid worker is served.
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { portalIdsFiledBy } from "../../intake/filed-by.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import { notifyAccounts, notifyUnit } from "../../notifications/notify.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { units } from "../../units/schema.js";
import { mediatorRequests, mediators } from "../schema.js";
import { activeMembers, assignTeam } from "./assign-team.js";
import { conflictsOf } from "./conflicts.js";
import { loadCandidates, loadCaseContext } from "./load.js";
import { unavailableReason } from "./score.js";

/** The citizen filed a record of this case through the portal: they are its reporter, a party. */
export async function citizenFiledCase(db: DbOrTx, caseId: number, accountId: number): Promise<boolean> {
  const { rows } = await db.execute(sql`
    SELECT 1 FROM records r
     WHERE r.case_id = ${caseId} AND r.channel = 'portal' AND r.external_id IN (${portalIdsFiledBy(accountId)})
     LIMIT 1`);
  return rows.length > 0;
}

export interface RequestInput {
  mediatorId: number;
  note?: string;
  /** Staff filing for a party: the party's name. */
  onBehalfOf?: string;
}

export async function requestMediator(ctx: Ctx, caseId: number, input: RequestInput): Promise<{ requestId: number }> {
  const a = ctx.actor;
  const citizen = a.kind === "account" && a.role === "citizen";
  if (!citizen && !input.onBehalfOf) throw new AppError("VALIDATION_FAILED", "代当事人申请时须写明当事人姓名");
  const context = await loadCaseContext(ctx.tx, caseId, ctx.now);
  const [m] = await loadCandidates(ctx.tx, context, { ids: [input.mediatorId] });
  if (!m) throw new AppError("NOT_FOUND", "调解员不存在");
  const away = unavailableReason(m, context.facts.date);
  if (away) throw new AppError("MEDIATOR_UNAVAILABLE", `${m.name}：${away}`);
  const conflicts = conflictsOf(m, context.parties);
  if (conflicts.length) throw new AppError("MEDIATOR_CONFLICT", `${m.name}：${conflicts.map((c) => c.reason).join("；")}`);
  const [pending] = await ctx.tx
    .select({ id: mediatorRequests.id })
    .from(mediatorRequests)
    .where(and(eq(mediatorRequests.caseId, caseId), eq(mediatorRequests.mediatorId, m.id), eq(mediatorRequests.status, "pending")));
  if (pending) throw new AppError("CONFLICT", "已向该调解员提出申请，正等待答复");
  if ((await activeMembers(ctx, caseId)).some((x) => x.mediatorId === m.id && x.role === "lead")) throw new AppError("CONFLICT", "该调解员已是本案调解小组组长");

  const label = citizen ? `${(a as { displayName: string }).displayName}（当事人）` : `${input.onBehalfOf}（${actorLabel(a)}代为申请）`;
  const [row] = await ctx.tx
    .insert(mediatorRequests)
    .values({
      caseId,
      mediatorId: m.id,
      requestedByLabel: label,
      requestedByAccountId: a.kind === "account" ? a.id : null,
      note: input.note ?? "",
      createdAt: ctx.now,
    })
    .returning({ id: mediatorRequests.id });
  await appendCaseEvent(ctx, { caseId, kind: "mediator_requested", detail: { requestId: row.id, mediatorId: m.id, mediatorName: m.name, requestedBy: label, note: input.note ?? "" } });
  if (m.accountId != null) {
    await notifyAccounts(ctx, [m.accountId], {
      kind: "mediation.request",
      title: `${label}申请由您调解：${context.case.code} ${context.case.title}`,
      body: input.note ?? "",
      caseId,
    });
  }
  await recordAudit(ctx, { action: "mediator_request.create", subjectType: "mediator_request", subjectId: row.id, newValues: { caseId, mediatorId: m.id, requestedBy: label } });
  return { requestId: row.id };
}

export interface Decision {
  accept: boolean;
  note?: string;
}

/** The named mediator answers (own requests only: anyone else gets 404). */
export async function decideRequest(ctx: Ctx, requestId: number, decision: Decision): Promise<{ teamId: number | null }> {
  const [req] = await ctx.tx
    .select({ r: mediatorRequests, accountId: mediators.accountId, mediatorName: mediators.name })
    .from(mediatorRequests)
    .innerJoin(mediators, eq(mediators.id, mediatorRequests.mediatorId))
    .where(eq(mediatorRequests.id, requestId))
    .for("update", { of: mediatorRequests });
  const a = ctx.actor;
  if (!req || (a.kind !== "system" && !(a.kind === "account" && req.accountId === a.id))) throw new AppError("NOT_FOUND");
  if (req.r.status !== "pending") throw new AppError("MEDIATOR_REQUEST_DECIDED");
  const note = decision.note?.trim() ?? "";
  if (!decision.accept && note.length < 2) throw new AppError("VALIDATION_FAILED", "谢绝时请说明理由");
  const caseId = req.r.caseId;
  const [kase] = await ctx.tx.select({ code: cases.code, title: cases.title, leadUnitId: cases.leadUnitId }).from(cases).where(eq(cases.id, caseId));

  let teamId: number | null = null;
  if (decision.accept) {
    // The trusted mediator leads; the members of the current team stay on as members (at most four in all).
    const others = (await activeMembers(ctx, caseId)).filter((m) => m.mediatorId !== req.r.mediatorId).slice(0, 3);
    ({ teamId } = await assignTeam(ctx, caseId, {
      formedBy: "citizen",
      members: [{ mediatorId: req.r.mediatorId, role: "lead" }, ...others.map((m) => ({ mediatorId: m.mediatorId, role: "member" as const }))],
    }));
  }
  await ctx.tx
    .update(mediatorRequests)
    .set({
      status: decision.accept ? "accepted" : "declined",
      decidedAt: ctx.now,
      decisionNote: note || null,
      // The lead unit is told below, in this transaction, to inform the other party: that notice is the telling.
      otherPartyToldAt: decision.accept ? ctx.now : null,
    })
    .where(eq(mediatorRequests.id, requestId));
  await appendCaseEvent(ctx, {
    caseId,
    kind: decision.accept ? "mediator_request_accepted" : "mediator_request_declined",
    detail: { requestId, mediatorId: req.r.mediatorId, mediatorName: req.mediatorName, teamId, note, otherPartyTold: decision.accept },
  });

  const outcome = decision.accept ? `${req.mediatorName}已接受指定，担任调解小组组长` : `${req.mediatorName}谢绝了指定：${note}`;
  if (req.r.requestedByAccountId != null) {
    await notifyAccounts(ctx, [req.r.requestedByAccountId], { kind: "mediation.request_decided", title: `${outcome}（${kase.code}）`, caseId });
  }
  for (const unitId of await unitsToTell(ctx, kase.leadUnitId)) {
    await notifyUnit(ctx, unitId, {
      kind: decision.accept ? "mediation.request_accepted" : "mediation.request_declined",
      title: decision.accept ? `请告知对方当事人：${outcome}（${kase.code} ${kase.title}）` : `当事人指定的调解员谢绝：${kase.code} ${kase.title}`,
      body: decision.accept ? `申请人：${req.r.requestedByLabel}` : `${outcome}。请与申请人另行商定调解员或组建调解小组。`,
      caseId,
    });
  }
  await recordAudit(ctx, {
    action: "mediator_request.decide",
    subjectType: "mediator_request",
    subjectId: requestId,
    oldValues: { status: "pending" },
    newValues: { status: decision.accept ? "accepted" : "declined", note, teamId },
  });
  return { teamId };
}

/** The case's lead unit; the street centre while the case has none. */
async function unitsToTell(ctx: Pick<Ctx, "tx">, leadUnitId: number | null): Promise<number[]> {
  if (leadUnitId != null) return [leadUnitId];
  const rows = await ctx.tx.select({ id: units.id }).from(units).where(and(eq(units.kind, "street_centre"), eq(units.active, true)));
  return rows.map((r) => r.id);
}
