// Mediation sessions as the API shows them (shared with the web app: zod and kinds only).
import { z } from "zod";
import { SESSION_STATUSES } from "../kinds.js";

export const SESSION_OUTCOMES = ["agreement", "partial", "no_agreement", "adjourned"] as const;
export const SESSION_OUTCOME_NAMES = { agreement: "达成协议", partial: "部分达成", no_agreement: "未达成协议", adjourned: "休会改期" } as const;

export const ParticipantView = z.object({
  kind: z.enum(["mediator", "party", "other"]),
  mediatorId: z.number().optional(),
  personId: z.number().optional(),
  name: z.string(),
  attended: z.boolean().nullable().optional(),
});

export const SessionView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  online: z.boolean(),
  status: z.enum(SESSION_STATUSES),
  participants: z.array(ParticipantView),
  record: z.string(),
  outcome: z.enum(SESSION_OUTCOMES).nullable(),
  remindedAt: z.string().nullable(),
  createdByLabel: z.string(),
  createdAt: z.string(),
  heldAt: z.string().nullable(),
  can: z.object({ edit: z.boolean(), record: z.boolean() }),
});
export type SessionView = z.infer<typeof SessionView>;

const When = z.iso.datetime({ offset: true });
const People = {
  /** Mediators by id; left out: the case's active team. */
  mediatorIds: z.array(z.number().int()).max(20).optional(),
  /** Parties by person id (from the case's parties); left out: all of them. */
  partyPersonIds: z.array(z.number().int()).max(50).optional(),
  /** Others by name (a relative, an interpreter, a lawyer). */
  others: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
};

export const ScheduleSessionBody = z.object({
  scheduledAt: When,
  place: z.string().trim().max(200).default(""),
  online: z.boolean().default(false),
  ...People,
});

export const UpdateSessionBody = z.object({
  scheduledAt: When.optional(),
  place: z.string().trim().max(200).optional(),
  online: z.boolean().optional(),
  ...People,
  /** "cancelled" cancels the session (a reason is required). */
  status: z.literal("cancelled").optional(),
  reason: z.string().trim().max(2000).optional(),
});

export const RecordSessionBody = z.object({
  /** Attendance per participant, in the order of `participants`. */
  attended: z.array(z.boolean()).max(100),
  record: z.string().trim().min(1).max(50_000),
  outcome: z.enum(SESSION_OUTCOMES),
  heldAt: When.optional(),
});
