// Routing on the server: the responsibility matrix and its versions, a case's routing history with the moves staff
// may make, and the case's linked-workflow checklist.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { HandlingLevel } from "../../../tasks/states.js";
import type { CaseRoutingView, MatrixInput, MatrixView, RoutingResult, RuleView, VersionView, WorkflowStepView, WorkflowView } from "../../../routing/views.js";
import { api } from "../api.js";

export type Matrix = z.infer<typeof MatrixView>;
export type MatrixRule = z.infer<typeof RuleView>;
export type MatrixVersion = z.infer<typeof VersionView>;
export type MatrixBody = z.input<typeof MatrixInput>;
export type RuleBody = MatrixBody["rules"][number];
export type CaseRouting = z.infer<typeof CaseRoutingView>;
export type Routing = CaseRouting["routings"][number];
export type WorkflowStep = z.infer<typeof WorkflowStepView>;
type Routed = z.infer<typeof RoutingResult>;

const MATRIX_KEY = ["routing", "matrix"];

/** The matrix in force, or an earlier version by its number. */
export function useMatrix(version?: number) {
  return useQuery({ queryKey: [...MATRIX_KEY, version ?? "current"], queryFn: () => api.get<Matrix>("/api/routing/matrix", { version }) });
}

export function useMatrixVersions() {
  return useQuery({ queryKey: [...MATRIX_KEY, "versions"], queryFn: () => api.get<{ items: MatrixVersion[] }>("/api/routing/matrix/versions").then((r) => r.items) });
}

export function useSaveMatrix() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MatrixBody) => api.post<Matrix>("/api/routing/matrix", body),
    onSuccess: () => client.invalidateQueries({ queryKey: MATRIX_KEY }),
  });
}

export function useCaseRouting(caseId: number) {
  return useQuery({ queryKey: ["cases", "routing", caseId], queryFn: () => api.get<CaseRouting>(`/api/cases/${caseId}/routing`) });
}

export function useWorkflow(caseId: number) {
  return useQuery({
    queryKey: ["cases", "workflow", caseId],
    queryFn: () => api.get<z.infer<typeof WorkflowView>>(`/api/cases/${caseId}/workflow`).then((r) => r.steps),
  });
}

export type Move =
  | { kind: "route" }
  | { kind: "reroute"; unitId?: number | null; level?: HandlingLevel; reason: string }
  | { kind: "escalate"; reason: string }
  | { kind: "pushDown"; reason: string };

const MOVE_PATH: Record<Move["kind"], string> = { route: "route", reroute: "reroute", escalate: "escalate", pushDown: "push-down" };

/** Any move changes the case, its tasks and its timeline: every case query is refreshed after it. */
export function useMoveCase(caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: Move) => api.post<Routed>(`/api/cases/${caseId}/${MOVE_PATH[kind]}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["cases"] }),
  });
}

export function useCompleteStep(caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { stepId: number; note?: string }) => api.post<WorkflowStep>(`/api/workflow-steps/${v.stepId}/complete`, { note: v.note }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["cases", "workflow", caseId] }),
  });
}
