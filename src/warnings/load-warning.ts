// Reading warnings with what the views need: the case, the person, the receipts' counts; one warning in full.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { people } from "../people/schema.js";
import type { Actor } from "../server/context.js";
import { supervisionOrders } from "../supervision/schema.js";
import { units } from "../units/schema.js";
import { warningFeedback, warningReceipts, warnings } from "./schema.js";
import { actorUnit, warningAbilities, warningScope } from "./scope.js";
import type { WarningDetailView, WarningSummaryView } from "./views.js";

const columns = {
  warning: warnings,
  caseCode: cases.code,
  caseTitle: cases.title,
  caseRiskLevel: cases.riskLevel,
  personName: people.name,
  receiptsTotal: sql<number>`(SELECT count(*)::int FROM warning_receipts r WHERE r.warning_id = ${warnings.id})`,
  receiptsAcknowledged: sql<number>`(SELECT count(*)::int FROM warning_receipts r WHERE r.warning_id = ${warnings.id} AND r.acknowledged_at IS NOT NULL)`,
  receiptsEscalated: sql<number>`(SELECT count(*)::int FROM warning_receipts r WHERE r.warning_id = ${warnings.id} AND r.escalated_at IS NOT NULL)`,
};
export type WarningRow = {
  warning: typeof warnings.$inferSelect;
  caseCode: string;
  caseTitle: string;
  caseRiskLevel: string | null;
  personName: string | null;
  receiptsTotal: number;
  receiptsAcknowledged: number;
  receiptsEscalated: number;
};

/** The select with its joins, within the actor's scope; callers add where / order / limit. */
export function selectWarnings(db: DbOrTx, actor: Actor, where: SQL | undefined) {
  return db
    .select(columns)
    .from(warnings)
    .innerJoin(cases, eq(cases.id, warnings.caseId))
    .leftJoin(people, eq(people.id, warnings.personId))
    .where(and(warningScope(actor), where));
}

/** One warning, or 404 when it does not exist or lies outside the actor's scope. */
export async function loadWarningInScope(db: DbOrTx, actor: Actor, id: number): Promise<WarningRow> {
  const [row] = await selectWarnings(db, actor, eq(warnings.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const minutesBetween = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null);

export function presentWarningSummary(r: WarningRow, now: Date): WarningSummaryView {
  const w = r.warning;
  return {
    id: w.id,
    caseId: w.caseId,
    caseCode: r.caseCode,
    caseTitle: r.caseTitle,
    trigger: w.trigger,
    level: w.level,
    personId: w.personId,
    personName: r.personName,
    reasons: w.reasons,
    status: w.status,
    raisedAt: w.raisedAt.toISOString(),
    ackDueAt: w.ackDueAt.toISOString(),
    receiptsTotal: r.receiptsTotal,
    receiptsAcknowledged: r.receiptsAcknowledged,
    receiptsEscalated: r.receiptsEscalated,
    ackOverdue: w.status !== "closed" && r.receiptsAcknowledged < r.receiptsTotal && w.ackDueAt < now,
    closedAt: iso(w.closedAt),
  };
}

/** The warning in full: receipts, feedback, the supervision order, every step with who and when. */
export async function presentWarningDetail(db: DbOrTx, actor: Actor, r: WarningRow, now: Date): Promise<WarningDetailView> {
  const w = r.warning;
  const receipts = await db
    .select({ receipt: warningReceipts, unitName: units.name, unitKind: units.kind })
    .from(warningReceipts)
    .innerJoin(units, eq(units.id, warningReceipts.unitId))
    .where(eq(warningReceipts.warningId, w.id))
    .orderBy(asc(warningReceipts.id));
  const feedback = await db
    .select({ f: warningFeedback, unitName: units.name })
    .from(warningFeedback)
    .leftJoin(units, eq(units.id, warningFeedback.unitId))
    .where(eq(warningFeedback.warningId, w.id))
    .orderBy(asc(warningFeedback.at), asc(warningFeedback.id));
  const [order] = w.supervisionOrderId
    ? await db
        .select({ o: supervisionOrders, unitName: units.name })
        .from(supervisionOrders)
        .innerJoin(units, eq(units.id, supervisionOrders.unitId))
        .where(eq(supervisionOrders.id, w.supervisionOrderId))
    : [];
  const unitId = actorUnit(actor);
  const own = receipts.find((x) => x.receipt.unitId === unitId)?.receipt ?? null;
  const lastAck = receipts.every((x) => x.receipt.acknowledgedAt) ? w.acknowledgedAt : null;
  const step = (s: WarningDetailView["steps"][number]["step"], at: Date | null, by: string | null) => ({ step: s, at: iso(at), by, minutesSinceRaised: minutesBetween(w.raisedAt, at) });
  return {
    ...presentWarningSummary(r, now),
    caseRiskLevel: r.caseRiskLevel,
    feedbackDueAt: iso(w.feedbackDueAt),
    acknowledgedAt: iso(w.acknowledgedAt),
    firstFeedbackAt: iso(w.firstFeedbackAt),
    supervisedAt: iso(w.supervisedAt),
    supervision: order
      ? { orderId: order.o.id, unitName: order.unitName, demand: order.o.demand, dueAt: order.o.dueAt.toISOString(), status: order.o.status, response: order.o.response, issuedByLabel: order.o.issuedByLabel }
      : null,
    outcome: w.outcome,
    closedByLabel: w.closedByLabel,
    receipts: receipts.map(({ receipt: x, unitName, unitKind }) => ({
      unitId: x.unitId,
      unitName,
      unitKind,
      ackDueAt: x.ackDueAt.toISOString(),
      acknowledgedAt: iso(x.acknowledgedAt),
      acknowledgedByLabel: x.acknowledgedByLabel,
      escalatedAt: iso(x.escalatedAt),
      ackMinutes: minutesBetween(w.raisedAt, x.acknowledgedAt),
      overdue: x.acknowledgedAt == null && w.status !== "closed" && x.ackDueAt < now,
    })),
    feedback: feedback.map(({ f, unitName }) => ({ id: f.id, unitName, measures: f.measures, byLabel: f.byLabel, at: f.at.toISOString() })),
    steps: [
      step("raised", w.raisedAt, "系统预警"),
      step("acknowledged", lastAck, receipts.length ? `${receipts.filter((x) => x.receipt.acknowledgedAt).length}/${receipts.length} 家单位已签收` : null),
      step("feedback", w.firstFeedbackAt, feedback[0]?.f.byLabel ?? null),
      step("supervised", w.supervisedAt, order?.o.issuedByLabel ?? null),
      step("closed", w.closedAt, w.closedByLabel),
    ],
    supervisableUnits: receipts
      .filter((x) => x.unitKind !== "street_centre")
      .map((x) => ({ unitId: x.receipt.unitId, unitName: x.unitName })),
    can: warningAbilities(actor, { status: w.status, firstFeedbackAt: w.firstFeedbackAt, ownReceipt: own }),
  };
}
