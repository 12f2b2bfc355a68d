// The deadline pages' server calls: the calendar, the time-limit rules, extensions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CalendarDayView, CalendarYearView, DeadlineRuleInput, DeadlineRuleView, ExtensionView } from "../../../deadlines/views.js";
import { api, apiError, networkError, requestHeaders } from "../api.js";

export type { CalendarDayView, CalendarYearView, DeadlineRuleInput, DeadlineRuleView, ExtensionView };

/** PUT with the same headers and error handling as api.ts (which has no put yet). */
async function put<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: "PUT", headers: { ...requestHeaders("PUT"), "content-type": "application/json" }, credentials: "same-origin", body: JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  const text = await res.text();
  if (!res.ok) throw apiError(res.status, res.statusText, text, res.headers.get("x-correlation-id"));
  return JSON.parse(text) as T;
}

const calendarKey = (year: number) => ["calendar", year];

export function useCalendar(year: number) {
  return useQuery({ queryKey: calendarKey(year), queryFn: () => api.get<CalendarYearView>("/api/calendar", { year }) });
}

export function useSetCalendarDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: { day: string; kind: "holiday" | "workday" | null; name: string }): Promise<void> => {
      if (v.kind) await put<CalendarDayView>(`/api/calendar/${v.day}`, { kind: v.kind, name: v.name });
      else await api.delete<{ ok: true }>(`/api/calendar/${v.day}`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["calendar"] }),
  });
}

const RULES_KEY = ["deadline-rules"];

export function useDeadlineRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api.get<{ items: DeadlineRuleView[] }>("/api/deadline-rules"), select: (d) => d.items });
}

export function useReplaceDeadlineRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: DeadlineRuleInput[]) => put<{ items: DeadlineRuleView[] }>("/api/deadline-rules", { rules }),
    onSuccess: (data) => client.setQueryData(RULES_KEY, data),
  });
}

const EXTENSIONS_KEY = ["extensions"];

export function useExtensions(query: { status?: "pending" | "approved" | "rejected"; taskId?: number }) {
  return useQuery({ queryKey: [...EXTENSIONS_KEY, query], queryFn: () => api.get<{ items: ExtensionView[] }>("/api/extensions", query), select: (d) => d.items });
}

export function useRequestExtension() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskId: number; stage: "accept" | "handle"; workingDays: number; reason: string }) =>
      api.post<ExtensionView>(`/api/tasks/${v.taskId}/extensions`, { stage: v.stage, workingDays: v.workingDays, reason: v.reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: EXTENSIONS_KEY }),
  });
}

export function useDecideExtension() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; approve: boolean; note: string }) => api.post<ExtensionView>(`/api/extensions/${v.id}/decide`, { approve: v.approve, note: v.note }),
    onSuccess: () => client.invalidateQueries({ queryKey: EXTENSIONS_KEY }),
  });
}
