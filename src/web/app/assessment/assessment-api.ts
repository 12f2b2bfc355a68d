// The assessment ledger on the server: the rules table, totals with ranking, entries, and the Excel export's address.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { EntriesPageView, LedgerEntryView, LedgerTotalView, RuleView, TotalsView } from "../../../assessment/views.js";
import { api, withQuery } from "../api.js";

export type { LedgerEntryView, LedgerTotalView, RuleView };

export interface TotalsQuery {
  period: "month" | "year";
  by: "unit" | "community" | "account";
  year: number;
  month?: number;
}

export interface EntryFilter {
  unitId?: number;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
}

export function useRules() {
  return useQuery({ queryKey: ["assessment", "rules"], queryFn: () => api.get<{ items: RuleView[] }>("/api/assessment/rules"), select: (d) => d.items, staleTime: 10 * 60_000 });
}

export function useTotals(q: TotalsQuery) {
  return useQuery({ queryKey: ["assessment", "totals", q], queryFn: () => api.get<TotalsView>("/api/assessment/totals", { ...q }), placeholderData: keepPreviousData });
}

export function useEntries(filter: EntryFilter, before: number | undefined, limit = 50) {
  return useQuery({
    queryKey: ["assessment", "entries", filter, before, limit],
    queryFn: () => api.get<EntriesPageView>("/api/assessment/entries", { ...filter, before, limit }),
    placeholderData: keepPreviousData,
  });
}

/** The workbook downloads through a plain link: the browser streams it to disk. */
export function exportUrl(q: { year: number; month?: number }): string {
  return withQuery("/api/assessment/export.xlsx", { year: q.year, month: q.month });
}
