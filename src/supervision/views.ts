// Response shapes of supervision orders, shared with the web app. No database imports.
import { z } from "zod";
import { SUPERVISION_STATUSES } from "./statuses.js";

export { SUPERVISION_STATUSES, SUPERVISION_STATUS_NAMES, SUPERVISION_SOURCE_NAMES, SUPERVISION_SOURCES } from "./statuses.js";

/** What the current user may do with the order: computed on the server, the UI only reads it. */
export const OrderAbilities = z.object({ respond: z.boolean(), close: z.boolean(), escalate: z.boolean() });

export const SupervisionOrderView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  taskId: z.number().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  demand: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  status: z.enum(SUPERVISION_STATUSES),
  source: z.string(),
  issuedByLabel: z.string(),
  issuedAt: z.string(),
  response: z.string().nullable(),
  respondedByLabel: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closingNote: z.string().nullable(),
  closedByLabel: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalatedToUnitId: z.number().nullable(),
  escalatedToUnitName: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  can: OrderAbilities,
});
export type SupervisionOrderView = z.infer<typeof SupervisionOrderView>;

export const SupervisionListView = z.object({ items: z.array(SupervisionOrderView), nextBefore: z.number().nullable() });
export type SupervisionListView = z.infer<typeof SupervisionListView>;

export const SupervisionUnitCount = z.object({
  unitId: z.number(),
  unitName: z.string(),
  open: z.number(),
  responded: z.number(),
  closed: z.number(),
  escalated: z.number(),
  /** Open or escalated past their due time. */
  overdue: z.number(),
  total: z.number(),
});
export type SupervisionUnitCount = z.infer<typeof SupervisionUnitCount>;
export const SupervisionStatsView = z.object({ units: z.array(SupervisionUnitCount) });
