// Team formation on the server: a case's proposal and team, assigning and releasing, trusted-mediator requests.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CaseTeamView, MediatorRequestView, ProposalView } from "../../../../mediation/teams/views.js";
import { api, withQuery } from "../../api.js";

export type Proposal = z.infer<typeof ProposalView>;
export type CaseTeam = z.infer<typeof CaseTeamView>;
export type MediatorRequest = z.infer<typeof MediatorRequestView>;

export function useCaseTeam(caseId: number) {
  return useQuery({ queryKey: ["mediation", "team", caseId], queryFn: () => api.get<CaseTeam>(`/api/cases/${caseId}/team`) });
}

export function useProposal(caseId: number, size: number, enabled: boolean) {
  return useQuery({ queryKey: ["mediation", "proposal", caseId, size], queryFn: () => api.get<Proposal>(`/api/cases/${caseId}/team-proposal`, { size }), enabled });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ["mediation"] });
    void qc.invalidateQueries({ queryKey: ["tasks", "timeline"] });
  };
}

export function useAssignTeam(caseId: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { members: { mediatorId: number; role: "lead" | "member" }[]; formedBy: "proposal" | "staff" }) => api.post<CaseTeam>(`/api/cases/${caseId}/team`, body),
    onSuccess: done,
  });
}

export function useReleaseTeam(caseId: number) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.delete<CaseTeam>(withQuery(`/api/cases/${caseId}/team`, { reason })), onSuccess: done });
}

export function useRequestMediator(caseId: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { mediatorId: number; note: string; onBehalfOf?: string }) => api.post<MediatorRequest>(`/api/cases/${caseId}/mediator-requests`, body),
    onSuccess: done,
  });
}

export function useMyRequests(status?: "pending" | "accepted" | "declined") {
  return useQuery({ queryKey: ["mediation", "requests", status ?? "all"], queryFn: () => api.get<{ items: MediatorRequest[] }>("/api/mediator-requests", { status }) });
}

export function useDecideRequest() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, accept, note }: { id: number; accept: boolean; note?: string }) => api.post<MediatorRequest>(`/api/mediator-requests/${id}/decide`, { accept, note }),
    onSuccess: done,
  });
}

/** Mediators to pick from, by name, through the public directory (no contact data). */
export function useMediatorSearch(q: string, field: string | null) {
  return useQuery({
    queryKey: ["mediation", "pick", q, field],
    queryFn: () => api.get<{ items: { id: number; name: string; kindName: string; gradeName: string; homeCommunityName: string | null }[] }>("/api/mediators/directory", { q: q || undefined, field: q ? undefined : field, limit: 30 }),
  });
}
