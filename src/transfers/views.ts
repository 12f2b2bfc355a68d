// Response shapes of the non-police transfer view (非警务警情流转), shared with the web app. No database imports.
import { z } from "zod";
import { CASE_STATUSES } from "../cases/statuses.js";

export const TransferView = z.object({
  recordId: z.number(),
  /** 接警编号. */
  externalId: z.string().nullable(),
  reportedAt: z.string(),
  /** 警情类别, as the 110 record gave it. */
  policeCategory: z.string().nullable(),
  policeUnitName: z.string().nullable(),
  officerName: z.string().nullable(),
  policeResult: z.string().nullable(),
  basis: z.enum(["flagged", "classified"]),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  caseStatus: z.enum(CASE_STATUSES),
  category: z.string().nullable(),
  regionName: z.string(),
  transferredAt: z.string(),
  /** First routing of the case (流转). */
  routedAt: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  /** First acceptance (签收) of a lead task. */
  acceptedAt: z.string().nullable(),
  /** The latest lead task's resolution (办结情况). */
  resolution: z.string().nullable(),
  closedAt: z.string().nullable(),
  hoursToRoute: z.number().nullable(),
  hoursToAccept: z.number().nullable(),
});
export type Transfer = z.infer<typeof TransferView>;

export const TransferSummaryView = z.object({
  count: z.number(),
  accepted: z.number(),
  /** Per cent of transfers whose case a unit has accepted; null when there are none. */
  acceptedShare: z.number().nullable(),
  medianHoursToAccept: z.number().nullable(),
  p90HoursToAccept: z.number().nullable(),
  medianHoursToRoute: z.number().nullable(),
  closed: z.number(),
  closedShare: z.number().nullable(),
});
export type TransferSummary = z.infer<typeof TransferSummaryView>;

export const TransferListView = z.object({ items: z.array(TransferView), total: z.number(), summary: TransferSummaryView });
export type TransferList = z.infer<typeof TransferListView>;

export const BASIS_NAMES = { flagged: "标记为非警务", classified: "识别为纠纷类" } as const;
