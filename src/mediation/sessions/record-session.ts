// Recording a session: who came, the record (笔录) and the outcome. A held session's record may be corrected later;
// the audit keeps what it said before.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import type { Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { mediationSessions } from "../schema.js";
import { loadSessionForUpdate } from "./schedule-session.js";
import type { RecordSessionBody } from "./views.js";

export async function recordSession(ctx: Ctx, sessionId: number, input: z.infer<typeof RecordSessionBody>): Promise<void> {
  const s = await loadSessionForUpdate(ctx, sessionId);
  if (s.status === "cancelled") throw new AppError("SESSION_STATE", "已取消的调解不能记录");
  if (input.attended.length !== s.participants.length) {
    throw new AppError("VALIDATION_FAILED", `出席情况须逐一填写（共 ${s.participants.length} 人）`, [{ path: "attended", message: "与参加人数不符" }]);
  }
  const participants = s.participants.map((p, i) => ({ ...p, attended: input.attended[i] }));
  const heldAt = input.heldAt ? new Date(input.heldAt) : (s.heldAt ?? ctx.now);
  await ctx.tx.update(mediationSessions).set({ status: "held", participants, record: input.record, outcome: input.outcome, heldAt }).where(eq(mediationSessions.id, sessionId));
  if (s.status === "scheduled") {
    const present = participants.filter((p) => p.attended).length;
    await appendCaseEvent(ctx, { caseId: s.caseId, kind: "session_held", detail: { sessionId, scheduledAt: s.scheduledAt.toISOString(), outcome: input.outcome, present, invited: participants.length } });
  }
  await recordAudit(ctx, {
    action: "mediation_session.record",
    subjectType: "mediation_session",
    subjectId: sessionId,
    oldValues: { status: s.status, outcome: s.outcome, record: s.record, attended: s.participants.map((p) => p.attended ?? null) },
    newValues: { status: "held", outcome: input.outcome, record: input.record, attended: input.attended },
  });
}
