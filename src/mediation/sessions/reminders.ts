// The day-before reminder: each scheduled session within the next 24 hours is claimed once (reminded_at set in the
// same UPDATE that finds it), then its mediators with accounts and the case's lead unit are told.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { cases } from "../../cases/schema.js";
import type { Sweep, SweepServices } from "../../jobs/boss.js";
import { notifyAccounts, notifyUnit } from "../../notifications/notify.js";
import { inTransaction, type Ctx } from "../../server/context.js";
import { mediationSessions, mediators } from "../schema.js";

const SYSTEM = { kind: "system" as const, label: "mediation" };
const DAY_MS = 24 * 60 * 60 * 1000;

const beijing = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(d);

/** Claims and reminds the sessions due within a day; returns how many were reminded. */
export async function remindSessions(ctx: Ctx): Promise<number> {
  const claimed = await ctx.tx
    .update(mediationSessions)
    .set({ remindedAt: ctx.now })
    .where(
      and(
        eq(mediationSessions.status, "scheduled"),
        isNull(mediationSessions.remindedAt),
        gt(mediationSessions.scheduledAt, ctx.now),
        lte(mediationSessions.scheduledAt, new Date(ctx.now.getTime() + DAY_MS)),
      ),
    )
    .returning();
  for (const s of claimed) {
    const [c] = await ctx.tx.select({ code: cases.code, title: cases.title, leadUnitId: cases.leadUnitId }).from(cases).where(eq(cases.id, s.caseId));
    const mediatorIds = s.participants.filter((p) => p.kind === "mediator" && p.mediatorId != null).map((p) => p.mediatorId!);
    const accounts = mediatorIds.length
      ? (await ctx.tx.select({ accountId: mediators.accountId }).from(mediators).where(inArray(mediators.id, mediatorIds))).flatMap((m) => (m.accountId == null ? [] : [m.accountId]))
      : [];
    const notice = {
      kind: "session_reminder",
      title: `调解提醒：${beijing(s.scheduledAt)} ${c.title}`,
      body: `${c.code} · ${s.online ? "线上调解" : "地点"}：${s.place || "待定"} · 参加人：${s.participants.map((p) => p.name).join("、")}`,
      caseId: s.caseId,
    };
    await notifyAccounts(ctx, accounts, notice);
    if (c.leadUnitId != null) await notifyUnit(ctx, c.leadUnitId, notice);
  }
  return claimed.length;
}

export const sessionReminderSweep: Sweep = {
  name: "mediation.session-reminders",
  cron: "* * * * *",
  run: (services: SweepServices, now: Date) =>
    inTransaction(services, { actor: SYSTEM, correlationId: "session-reminders" }, (ctx) => remindSessions({ ...ctx, now })),
};
