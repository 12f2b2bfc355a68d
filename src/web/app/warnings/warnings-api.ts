// Warnings on the server: the scoped list with counts per status, one warning with what the user may do now, and the
// loop's steps (acknowledge, feedback, supervise, close).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WarningLevel, WarningStatus, WarningTrigger } from "../../../warnings/states.js";
import type { WarningDetailView, WarningListView } from "../../../warnings/views.js";
import { api } from "../api.js";

export type WarningDetail = WarningDetailView;

export interface WarningFilter {
  status?: WarningStatus;
  trigger?: WarningTrigger;
  level?: WarningLevel;
}

const KEY = ["warnings"];

export function useWarnings(filter: WarningFilter, before: number | undefined, limit = 50) {
  return useQuery({
    queryKey: [...KEY, "list", filter, before, limit],
    queryFn: () => api.get<WarningListView>("/api/warnings", { ...filter, before, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useWarning(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, "detail", id], queryFn: () => api.get<WarningDetail>(`/api/warnings/${id}`), enabled: id !== undefined });
}

function useWarningStep<V extends { id: number }>(path: string, body: (v: V) => object) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => api.post<WarningDetail>(`/api/warnings/${v.id}/${path}`, body(v)),
    // The case's timeline and the supervision orders show the steps too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ["cases"] }), client.invalidateQueries({ queryKey: ["supervision"] })]),
  });
}

export const useAcknowledgeWarning = () => useWarningStep<{ id: number }>("acknowledge", () => ({}));
export const useWarningFeedback = () => useWarningStep<{ id: number; measures: string }>("feedback", (v) => ({ measures: v.measures }));
export const useSuperviseWarning = () =>
  useWarningStep<{ id: number; unitId: number; demand: string; dueAt: string }>("supervise", (v) => ({ unitId: v.unitId, demand: v.demand, dueAt: v.dueAt }));
export const useCloseWarning = () => useWarningStep<{ id: number; outcome: string }>("close", (v) => ({ outcome: v.outcome }));
