import { z } from "zod";
import { PersonView } from "../people/views.js";
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
});

export const CaseDetailView = CaseSummaryView.extend({
  summary: z.string(),
  parties: z.array(PersonView.extend({ role: z.enum(["reporter", "applicant", "respondent", "other"]) })),
});
