// Response shapes of the key index, shared with the web app. No database imports.
import { z } from "zod";
import { CASE_STATUSES } from "../cases/statuses.js";
import { RISK_LEVELS } from "../risk/levels.js";
import { KEY_INDEX_GROUPS, KEY_INDEX_KEYS } from "./formulas.js";

export const FigureView = z.object({
  value: z.number().nullable(),
  num: z.number(),
  den: z.number(),
  lastValue: z.number().nullable(),
  lastNum: z.number(),
  lastDen: z.number(),
  /** value − last year's value (percentage points for rates). */
  change: z.number().nullable(),
  /** (value − last) / last × 100; null when last year's value is 0. */
  changePct: z.number().nullable(),
});
export type Figure = z.infer<typeof FigureView>;

export const KeyIndexRowView = z.object({
  /** Region node, unit or mediator id; null for the total row. */
  id: z.number().nullable(),
  name: z.string(),
  figures: z.record(z.enum(KEY_INDEX_KEYS), FigureView),
});
export type KeyIndexRow = z.infer<typeof KeyIndexRowView>;

const PeriodView = z.object({ from: z.string(), to: z.string() });

export const KeyIndexTableView = z.object({
  group: z.enum(KEY_INDEX_GROUPS),
  period: PeriodView,
  lastYear: PeriodView,
  /** The community whose grids these are (drill-down), if any. */
  community: z.object({ id: z.number(), name: z.string() }).nullable(),
  rows: z.array(KeyIndexRowView),
  total: KeyIndexRowView,
});
export type KeyIndexTable = z.infer<typeof KeyIndexTableView>;

export const KeyIndexCaseView = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  category: z.string().nullable(),
  regionName: z.string(),
  leadUnitName: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
});

export const KeyIndexCasesView = z.object({ items: z.array(KeyIndexCaseView), total: z.number(), drill: z.string() });
export type KeyIndexCases = z.infer<typeof KeyIndexCasesView>;
