// Response shapes of the assessment ledger, shared with the web app. No database imports.
import { z } from "zod";

export const RuleView = z.object({
  code: z.string(),
  name: z.string(),
  subject: z.string(),
  subjectName: z.string(),
  points: z.number(),
  eventKind: z.string(),
  eventName: z.string(),
  condition: z.string(),
});
export type RuleView = z.infer<typeof RuleView>;

export const LedgerEntryView = z.object({
  id: z.number(),
  ruleCode: z.string(),
  ruleName: z.string(),
  points: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  accountId: z.number().nullable(),
  accountName: z.string().nullable(),
  caseId: z.number().nullable(),
  caseCode: z.string(),
  taskId: z.number().nullable(),
  sourceKind: z.string(),
  sourceId: z.number(),
  eventKind: z.string().nullable(),
  eventName: z.string().nullable(),
  eventAt: z.string().nullable(),
  occurredAt: z.string(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const EntriesPageView = z.object({ items: z.array(LedgerEntryView), nextBefore: z.number().nullable() });
export type EntriesPageView = z.infer<typeof EntriesPageView>;

export const LedgerTotalView = z.object({ period: z.string(), id: z.number(), name: z.string(), points: z.number(), entries: z.number(), rank: z.number() });
export type LedgerTotalView = z.infer<typeof LedgerTotalView>;

export const TotalsView = z.object({ period: z.enum(["month", "year"]), by: z.enum(["unit", "community", "account"]), from: z.string(), to: z.string(), items: z.array(LedgerTotalView) });
export type TotalsView = z.infer<typeof TotalsView>;
