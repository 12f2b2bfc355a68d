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
import { useCan } from "../session.js";

export const REFRESH_MS = 60_000;
/** The people list writes an audit entry (person.list) on every call: refreshed less often than the rest. */
const PEOPLE_REFRESH_MS = 5 * 60_000;
export const TOP_N = 10;
/** Cases counted per status on the dashboard; beyond this many the figure shows "200+". */
export const CASE_COUNT_CAP = 200;

const live = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: false } as const;

export function useDashRiskSummary() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "risk-summary"],
    queryFn: () => api.get<z.infer<typeof RiskSummaryView>>("/api/risk/summary", { by: "community" }),
    enabled: can("risk.read"),
    ...live,
  });
}

export function useDashRiskCases() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "risk-cases"],
    // Red first, then by points (the server's order); yellow fills the list when there are fewer than ten red.
    queryFn: () => api.get<z.infer<typeof RiskCaseListView>>("/api/risk/cases", { limit: TOP_N }),
    enabled: can("risk.read"),
    ...live,
  });
}

export function useDashRiskPeople() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "risk-people"],
    queryFn: () => api.get<z.infer<typeof RiskPeopleListView>>("/api/risk/people", { limit: TOP_N }),
    enabled: can("risk.read"),
    refetchInterval: PEOPLE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export function useDashWarnings() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "warnings"],
    // The counts per status come with any page; the newest 30 are enough to find the latest open ones.
    queryFn: () => api.get<WarningListView>("/api/warnings", { limit: 30 }),
    enabled: can("warnings.read"),
    ...live,
  });
}

export function useDashKeyIndex() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "key-index"],
    // No period: the server takes this year to date against the same days last year.
    queryFn: () => api.get<KeyIndexTable>("/api/key-index", { group: "community" }),
    enabled: can("keyindex.read"),
    ...live,
  });
}

export function useDashFollowUps() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "follow-ups"],
    queryFn: () => api.get<FollowUpListView>("/api/follow-ups", { limit: 1 }),
    enabled: can("followups.read"),
    select: (d) => d.counts,
    ...live,
  });
}

export function useDashSupervision() {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "supervision"],
    queryFn: () => api.get<z.infer<typeof SupervisionStatsView>>("/api/supervision/stats"),
    enabled: can("tasks.read"),
    select: (d) =>
      d.units.reduce((s, u) => ({ open: s.open + u.open + u.escalated, overdue: s.overdue + u.overdue }), { open: 0, overdue: 0 }),
    ...live,
  });
}

export interface CappedCount {
  n: number;
  /** There are more than n. */
  more: boolean;
}

/** Cases in one status, counted from the list (which has no total): exact up to CASE_COUNT_CAP. */
export function useDashCaseCount(status: CaseStatus) {
  const can = useCan();
  return useQuery({
    queryKey: ["dashboard", "cases", status],
    queryFn: () => api.get<{ items: unknown[]; nextBefore: number | null }>("/api/cases", { status, limit: CASE_COUNT_CAP }),
    enabled: can("cases.read"),
    select: (d): CappedCount => ({ n: d.items.length, more: d.nextBefore !== null }),
    ...live,
  });
}
