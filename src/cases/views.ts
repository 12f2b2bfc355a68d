import { z } from "zod";
import { PersonView } from "../people/views.js";
import { CaseRiskFields } from "../risk/views.js";
import { CASE_STATUSES } from "./statuses.js";

export { CASE_STATUS_NAMES } from "./statuses.js";


export const CaseSummaryView = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  regionNodeId: z.number(),
  regionName: z.string(),
  leadUnitId: z.number().nullable(),
  leadUnitName: z.string().nullable(),
  openedAt: z.string(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  categoryConfidence: z.number().nullable(),
  needsTriage: z.boolean(),
  recordCount: z.number(),
  firstReportedAt: z.string().nullable(),
  lastReportedAt: z.string().nullable(),
  ...CaseRiskFields,
});

export const EvidenceView = z.object({ kind: z.string(), detail: z.string(), weight: z.number() });

export const CaseRecordView = z.object({
  id: z.number(),
  channel: z.string(),
  externalId: z.string(),
  reportedAt: z.string(),
  narrative: z.string(),
  addressText: z.string().nullable(),
  regionName: z.string().nullable(),
  decision: z.string().nullable(),
  score: z.number().nullable(),
  matchedRecordId: z.number().nullable(),
  evidence: z.array(EvidenceView),
});

export const CaseChangeView = z.object({
  id: z.number(),
  kind: z.enum(["merge", "split"]),
  fromCaseId: z.number(),
  toCaseId: z.number(),
  recordIds: z.array(z.number()),
  reason: z.string(),
  actorLabel: z.string(),
  at: z.string(),
  undone: z.boolean(),
});

export const DuplicateView = z.object({
  id: z.number(),
  recordId: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  candidateCaseId: z.number(),
  candidateCode: z.string(),
  candidateTitle: z.string(),
  score: z.number(),
  evidence: z.array(EvidenceView),
  status: z.enum(["open", "confirmed", "rejected"]),
  createdAt: z.string(),
});

export const CaseDetailView = CaseSummaryView.extend({
  summary: z.string(),
  recurrenceOfId: z.number().nullable(),
  rootCaseId: z.number().nullable(),
  records: z.array(CaseRecordView),
  changes: z.array(CaseChangeView),
  duplicates: z.array(DuplicateView),
  parties: z.array(PersonView.extend({ role: z.enum(["reporter", "applicant", "respondent", "other"]) })),
});
