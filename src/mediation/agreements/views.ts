// Agreements (调解协议书) and judicial confirmations as the API shows them (shared with the web app: zod and kinds only).
import { z } from "zod";
import { AGREEMENT_STATUSES, CONFIRMATION_STATUSES } from "../kinds.js";

/** The committee in whose name agreements are made, and the prefix of their numbers (古塘调〔2026〕第0001号). */
export const MEDIATION_COMMITTEE = "古塘街道人民调解委员会";
export const AGREEMENT_NUMBER_PREFIX = "古塘调";

export const AgreementPartyView = z.object({
  personId: z.number().optional(),
  name: z.string(),
  role: z.string(),
  confirmedAt: z.string().nullable().optional(),
});

export const JudicialConfirmationView = z.object({
  id: z.number(),
  agreementId: z.number(),
  courtUnitId: z.number(),
  courtUnitName: z.string(),
  status: z.enum(CONFIRMATION_STATUSES),
  requestedByLabel: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type JudicialConfirmationView = z.infer<typeof JudicialConfirmationView>;

export const AgreementView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  number: z.string(),
  committee: z.string(),
  parties: z.array(AgreementPartyView),
  facts: z.string(),
  terms: z.string(),
  performanceDeadline: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  mediators: z.array(z.object({ id: z.number(), name: z.string() })),
  createdByLabel: z.string(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  performedAt: z.string().nullable(),
  followUpAt: z.string().nullable(),
  confirmations: z.array(JudicialConfirmationView),
  can: z.object({ edit: z.boolean(), confirm: z.boolean(), performance: z.boolean(), requestConfirmation: z.boolean() }),
});
export type AgreementView = z.infer<typeof AgreementView>;

const Party = z.object({ personId: z.number().int().optional(), name: z.string().trim().min(1).max(100), role: z.string().trim().min(1).max(30) });
const Day = z.iso.date();

export const CreateAgreementBody = z.object({
  /** Left out: the case's applicants and respondents from the person index. */
  parties: z.array(Party).min(1).max(20).optional(),
  /** Left out: the case's summary, or its records' narratives. */
  facts: z.string().trim().max(20_000).optional(),
  /** Left out: the template's clauses to fill in. */
  terms: z.string().trim().max(20_000).optional(),
  performanceDeadline: Day.nullable().optional(),
});

export const UpdateAgreementBody = z.object({
  parties: z.array(Party).min(1).max(20).optional(),
  facts: z.string().trim().min(1).max(20_000).optional(),
  terms: z.string().trim().min(1).max(20_000).optional(),
  performanceDeadline: Day.nullable().optional(),
});

export const ConfirmBody = z.object({ partyIndex: z.number().int().min(0) });
export const PerformanceBody = z.object({ result: z.enum(["performed", "breached"]), note: z.string().trim().max(2000).optional() });
export const RequestConfirmationBody = z.object({ courtUnitId: z.number().int().optional(), note: z.string().trim().max(2000).optional() });
export const DecideConfirmationBody = z.object({ status: z.enum(["accepted", "confirmed", "rejected"]), note: z.string().trim().max(2000).optional() });
