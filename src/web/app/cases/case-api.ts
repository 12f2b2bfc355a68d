import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { CaseDetailView, CaseSummaryView } from "../../../cases/views.js";
import { api } from "../api.js";

export type CaseSummary = z.infer<typeof CaseSummaryView>;
export type CaseDetail = z.infer<typeof CaseDetailView>;
export type CaseStatus = CaseSummary["status"];

interface CasePage {
  items: CaseSummary[];
  nextBefore: number | null;
}

export function useCases(status: CaseStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ["cases", status ?? "all"],
    queryFn: ({ pageParam }) => api.get<CasePage>("/api/cases", { status, before: pageParam, limit: 50 }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: ["case", id], queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`), enabled: Number.isFinite(id) });
}
