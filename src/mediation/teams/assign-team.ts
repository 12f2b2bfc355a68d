// Putting a team on a case (one click on a proposal, staff's own choice, or the mediator a party asked for), and
// releasing it. A new team releases the case's active one; each member is scored as formation would score them, so
// the team keeps why it was chosen. The case enters the 调解 stage of the funnel if it was earlier.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../audit/record.js";
import { cases } from "../../cases/schema.js";
import { AppError } from "../../errors/catalogue.js";
import { notifyAccounts } from "../../notifications/notify.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { advanceStage } from "../funnel/move-stage.js";
import { mediationTeamMembers, mediationTeams, mediators } from "../schema.js";
import { conflictsOf } from "./conflicts.js";
import { loadCandidates, loadCaseContext } from "./load.js";
import { prepareCase, scoreCandidate, unavailableReason } from "./score.js";
import { slotOfKind, TEAM_ROLE_NAMES, TEAM_SLOT_NAMES } from "./slots.js";

export interface TeamMemberInput {
  mediatorId: number;
  role: "lead" | "member";
}

export interface AssignTeamInput {
  members: TeamMemberInput[];
  formedBy: "proposal" | "citizen" | "staff";
}

interface ActiveTeam {
  id: number;
  members: { mediatorId: number; role: "lead" | "member"; accountId: number | null; name: string }[];
}

async function activeTeam(ctx: Pick<Ctx, "tx">, caseId: number): Promise<ActiveTeam | null> {
  const [team] = await ctx.tx.select({ id: mediationTeams.id }).from(mediationTeams).where(and(eq(mediationTeams.caseId, caseId), eq(mediationTeams.status, "active")));
  if (!team) return null;
  const members = await ctx.tx
    .select({ mediatorId: mediationTeamMembers.mediatorId, role: mediationTeamMembers.role, accountId: mediators.accountId, name: mediators.name })
    .from(mediationTeamMembers)
    .innerJoin(mediators, eq(mediators.id, mediationTeamMembers.mediatorId))
    .where(eq(mediationTeamMembers.teamId, team.id))
    .orderBy(mediationTeamMembers.id);
  return { id: team.id, members };
}

