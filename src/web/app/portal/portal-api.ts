// The citizen portal on the server: filing through the portal form, and the citizen's own submissions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RowOutcomeView } from "../../../intake/views.js";
import type { SubmissionView } from "../../../portal/views.js";
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
