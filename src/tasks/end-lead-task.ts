// Ending a case's open lead task (and its open co tasks) before it moves: a re-route, an escalation, a push-down.
import { and, eq, notInArray, or } from "drizzle-orm";
import { endAllDeadlines } from "../deadlines/stage-deadlines.js";
import type { Ctx } from "../server/context.js";
import { tasks } from "./schema.js";

export async function endOpenLeadTask(ctx: Ctx, caseId: number, reason: string): Promise<{ taskId: number; unitId: number | null } | null> {
  const [lead] = await ctx.tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), eq(tasks.role, "lead"), notInArray(tasks.state, ["closed", "returned"])))
    .for("update");
  if (!lead) return null;
  const ended = await ctx.tx
    .update(tasks)
    .set({ state: "returned", returnedAt: ctx.now, returnReason: reason, updatedAt: ctx.now })
    .where(and(or(eq(tasks.id, lead.id), eq(tasks.leadTaskId, lead.id)), notInArray(tasks.state, ["closed", "returned"])))
    .returning({ id: tasks.id });
  for (const t of ended) await endAllDeadlines(ctx, t.id);
  return { taskId: lead.id, unitId: lead.unitId };
}
