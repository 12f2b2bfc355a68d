// Follow-up visits on the server: my visits and the scoped list (with counts per tab), one visit, record, reassign,
// and the rules.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FollowUpListView, FollowUpRuleView, FollowUpVisitView, RecordVisitBody, VisitStatus, VisitWhen } from "../../../follow-ups/views.js";
import { api } from "../api.js";

export type Visit = FollowUpVisitView;
export type Rule = FollowUpRuleView;

export interface VisitFilter {
  mine: boolean;
  when: VisitWhen;
  status?: VisitStatus;
  region?: string;
}

const KEY = ["follow-ups"];

export function useVisits(filter: VisitFilter, before: number | undefined, limit = 50) {
  const { mine, ...query } = filter;
  return useQuery({
    queryKey: [...KEY, "list", filter, before, limit],
    queryFn: () => api.get<FollowUpListView>(mine ? "/api/follow-ups/mine" : "/api/follow-ups", { ...query, before, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: number | undefined) {
  return useQuery({ queryKey: [...KEY, "detail", id], queryFn: () => api.get<Visit>(`/api/follow-ups/${id}`), enabled: id !== undefined });
}

function useVisitMutation<V>(fn: (v: V) => Promise<Visit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A visit may reopen a case or open a new one: the case lists change too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ["cases"] })]),
  });
}

export function useRecordVisit() {
  return useVisitMutation((v: { id: number; body: RecordVisitBody }) => api.post<Visit>(`/api/follow-ups/${v.id}/record`, v.body));
}

export function useReassignVisit() {
  return useVisitMutation((v: { id: number; accountId?: number | null; unitId?: number | null; note?: string }) =>
    api.post<Visit>(`/api/follow-ups/${v.id}/reassign`, { accountId: v.accountId ?? null, unitId: v.unitId ?? null, note: v.note }),
  );
}

export function useRules(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, "rules"], queryFn: () => api.get<{ items: Rule[] }>("/api/follow-up-rules"), select: (d) => d.items, enabled });
}

export type RuleInput = Pick<Rule, "category" | "riskLevel" | "offsetsDays" | "active">;

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: number; rule: Partial<RuleInput> }) => (v.id ? api.patch<Rule>(`/api/follow-up-rules/${v.id}`, v.rule) : api.post<Rule>("/api/follow-up-rules", v.rule)),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, "rules"] }),
  });
}
