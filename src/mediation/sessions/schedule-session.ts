// Scheduling a mediation session, changing it, cancelling it. Scheduling moves the case into the mediation stage.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { actorLabel, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { advanceStage } from "../funnel/move-stage.js";
import { mediationSessions } from "../schema.js";
import { caseParticipants, mediatorsByIds, teamMediators } from "./case-people.js";
import type { ScheduleSessionBody, UpdateSessionBody } from "./views.js";

type Participant = (typeof mediationSessions.$inferSelect)["participants"][number];
type Who = Pick<z.infer<typeof ScheduleSessionBody>, "mediatorIds" | "partyPersonIds" | "others">;

/** The invited: given mediators (default: the active team), given parties (default: all), others by name. */
async function participantsFor(ctx: Ctx, caseId: number, who: Who): Promise<Participant[]> {
  const chosen = who.mediatorIds ? await mediatorsByIds(ctx, [...new Set(who.mediatorIds)]) : await teamMediators(ctx, caseId);
  const missing = (who.mediatorIds ?? []).filter((id) => !chosen.some((m) => m.id === id));
  if (missing.length) throw new AppError("VALIDATION_FAILED", `调解员不存在：${missing.join(", ")}`);
  const parties = await caseParticipants(ctx, caseId);
  const strangers = (who.partyPersonIds ?? []).filter((id) => !parties.some((p) => p.personId === id));
  if (strangers.length) throw new AppError("VALIDATION_FAILED", "只能邀请本案当事人");
  const invited = who.partyPersonIds ? parties.filter((p) => who.partyPersonIds!.includes(p.personId)) : parties;
  return [
    ...chosen.map((m) => ({ kind: "mediator" as const, mediatorId: m.id, name: m.name, attended: null })),
    ...invited.map((p) => ({ kind: "party" as const, personId: p.personId, name: p.name, attended: null })),
    ...(who.others ?? []).map((name) => ({ kind: "other" as const, name, attended: null })),
  ];
}

export async function scheduleSession(ctx: Ctx, caseId: number, input: z.infer<typeof ScheduleSessionBody>): Promise<number> {
  const participants = await participantsFor(ctx, caseId, input);
  const scheduledAt = new Date(input.scheduledAt);
  const [row] = await ctx.tx
    .insert(mediationSessions)
    .values({ caseId, scheduledAt, place: input.place, online: input.online, participants, createdByLabel: actorLabel(ctx.actor), createdAt: ctx.now })
    .returning({ id: mediationSessions.id });
  await advanceStage(ctx, caseId, "mediation", "安排调解");
  await appendCaseEvent(ctx, { caseId, kind: "session_scheduled", detail: { sessionId: row.id, scheduledAt: scheduledAt.toISOString(), place: input.place, online: input.online } });
  await recordAudit(ctx, { action: "mediation_session.schedule", subjectType: "mediation_session", subjectId: row.id, newValues: { caseId, scheduledAt, place: input.place, online: input.online, participants: participants.length } });
  return row.id;
}

export async function loadSessionForUpdate(ctx: Ctx, sessionId: number) {
  const [s] = await ctx.tx.select().from(mediationSessions).where(eq(mediationSessions.id, sessionId)).for("update");
  if (!s) throw new AppError("NOT_FOUND");
  return s;
}

/** Changes a scheduled session (time, place, who) or cancels it. A new time is reminded again. */
export async function updateSession(ctx: Ctx, sessionId: number, input: z.infer<typeof UpdateSessionBody>): Promise<void> {
  const s = await loadSessionForUpdate(ctx, sessionId);
  if (s.status !== "scheduled") throw new AppError("SESSION_STATE", "只能修改尚未召开的调解");
  if (input.status === "cancelled") {
    const reason = input.reason?.trim() ?? "";
    if (reason.length < 2) throw new AppError("VALIDATION_FAILED", "取消调解须说明理由", [{ path: "reason", message: "请填写理由" }]);
    await ctx.tx.update(mediationSessions).set({ status: "cancelled" }).where(eq(mediationSessions.id, sessionId));
    await appendCaseEvent(ctx, { caseId: s.caseId, kind: "session_cancelled", detail: { sessionId, scheduledAt: s.scheduledAt.toISOString(), reason } });
    await recordAudit(ctx, { action: "mediation_session.cancel", subjectType: "mediation_session", subjectId: sessionId, oldValues: { status: s.status }, newValues: { status: "cancelled", reason } });
    return;
  }
  const changesPeople = input.mediatorIds !== undefined || input.partyPersonIds !== undefined || input.others !== undefined;
  const participants = changesPeople
    ? await participantsFor(ctx, s.caseId, {
        mediatorIds: input.mediatorIds ?? s.participants.filter((p) => p.kind === "mediator").map((p) => p.mediatorId!),
        partyPersonIds: input.partyPersonIds ?? s.participants.filter((p) => p.kind === "party").map((p) => p.personId!),
        others: input.others ?? s.participants.filter((p) => p.kind === "other").map((p) => p.name),
      })
    : s.participants;
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : s.scheduledAt;
  const moved = scheduledAt.getTime() !== s.scheduledAt.getTime();
  const next = { scheduledAt, place: input.place ?? s.place, online: input.online ?? s.online, participants };
  await ctx.tx
    .update(mediationSessions)
    .set({ ...next, ...(moved ? { remindedAt: null } : {}) })
    .where(eq(mediationSessions.id, sessionId));
  if (moved || next.place !== s.place || next.online !== s.online) {
    await appendCaseEvent(ctx, { caseId: s.caseId, kind: "session_rescheduled", detail: { sessionId, scheduledAt: scheduledAt.toISOString(), place: next.place, online: next.online } });
  }
  await recordAudit(ctx, {
    action: "mediation_session.update",
    subjectType: "mediation_session",
    subjectId: sessionId,
    oldValues: { scheduledAt: s.scheduledAt, place: s.place, online: s.online, participants: s.participants.length },
    newValues: { ...next, participants: participants.length },
  });
}
