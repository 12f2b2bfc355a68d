// The citizen portal on the server: filing through the portal form, and the citizen's own submissions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RowOutcomeView } from "../../../intake/views.js";
import type { CategoryCode } from "../../../cases/categories.js";
import type { LegalQuestionView, SubmissionView } from "../../../portal/views.js";
import { api } from "../api.js";

export interface PortalForm {
  narrative: string;
  address?: string;
  category?: string;
  reporterName?: string;
  reporterPhone?: string;
}

export function useMySubmissions() {
  return useQuery({
    queryKey: ["portal", "submissions"],
    queryFn: () => api.get<{ items: SubmissionView[] }>("/api/portal/submissions"),
    // Case formation runs in the background: look again shortly while a submission has not joined a case yet.
    refetchInterval: (q) => (q.state.data?.items.some((s) => !s.case) ? 5000 : false),
  });
}

export function useFileSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: PortalForm) => api.post<RowOutcomeView>("/api/intake/forms/portal", form),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["portal"] }),
  });
}

export function useMyQuestions() {
  return useQuery({ queryKey: ["portal", "questions"], queryFn: () => api.get<{ items: LegalQuestionView[] }>("/api/portal/questions") });
}

export function useAskQuestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; category?: CategoryCode }) => api.post<LegalQuestionView>("/api/portal/questions", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["portal", "questions"] }),
  });
}

/** The specialists' queue: open (longest waiting first) or answered. */
export function useQuestionQueue(status: "open" | "answered") {
  return useQuery({ queryKey: ["legal-questions", status], queryFn: () => api.get<{ items: LegalQuestionView[] }>("/api/legal-questions", { status }) });
}

export function useAnswerQuestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: number; answer: string }) => api.post<LegalQuestionView>(`/api/legal-questions/${id}/answer`, { answer }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["legal-questions"] }),
  });
}
