// Response shapes of intake, shared with the web app.
import { z } from "zod";

export const IntakeCountsView = z.object({
  read: z.number(),
  accepted: z.number(),
  redelivered: z.number(),
  corrected: z.number(),
  quarantined: z.number(),
});

export const RowOutcomeView = z.object({
  index: z.number(),
  channel: z.string().nullable(),
  externalId: z.string().nullable(),
  status: z.enum(["accepted", "redelivered", "corrected", "quarantined"]),
  version: z.number().optional(),
  recordId: z.number().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type RowOutcomeView = z.infer<typeof RowOutcomeView>;

export const BatchView = z.object({
  id: z.number(),
  source: z.string(),
  channel: z.string().nullable(),
  fileName: z.string().nullable(),
  actorLabel: z.string(),
  status: z.string(),
  counts: IntakeCountsView,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const UploadResult = z.object({
  batchId: z.number(),
  byChannel: z.array(IntakeCountsView.extend({ channel: z.string() })),
  total: IntakeCountsView,
  quarantined: z.array(RowOutcomeView),
});

export const QuarantinedRowView = z.object({
  id: z.number(),
  batchId: z.number(),
  channel: z.string().nullable(),
  fileName: z.string().nullable(),
  line: z.number().nullable(),
  rowIndex: z.number().nullable(),
  rawText: z.string(),
  reason: z.string(),
  reasonName: z.string(),
  message: z.string(),
  status: z.enum(["open", "resubmitted", "dismissed"]),
  createdAt: z.string(),
  recordId: z.number().nullable(),
});
export type QuarantinedRowView = z.infer<typeof QuarantinedRowView>;

export const UnresolvedAddressView = z.object({ addressText: z.string(), records: z.number(), lastReportedAt: z.string() });

export const RecordSummaryView = z.object({
  id: z.number(),
  channel: z.string(),
  externalId: z.string(),
  version: z.number(),
  reportedAt: z.string(),
  narrative: z.string(),
  categoryWords: z.array(z.string()),
  addressText: z.string().nullable(),
  addressStatus: z.enum(["resolved", "partial", "unresolved"]),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  flags: z.array(z.string()),
});

export const RecordDetailView = RecordSummaryView.extend({
  receivedAt: z.string(),
  amount: z.number().nullable(),
  peopleCount: z.number().nullable(),
  addressNormalised: z.string().nullable(),
  addressConfidence: z.number(),
  addressEvidence: z.array(z.string()),
  extra: z.record(z.string(), z.unknown()),
  people: z.array(
    z.object({
      role: z.string(),
      name: z.string().nullable(),
      titleOnly: z.boolean(),
      isOrganisation: z.boolean(),
      idNumber: z.string().nullable(),
      idStatus: z.string(),
      phone: z.string().nullable(),
      phoneStatus: z.string(),
      companyName: z.string().nullable(),
      creditCode: z.string().nullable(),
      creditCodeValid: z.boolean().nullable(),
    }),
  ),
  versions: z.array(z.object({ id: z.number(), version: z.number(), receivedAt: z.string(), isCurrent: z.boolean() })),
});
