// Mediation of one case on the server: the funnel, sessions, agreements, judicial confirmation and referrals.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AgreementView } from "../../../../mediation/agreements/views.js";
import type { FunnelView } from "../../../../mediation/funnel/views.js";
import type { MediationStage } from "../../../../mediation/kinds.js";
import type { DossierView, ReferralView } from "../../../../mediation/referrals/views.js";
import type { SessionView } from "../../../../mediation/sessions/views.js";
import { api } from "../../api.js";

export type Funnel = FunnelView;
export type Session = SessionView;
export type Agreement = AgreementView;
export type Referral = ReferralView;
export type Dossier = z.infer<typeof DossierView>;

export const useFunnel = (caseId: number) =>
  useQuery({ queryKey: ["mediation", caseId, "funnel"], queryFn: () => api.get<Funnel>(`/api/cases/${caseId}/mediation-stage`) });
export const useSessions = (caseId: number) =>
  useQuery({ queryKey: ["mediation", caseId, "sessions"], queryFn: () => api.get<{ items: Session[] }>(`/api/cases/${caseId}/sessions`) });
export const useAgreements = (caseId: number) =>
  useQuery({ queryKey: ["mediation", caseId, "agreements"], queryFn: () => api.get<{ items: Agreement[] }>(`/api/cases/${caseId}/agreements`) });
export const useReferrals = (caseId: number) =>
  useQuery({ queryKey: ["mediation", caseId, "referrals"], queryFn: () => api.get<{ items: Referral[] }>(`/api/cases/${caseId}/referrals`) });
export const useAgreement = (id: number) => useQuery({ queryKey: ["agreement", id], queryFn: () => api.get<Agreement>(`/api/agreements/${id}`) });
export const useDossier = (referralId: number | null) =>
  useQuery({ queryKey: ["referral", referralId, "dossier"], queryFn: () => api.get<Dossier>(`/api/referrals/${referralId}/dossier`), enabled: referralId != null });
export const useMySessions = (from: string) =>
  useQuery({ queryKey: ["mediation", "mine", from], queryFn: () => api.get<{ items: Session[] }>("/api/mediation/my-sessions", { from }) });

/** Any change to a case's mediation: everything about the case is fetched again (the timeline too). */
export function useMediationAction(caseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: "POST" | "PATCH"; path: string; body?: unknown }) =>
      method === "POST" ? api.post<unknown>(path, body ?? {}) : api.patch<unknown>(path, body ?? {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["mediation", caseId] });
      void qc.invalidateQueries({ queryKey: ["agreement"] });
      void qc.invalidateQueries({ queryKey: ["tasks", "timeline", caseId] });
      void qc.invalidateQueries({ queryKey: ["cases"] });
    },
  });
}

export type StageMove = { to: MediationStage; reason?: string };
