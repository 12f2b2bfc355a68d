import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../api.js";

export interface AuditEventView {
  id: number;
  at: string;
  actorKind: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  oldValues: unknown;
  newValues: unknown;
  correlationId: string;
  ip: string | null;
}

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
