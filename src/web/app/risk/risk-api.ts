// The 民转刑 list on the server: cases and people most at risk, and cases per colour per place (all within scope).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { RiskCaseListView, RiskPeopleListView, RiskSummaryView } from "../../../risk/views.js";
import { api } from "../api.js";

export type { RiskCaseRow, RiskFactorView as RiskFactor, RiskPersonRow, RiskSummaryRow } from "../../../risk/views.js";

export interface RiskFilter {
  /** A community or grid (or the street): only cases placed under it. */
  regionCode?: string;
  level?: "red" | "yellow";
}

export function useRiskCases(filter: RiskFilter, limit = 200) {
  return useQuery({
    queryKey: ["risk", "cases", filter, limit],
    queryFn: () => api.get<z.infer<typeof RiskCaseListView>>("/api/risk/cases", { ...filter, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useRiskPeople(regionCode: string | undefined, limit = 100) {
  return useQuery({
    queryKey: ["risk", "people", regionCode, limit],
    queryFn: () => api.get<z.infer<typeof RiskPeopleListView>>("/api/risk/people", { regionCode, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useRiskSummary(regionCode: string | undefined, by: "community" | "grid") {
  return useQuery({
    queryKey: ["risk", "summary", regionCode, by],
    queryFn: () => api.get<z.infer<typeof RiskSummaryView>>("/api/risk/summary", { regionCode, by }),
    placeholderData: keepPreviousData,
  });
}
