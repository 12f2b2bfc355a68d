// A unit that takes a case over after its warnings were raised (assigned, claimed, routed again) must hear of them
// like the units that were there: a receipt for each open warning, with a full acknowledgement window of its own
// from now (the warning's own may have run out before the unit had the case), and a notice.
import { and, eq, ne } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { notifyUnit } from "../notifications/notify.js";
import type { Ctx } from "../server/context.js";
import { beijingTime } from "../supervision/beijing-time.js";
import { warningReceipts, warnings } from "./schema.js";
import { ackDueFrom, warningTitle } from "./states.js";
import { auditWarning } from "./warning-state.js";

/** Gives `unitId` a receipt for every open warning of the case it has none for; answers how many it received. */
export async function receiveOpenWarnings(ctx: Ctx, caseId: number, unitId: number): Promise<number> {
  const open = await ctx.tx
    .select({ id: warnings.id, level: warnings.level, trigger: warnings.trigger, code: cases.code, title: cases.title })
    .from(warnings)
    .innerJoin(cases, eq(cases.id, warnings.caseId))
    .where(and(eq(warnings.caseId, caseId), ne(warnings.status, "closed")));
  let received = 0;
  for (const w of open) {
    const ackDueAt = ackDueFrom(w.level, ctx.now);
    const [added] = await ctx.tx.insert(warningReceipts).values({ warningId: w.id, unitId, ackDueAt }).onConflictDoNothing().returning({ id: warningReceipts.id });
    if (!added) continue;
    received++;
    await notifyUnit(ctx, unitId, {
      kind: "warning_raised",
      title: warningTitle(w.level, w.code, w.trigger),
      body: `「${w.title}」已转由本单位承办，该案预警尚未销号。请于 ${beijingTime(ackDueAt)} 前签收。`,
      caseId,
    });
    await auditWarning(ctx, "warning.receive", w.id, { newValues: { unitId, ackDueAt: ackDueAt.toISOString() } });
  }
  return received;
}
