import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api.js";

export type { AuditEventView } from "../../../audit/views.js";
import type { AuditEventView } from "../../../audit/views.js";

export interface AuditFilter {
  action?: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditEventView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export function useAudit(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["audit", filter, page, pageSize],
    queryFn: () => api.get<AuditPage>("/api/audit", { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
