// Non-police transfers on the server: the scoped, filtered list with its summary figures.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CaseStatus } from "../../../cases/statuses.js";
import type { TransferList } from "../../../transfers/views.js";
import { api } from "../api.js";

export type { Transfer, TransferList, TransferSummary } from "../../../transfers/views.js";

export interface TransferFilter {
  from?: string;
  to?: string;
  status?: CaseStatus;
  community?: number;
}

export function useTransfers(filter: TransferFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["transfers", filter, page, pageSize],
    queryFn: () => api.get<TransferList>("/api/transfers", { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
