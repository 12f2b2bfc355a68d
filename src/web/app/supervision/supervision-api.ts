// Supervision orders on the server: the scoped list, per-unit counts, one order with what the user may do with it,
// and the order's steps (issue, respond, close, escalate).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SupervisionListView, SupervisionOrderView, SupervisionStatsView } from "../../../supervision/views.js";
import type { SupervisionStatus } from "../../../supervision/statuses.js";
import type { z } from "zod";
import { api } from "../api.js";

export type SupervisionOrder = SupervisionOrderView;
export type SupervisionStats = z.infer<typeof SupervisionStatsView>;

export interface SupervisionFilter {
  status?: SupervisionStatus;
  unitId?: number;
  caseId?: number;
  overdue?: boolean;
}

const KEY = ["supervision"];

export function useSupervisionOrders(filter: SupervisionFilter, before: number | undefined, limit = 50) {
  return useQuery({
    queryKey: [...KEY, "list", filter, before, limit],
    queryFn: () => api.get<SupervisionListView>("/api/supervision", { ...filter, overdue: filter.overdue || undefined, before, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionStats() {
  return useQuery({ queryKey: [...KEY, "stats"], queryFn: () => api.get<SupervisionStats>("/api/supervision/stats"), select: (d) => d.units });
}

export function useSupervisionOrder(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, "detail", id], queryFn: () => api.get<SupervisionOrder>(`/api/supervision/${id}`), enabled: id !== undefined });
}

function useOrderMutation<V>(fn: (v: V) => Promise<SupervisionOrder>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The case's timeline shows every step of an order too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ["cases"] }), client.invalidateQueries({ queryKey: ["tasks"] })]),
  });
}

export function useIssueOrder() {
  return useOrderMutation((v: { caseId: number; unitId: number; taskId?: number | null; demand: string; dueAt: string }) =>
    api.post<SupervisionOrder>(`/api/cases/${v.caseId}/supervision`, { unitId: v.unitId, taskId: v.taskId ?? null, demand: v.demand, dueAt: v.dueAt }),
  );
}

export function useRespondToOrder() {
  return useOrderMutation((v: { id: number; response: string }) => api.post<SupervisionOrder>(`/api/supervision/${v.id}/respond`, { response: v.response }));
}

export function useCloseOrder() {
  return useOrderMutation((v: { id: number; note: string }) => api.post<SupervisionOrder>(`/api/supervision/${v.id}/close`, { note: v.note }));
}

export function useEscalateOrder() {
  return useOrderMutation((v: { id: number; toUnitId?: number | null; note: string }) =>
    api.post<SupervisionOrder>(`/api/supervision/${v.id}/escalate`, { toUnitId: v.toUnitId ?? null, note: v.note }),
  );
}
