// The key index on the server: the table for a grouping and period, and the cases behind a figure.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { KeyIndexGroup, KeyIndexKey } from "../../../key-index/formulas.js";
import type { KeyIndexCases, KeyIndexTable } from "../../../key-index/views.js";
import { api } from "../api.js";

export type { KeyIndexCases, KeyIndexRow, KeyIndexTable, Figure } from "../../../key-index/views.js";

export interface KeyIndexParams {
  group: KeyIndexGroup;
  from: string;
  to: string;
  community?: number;
}

export function useKeyIndex(p: KeyIndexParams) {
  return useQuery({
    queryKey: ["key-index", p],
    queryFn: () => api.get<KeyIndexTable>("/api/key-index", { ...p }),
    placeholderData: keepPreviousData,
  });
}

export interface DrillParams extends KeyIndexParams {
  /** The row's id; undefined for the total row. */
  id?: number;
  metric: KeyIndexKey;
}

export function useKeyIndexCases(p: DrillParams | undefined) {
  return useQuery({
    queryKey: ["key-index", "cases", p],
    queryFn: () => api.get<KeyIndexCases>("/api/key-index/cases", { ...p! }),
    enabled: p !== undefined,
  });
}