/** The case row locked, so that two assignments of one case queue rather than race. */
async function lockCase(ctx: Pick<Ctx, "tx">, caseId: number) {
  const [row] = await ctx.tx.select({ id: cases.id, code: cases.code, title: cases.title }).from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

function checkComposition(members: TeamMemberInput[]) {
  if (members.length < 1 || members.length > 4) throw new AppError("VALIDATION_FAILED", "调解小组为 1–4 人");
  if (members.filter((m) => m.role === "lead").length !== 1) throw new AppError("VALIDATION_FAILED", "调解小组须有且只有一名组长");
  if (new Set(members.map((m) => m.mediatorId)).size !== members.length) throw new AppError("VALIDATION_FAILED", "同一调解员不能重复加入");
}

export async function assignTeam(ctx: Ctx, caseId: number, input: AssignTeamInput): Promise<{ teamId: number; previousTeamId: number | null }> {
  checkComposition(input.members);
  const kase = await lockCase(ctx, caseId);
  const context = await loadCaseContext(ctx.tx, caseId, ctx.now);
  const found = new Map((await loadCandidates(ctx.tx, context, { ids: input.members.map((m) => m.mediatorId) })).map((m) => [m.id, m]));
  const prepared = prepareCase(context.facts);
  const rows = input.members.map((im) => {
    const m = found.get(im.mediatorId);
    if (!m) throw new AppError("NOT_FOUND", `调解员 ${im.mediatorId} 不存在`);
    const away = unavailableReason(m, context.facts.date);
    if (away) throw new AppError("MEDIATOR_UNAVAILABLE", `${m.name}：${away}`);
    const conflicts = conflictsOf(m, context.parties);
    if (conflicts.length) throw new AppError("MEDIATOR_CONFLICT", `${m.name}：${conflicts.map((c) => c.reason).join("；")}`);
    const score = scoreCandidate(context.facts, m, prepared);
    return { m, role: im.role, score };
  });

  const previous = await activeTeam(ctx, caseId);
  if (previous) {
    await ctx.tx.update(mediationTeams).set({ status: "released", releasedAt: ctx.now }).where(eq(mediationTeams.id, previous.id));
  }
  const [team] = await ctx.tx
    .insert(mediationTeams)
    .values({ caseId, status: "active", formedBy: input.formedBy, formedByLabel: actorLabel(ctx.actor), formedAt: ctx.now })
    .returning({ id: mediationTeams.id });
  await ctx.tx.insert(mediationTeamMembers).values(
    rows.map(({ m, role, score }) => ({
      teamId: team.id,
      mediatorId: m.id,
      role,
      brings: TEAM_SLOT_NAMES[slotOfKind(m.kind)],
      score: score.total,
      breakdown: score.breakdown,
    })),
  );

  await advanceStage(ctx, caseId, "mediation", "组建调解小组，进入调解阶段");
  const members = rows.map(({ m, role }) => ({ mediatorId: m.id, name: m.name, role }));
  await appendCaseEvent(ctx, { caseId, kind: "team_formed", detail: { teamId: team.id, formedBy: input.formedBy, previousTeamId: previous?.id ?? null, members } });

  const stayed = new Set(rows.map((r) => r.m.id));
  for (const role of ["lead", "member"] as const) {
    const ids = rows.filter((r) => r.role === role && r.m.accountId != null).map((r) => r.m.accountId!);
    await notifyAccounts(ctx, ids, { kind: "mediation.team_joined", title: `您已加入调解小组（${TEAM_ROLE_NAMES[role]}）：${kase.code} ${kase.title}`, caseId });
  }
  const left = (previous?.members ?? []).filter((p) => !stayed.has(p.mediatorId) && p.accountId != null).map((p) => p.accountId!);
  await notifyAccounts(ctx, left, { kind: "mediation.team_left", title: `调解小组已调整，您不再承担该案调解：${kase.code} ${kase.title}`, caseId });

  await recordAudit(ctx, {
    action: "mediation_team.form",
    subjectType: "case",
    subjectId: caseId,
    oldValues: previous ? { teamId: previous.id, members: previous.members.map(({ mediatorId, role }) => ({ mediatorId, role })) } : null,
    newValues: { teamId: team.id, formedBy: input.formedBy, members: rows.map(({ m, role, score }) => ({ mediatorId: m.id, role, score: score.total })) },
  });
  return { teamId: team.id, previousTeamId: previous?.id ?? null };
}

export async function releaseTeam(ctx: Ctx, caseId: number, opts: { reason?: string } = {}): Promise<{ teamId: number }> {
  const kase = await lockCase(ctx, caseId);
  const team = await activeTeam(ctx, caseId);
  if (!team) throw new AppError("MEDIATION_NO_TEAM");
  await ctx.tx.update(mediationTeams).set({ status: "released", releasedAt: ctx.now }).where(eq(mediationTeams.id, team.id));
  const reason = opts.reason?.trim() || "解散调解小组";
  await appendCaseEvent(ctx, { caseId, kind: "team_released", detail: { teamId: team.id, reason } });
  await notifyAccounts(
    ctx,
    team.members.filter((m) => m.accountId != null).map((m) => m.accountId!),
    { kind: "mediation.team_released", title: `调解小组已解散：${kase.code} ${kase.title}`, body: reason, caseId },
  );
  await recordAudit(ctx, { action: "mediation_team.release", subjectType: "case", subjectId: caseId, oldValues: { teamId: team.id, members: team.members.map(({ mediatorId, role }) => ({ mediatorId, role })) }, newValues: { reason } });
  return { teamId: team.id };
}

/** The case's active team's members (for a trusted mediator joining it). */
export async function activeMembers(ctx: Pick<Ctx, "tx">, caseId: number) {
  return (await activeTeam(ctx, caseId))?.members ?? [];
}

