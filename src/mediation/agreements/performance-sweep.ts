// Performance follow-up: a signed agreement whose deadline has passed with no performance recorded is claimed once
// (follow_up_at set in the UPDATE that finds it); the case's lead unit is told and the timeline shows it. The
// follow-up visits themselves belong to the follow-up area.
import { and, eq, isNull, lt } from "drizzle-orm";
import { cases } from "../../cases/schema.js";
import type { Sweep, SweepServices } from "../../jobs/boss.js";
import { notifyUnit } from "../../notifications/notify.js";
import { inTransaction, type Ctx } from "../../server/context.js";
import { appendCaseEvent } from "../../tasks/timeline.js";
import { agreements } from "../schema.js";

const SYSTEM = { kind: "system" as const, label: "mediation" };

export const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

export async function followUpOverdueAgreements(ctx: Ctx): Promise<number> {
  const due = await ctx.tx
    .update(agreements)
    .set({ followUpAt: ctx.now })
    .where(and(eq(agreements.status, "signed"), isNull(agreements.followUpAt), lt(agreements.performanceDeadline, beijingDate(ctx.now))))
    .returning();
  for (const a of due) {
    const [c] = await ctx.tx.select({ code: cases.code, title: cases.title, leadUnitId: cases.leadUnitId }).from(cases).where(eq(cases.id, a.caseId));
    await appendCaseEvent(ctx, { caseId: a.caseId, unitId: c.leadUnitId, kind: "agreement_follow_up", detail: { agreementId: a.id, number: a.number, deadline: a.performanceDeadline } });
    if (c.leadUnitId != null) {
      await notifyUnit(ctx, c.leadUnitId, {
        kind: "agreement_follow_up",
        title: `调解协议履行期限已过：${a.number}`,
        body: `${c.code} ${c.title} · 履行期限 ${a.performanceDeadline}，尚未记录履行，请回访核实`,
        caseId: a.caseId,
      });
    }
  }
  return due.length;
}

export const agreementPerformanceSweep: Sweep = {
  name: "mediation.agreement-performance",
  cron: "*/10 * * * *",
  run: (services: SweepServices, now: Date) =>
    inTransaction(services, { actor: SYSTEM, correlationId: "agreement-performance" }, (ctx) => followUpOverdueAgreements({ ...ctx, now })),
};
