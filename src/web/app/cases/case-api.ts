// Cases on the server: the list (paged by id, newest first), one case with its records and the evidence that placed
// them, the possible-duplicates queue, and staff corrections (merge, split, undo, category, duplicate decisions).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CategoryCode } from "../../../cases/categories.js";
import type { CaseDetailView, CaseSummaryView, DuplicateView, EvidenceView } from "../../../cases/views.js";
import { api } from "../api.js";

export type CaseSummary = z.infer<typeof CaseSummaryView>;
export type CaseDetail = z.infer<typeof CaseDetailView>;
export type CaseRecord = CaseDetail["records"][number];
export type CaseChange = CaseDetail["changes"][number];
export type Duplicate = z.infer<typeof DuplicateView>;
export type Evidence = z.infer<typeof EvidenceView>;
export type CaseStatus = CaseSummary["status"];
export type DuplicateStatus = Duplicate["status"];

export interface CaseFilter {
  status?: CaseStatus;
  category?: CategoryCode;
  /** Only cases of this risk colour. */
  risk?: "red" | "yellow" | "green";
  /** Only cases whose dispute type is too uncertain to route (待分类). */
  triage?: boolean;
  /** Part of the title, or a whole case code. */
  q?: string;
}

interface CasePage {
  items: CaseSummary[];
  nextBefore: number | null;
}

/** `before` is the id the page starts below; undefined for the newest. */
export function useCases(filter: CaseFilter, before: number | undefined, limit = 50) {
  return useQuery({
    queryKey: ["cases", "list", filter, before, limit],
    // The server reads any `triage` value as true: send it only when it is on.
    queryFn: () => api.get<CasePage>("/api/cases", { ...filter, triage: filter.triage || undefined, before, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Cases whose title holds the text, or whose code is it: for picking a case to merge into. */
export function searchCases(q: string) {
  return api.get<CasePage>("/api/cases", { q, limit: 10 }).then((p) => p.items);
}

export function getCase(id: number) {
  return api.get<CaseDetail>(`/api/cases/${id}`);
}

export function useCase(id: number) {
  return useQuery({ queryKey: ["cases", "detail", id], queryFn: () => getCase(id), enabled: Number.isFinite(id) });
}

export function useDuplicates(status: DuplicateStatus) {
  return useQuery({
    queryKey: ["cases", "duplicates", status],
    queryFn: () => api.get<{ items: Duplicate[] }>("/api/case-duplicates", { status }).then((r) => r.items),
  });
}

interface ChangeResult {
  ok: true;
  changeId: number | null;
  /** The case that carries on: the one merged into, the one split off, the one restored. */
  caseId: number;
}

/**
 * A correction changes several cases at once (and the queue): every case query is refreshed after it — except the
 * case the correction made disappear (merged into another), which would answer 404 while its page moves on.
 */
function useCaseMutation<V, R>(fn: (v: V) => Promise<R>, gone?: (v: V) => number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_r, v) => {
      const goneId = gone?.(v);
      return client.invalidateQueries({ queryKey: ["cases"], predicate: (q) => !(goneId !== undefined && q.queryKey[1] === "detail" && q.queryKey[2] === goneId) });
    },
  });
}

export function useMergeCase() {
  return useCaseMutation(
    (v: { id: number; intoCaseId: number; reason: string }) => api.post<ChangeResult>(`/api/cases/${v.id}/merge`, { intoCaseId: v.intoCaseId, reason: v.reason }),
    (v) => v.id,
  );
}

export function useSplitCase() {
  return useCaseMutation((v: { id: number; recordIds: number[]; reason: string }) =>
    api.post<ChangeResult>(`/api/cases/${v.id}/split`, { recordIds: v.recordIds, reason: v.reason }),
  );
}

/** Undoing a split folds the split-off case back into its source; undoing a merge brings the merged case back. */
export function useUndoChange() {
  return useCaseMutation(
    (change: CaseChange) => api.post<ChangeResult>(`/api/case-changes/${change.id}/undo`),
    (change) => (change.kind === "split" ? change.toCaseId : undefined),
  );
}

export function useCorrectCategory() {
  return useCaseMutation((v: { id: number; category: CategoryCode; reason: string }) =>
    api.post<ChangeResult>(`/api/cases/${v.id}/category`, { category: v.category, reason: v.reason }),
  );
}

/** Confirming merges the record's case into the candidate. */
export function useDecideDuplicate() {
  return useCaseMutation(
    (v: { duplicate: Duplicate; decision: "confirm" | "reject"; reason: string }) =>
      api.post<{ id: number; status: "confirmed" | "rejected"; changeId: number | null }>(`/api/case-duplicates/${v.duplicate.id}/decide`, {
        decision: v.decision,
        reason: v.reason,
      }),
    (v) => (v.decision === "confirm" ? v.duplicate.caseId : undefined),
  );
}
