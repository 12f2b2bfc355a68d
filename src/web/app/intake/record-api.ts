// Channel records as intake made them: a list paged by id (newest first) and one record's detail.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { ChannelCode } from "../../../intake/channels.js";
import type { RecordDetailView, RecordSummaryView } from "../../../intake/views.js";
import { api } from "../api.js";

export type RecordSummary = z.infer<typeof RecordSummaryView>;
export type RecordDetail = z.infer<typeof RecordDetailView>;

export interface RecordFilter {
  channel?: ChannelCode;
  addressStatus?: RecordSummary["addressStatus"];
  flag?: string;
}

/** `before` is the id the page starts below; undefined for the newest. */
export function useRecords(filter: RecordFilter, before: number | undefined, limit: number) {
  return useQuery({
    queryKey: ["records", filter, before, limit],
    queryFn: () => api.get<{ items: RecordSummary[]; nextBefore: number | null }>("/api/records", { ...filter, before, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: number | undefined) {
  return useQuery({
    queryKey: ["records", "detail", id],
    queryFn: () => api.get<RecordDetail>(`/api/records/${id}`),
    enabled: id !== undefined,
  });
}
