// Response shapes of the risk area (a case's factors, the 民转刑 list of cases and people, counts per place), shared
// with the web app. No database imports.
import { z } from "zod";
import { CASE_STATUSES } from "../cases/statuses.js";
import { PersonView } from "../people/views.js";
import { RISK_LEVELS } from "./levels.js";

export { RISK_LEVELS, RISK_LEVEL_NAMES, RISK_FACTOR_NAMES, type RiskLevel } from "./levels.js";

/** One reason behind a case's colour (levels.ts RiskFactor). The key stays a string so a new rule never breaks a view. */
export const RiskFactorView = z.object({
  factor: z.string(),
  label: z.string(),
  detail: z.string(),
  points: z.number(),
  hard: z.boolean().optional(),
});
export type RiskFactorView = z.infer<typeof RiskFactorView>;

/** What every case view carries about its risk: null until the rules have scored the case. */
export const CaseRiskFields = {
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  riskScore: z.number().nullable(),
  riskFactors: z.array(RiskFactorView),
  riskScoredAt: z.string().nullable(),
};

/** A row of the 民转刑 list: a case most at risk, where it is, who leads it, and its open warnings. */
export const RiskCaseRow = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  riskLevel: z.enum(RISK_LEVELS),
  riskScore: z.number().nullable(),
  /** The factors with the most points, highest first (all of them are in riskFactors). */
  topFactors: z.array(RiskFactorView),
  riskFactors: z.array(RiskFactorView),
  regionName: z.string(),
  communityName: z.string().nullable(),
  gridName: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  lastReportedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  openWarnings: z.number(),
});
export type RiskCaseRow = z.infer<typeof RiskCaseRow>;
export const RiskCaseListView = z.object({ items: z.array(RiskCaseRow) });

/** A person most at risk: numbers masked as everywhere (PersonView), their cases counted within the viewer's scope. */
export const RiskPersonRow = z.object({
  person: PersonView,
  caseCount: z.number(),
  redCount: z.number(),
  yellowCount: z.number(),
  /** The highest colour among the counted cases; null when none is scored. */
  topLevel: z.enum(RISK_LEVELS).nullable(),
  topScore: z.number().nullable(),
  lastReportedAt: z.string().nullable(),
  /** The riskiest of the counted cases, at most three. */
  cases: z.array(z.object({ id: z.number(), code: z.string(), title: z.string(), riskLevel: z.enum(RISK_LEVELS).nullable() })),
});
export type RiskPersonRow = z.infer<typeof RiskPersonRow>;
export const RiskPeopleListView = z.object({ items: z.array(RiskPersonRow), since: z.string() });

/** Cases per colour in one place (a community, or a grid when counting inside a community). */
export const RiskSummaryRow = z.object({
  code: z.string().nullable(),
  name: z.string(),
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  unscored: z.number(),
});
export type RiskSummaryRow = z.infer<typeof RiskSummaryRow>;
export const RiskSummaryView = z.object({ by: z.enum(["community", "grid"]), items: z.array(RiskSummaryRow) });
