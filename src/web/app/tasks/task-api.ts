// Tasks on the server: the inbox, the claim board, a case's tasks and timeline, and each step of a task.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CaseEventView, TaskView } from "../../../tasks/views.js";
import { api } from "../api.js";

export type Task = z.infer<typeof TaskView>;
export type CaseEvent = z.infer<typeof CaseEventView>;
export type TaskStep = "accept" | "start" | "report" | "resolve" | "return" | "verify" | "close" | "claim" | "assign";

export function useTasks(view: "mine" | "all", open: boolean) {
  return useQuery({ queryKey: ["tasks", "list", view, open], queryFn: () => api.get<{ items: Task[] }>("/api/tasks", { view, open, limit: 200 }) });
}

export function useClaimBoard() {
  return useQuery({ queryKey: ["tasks", "board"], queryFn: () => api.get<{ items: Task[] }>("/api/claim-board"), refetchInterval: 30_000 });
}

export function useCaseTasks(caseId: number) {
  return useQuery({ queryKey: ["tasks", "case", caseId], queryFn: () => api.get<{ items: Task[] }>(`/api/cases/${caseId}/tasks`) });
}

export function useCaseTimeline(caseId: number) {
  return useQuery({ queryKey: ["tasks", "timeline", caseId], queryFn: () => api.get<{ items: CaseEvent[] }>(`/api/cases/${caseId}/timeline`) });
}

/** One step of a task; afterwards every list of tasks and the case are fetched again. */
export function useTaskStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, step, body }: { taskId: number; step: TaskStep; body?: unknown }) => api.post<{ task: Task }>(`/api/tasks/${taskId}/${step}`, body ?? {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["tasks"] });
      void qc.invalidateQueries({ queryKey: ["cases"] });
    },
  });
}

export function usePostToBoard(caseId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { eligibleKinds: string[]; reason: string }) => api.post<{ task: Task }>(`/api/cases/${caseId}/post`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["tasks"] });
      void qc.invalidateQueries({ queryKey: ["cases"] });
    },
  });
}
