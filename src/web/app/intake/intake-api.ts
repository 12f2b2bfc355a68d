// Intake's data: batches, the quarantine list and its fixes, and the addresses waiting to be placed.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ChannelCode } from "../../../intake/channels.js";
import type { QuarantineReason } from "../../../intake/draft.js";
import type { BatchView, QuarantinedRowView, RowOutcomeView, UnresolvedAddressView, UploadResult } from "../../../intake/views.js";
import { api } from "../api.js";

export type Batch = z.infer<typeof BatchView>;
export type Counts = Batch["counts"];
export type UploadSummary = z.infer<typeof UploadResult>;
export type QuarantinedRow = z.infer<typeof QuarantinedRowView>;
export type RowOutcome = z.infer<typeof RowOutcomeView>;
export type UnresolvedAddress = z.infer<typeof UnresolvedAddressView>;

export const INTAKE_KEY = ["intake"];
const BATCHES_KEY = [...INTAKE_KEY, "batches"];

/** `pollMs` while an upload runs, so its batch's counts can be watched growing. */
export function useBatches(pollMs?: number) {
  return useQuery({
    queryKey: BATCHES_KEY,
    queryFn: () => api.get<{ items: Batch[] }>("/api/intake/batches"),
    select: (d) => d.items,
    refetchInterval: pollMs ?? false,
  });
}

export interface QuarantineFilter {
  status: QuarantinedRow["status"];
  channel?: ChannelCode;
  reason?: QuarantineReason;
  batchId?: number;
}

export function useQuarantine(filter: QuarantineFilter, offset: number, limit: number) {
  return useQuery({
    queryKey: [...INTAKE_KEY, "quarantine", filter, offset, limit],
    queryFn: () => api.get<{ items: QuarantinedRow[]; hasMore: boolean }>("/api/intake/quarantine", { ...filter, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Intake writes change batches, the quarantine list, addresses and records alike: all are fetched again. */
function useIntakeMutation<V, R>(fn: (v: V) => Promise<R>, quiet = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { quiet },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: INTAKE_KEY }), client.invalidateQueries({ queryKey: ["records"] })]),
  });
}

/** Quiet: a fix that still fails is shown inside the dialog, with the row kept open. */
export function useResubmit() {
  return useIntakeMutation(
    (v: { id: number; text: string; channel?: ChannelCode }) =>
      api.post<{ outcome: RowOutcome; row: QuarantinedRow }>(`/api/intake/quarantine/${v.id}/resubmit`, { text: v.text, channel: v.channel }),
    true,
  );
}

export function useDismiss() {
  return useIntakeMutation((v: { id: number; note: string }) => api.post<QuarantinedRow>(`/api/intake/quarantine/${v.id}/dismiss`, { note: v.note }));
}

export function useUnresolvedAddresses() {
  return useQuery({
    queryKey: [...INTAKE_KEY, "addresses"],
    queryFn: () => api.get<{ items: UnresolvedAddress[] }>("/api/intake/addresses/unresolved"),
    select: (d) => d.items,
  });
}

export interface Placed {
  placed: number;
  alias: string;
  regionCode: string;
  regionName: string;
}

export function usePlaceAddress() {
  return useIntakeMutation((v: { addressText: string; regionCode: string }) => api.post<Placed>("/api/intake/addresses/place", v));
}
