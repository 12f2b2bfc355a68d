// Response shapes of warnings (预警), shared with the web app. No database imports.
import { z } from "zod";
import { WARNING_LEVELS, WARNING_STATUSES, WARNING_TRIGGERS } from "./states.js";

export * from "./states.js";

const Reason = z.object({ factor: z.string(), label: z.string(), detail: z.string(), points: z.number(), hard: z.boolean().optional() });

/** What the current user may do with the warning now: computed on the server, the UI only reads it. */
export const WarningAbilities = z.object({ acknowledge: z.boolean(), feedback: z.boolean(), supervise: z.boolean(), close: z.boolean() });
export type WarningAbilities = z.infer<typeof WarningAbilities>;

export const WarningSummaryView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  trigger: z.enum(WARNING_TRIGGERS),
  level: z.enum(WARNING_LEVELS),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  reasons: z.array(Reason),
  status: z.enum(WARNING_STATUSES),
  raisedAt: z.string(),
  ackDueAt: z.string(),
  receiptsTotal: z.number(),
  receiptsAcknowledged: z.number(),
  receiptsEscalated: z.number(),
  /** Some recipient has not acknowledged and its time is up. */
  ackOverdue: z.boolean(),
  closedAt: z.string().nullable(),
});
export type WarningSummaryView = z.infer<typeof WarningSummaryView>;

export const WarningListView = z.object({
  items: z.array(WarningSummaryView),
  nextBefore: z.number().nullable(),
  /** Per status, within the same scope and trigger/level filters (not the status filter). */
  counts: z.record(z.enum(WARNING_STATUSES), z.number()),
});
export type WarningListView = z.infer<typeof WarningListView>;

export const WarningReceiptView = z.object({
  unitId: z.number(),
  unitName: z.string(),
  unitKind: z.string(),
  ackDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByLabel: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** Minutes from the warning to this unit's acknowledgement. */
  ackMinutes: z.number().nullable(),
  overdue: z.boolean(),
});

export const WarningFeedbackView = z.object({ id: z.number(), unitName: z.string().nullable(), measures: z.string(), byLabel: z.string(), at: z.string() });

/** One step of the loop: when, by whom, and minutes since the warning was raised. */
export const WarningStepView = z.object({
  step: z.enum(WARNING_STATUSES),
  at: z.string().nullable(),
  by: z.string().nullable(),
  minutesSinceRaised: z.number().nullable(),
});

export const WarningDetailView = WarningSummaryView.extend({
  caseRiskLevel: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  firstFeedbackAt: z.string().nullable(),
  supervisedAt: z.string().nullable(),
  supervision: z
    .object({ orderId: z.number(), unitName: z.string(), demand: z.string(), dueAt: z.string(), status: z.string(), response: z.string().nullable(), issuedByLabel: z.string() })
    .nullable(),
  outcome: z.string().nullable(),
  closedByLabel: z.string().nullable(),
  receipts: z.array(WarningReceiptView),
  feedback: z.array(WarningFeedbackView),
  steps: z.array(WarningStepView),
  /** The units a supervision order may go to (the recipients other than the street centre first). */
  supervisableUnits: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
  can: WarningAbilities,
});
export type WarningDetailView = z.infer<typeof WarningDetailView>;
