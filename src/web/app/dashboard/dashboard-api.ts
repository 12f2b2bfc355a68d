// What the command dashboard reads: existing endpoints only, each refreshed every minute while the page is visible, and
// each asked only when the user may read it (a mediator has the risk list but not warnings, say).
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { CaseStatus } from "../../../cases/statuses.js";
import type { FollowUpListView } from "../../../follow-ups/views.js";
import type { KeyIndexTable } from "../../../key-index/views.js";
import type { RiskCaseListView, RiskPeopleListView, RiskSummaryView } from "../../../risk/views.js";
import type { SupervisionStatsView } from "../../../supervision/views.js";
import type { WarningListView } from "../../../warnings/views.js";
import { api } from "../api.js";
import type { Action } from "../../../accounts/permissions.js";
import { useCan } from "../session.js";

export const REFRESH_MS = 60_000;
/** The people list writes an audit entry (person.list) on every call: refreshed less often than the rest. */
const PEOPLE_REFRESH_MS = 5 * 60_000;
export const TOP_N = 10;
/** Cases counted per status on the dashboard; beyond this many the figure shows "200+". */
export const CASE_COUNT_CAP = 200;

/**
 * One of the dashboard's reads: asked only when the user may (`action`), refreshed every `every` ms while the page is
 * visible, `select` shaping what the page gets.
 */
function useDashQuery<T, S = T>(key: string[], action: Action, read: () => Promise<T>, opts: { select?: (d: T) => S; every?: number } = {}) {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", ...key],
    queryFn: read,
    enabled: can(action),
    select: opts.select,
    refetchInterval: opts.every ?? REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export const useDashRiskSummary = () =>
  useDashQuery(["risk-summary"], "risk.read", () => api.get<z.infer<typeof RiskSummaryView>>("/api/risk/summary", { by: "community" }));

// Red first, then by points (the server's order); yellow fills the list when there are fewer than ten red.
export const useDashRiskCases = () => useDashQuery(["risk-cases"], "risk.read", () => api.get<z.infer<typeof RiskCaseListView>>("/api/risk/cases", { limit: TOP_N }));

export const useDashRiskPeople = () =>
  useDashQuery(["risk-people"], "risk.read", () => api.get<z.infer<typeof RiskPeopleListView>>("/api/risk/people", { limit: TOP_N }), { every: PEOPLE_REFRESH_MS });

// The counts per status come with any page; the newest 30 are enough to find the latest open ones.
export const useDashWarnings = () => useDashQuery(["warnings"], "warnings.read", () => api.get<WarningListView>("/api/warnings", { limit: 30 }));

// No period: the server takes this year to date against the same days last year.
export const useDashKeyIndex = () => useDashQuery(["key-index"], "keyindex.read", () => api.get<KeyIndexTable>("/api/key-index", { group: "community" }));

export const useDashFollowUps = () =>
  useDashQuery(["follow-ups"], "followups.read", () => api.get<FollowUpListView>("/api/follow-ups", { limit: 1 }), { select: (d) => d.counts });

export const useDashSupervision = () =>
  useDashQuery(["supervision"], "tasks.read", () => api.get<z.infer<typeof SupervisionStatsView>>("/api/supervision/stats"), {
    select: (d) => d.units.reduce((s, u) => ({ open: s.open + u.open + u.escalated, overdue: s.overdue + u.overdue }), { open: 0, overdue: 0 }),
  });

export interface CappedCount {
  n: number;
  /** There are more than n. */
  more: boolean;
}

/** Cases in one status, counted from the list (which has no total): exact up to CASE_COUNT_CAP. */
export const useDashCaseCount = (status: CaseStatus) =>
  useDashQuery(["cases", status], "cases.read", () => api.get<{ items: unknown[]; nextBefore: number | null }>("/api/cases", { status, limit: CASE_COUNT_CAP }), {
    select: (d): CappedCount => ({ n: d.items.length, more: d.nextBefore !== null }),
  });
