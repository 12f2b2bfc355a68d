// A person's history: their cases and their records across channels, within the viewer's scope (numbers masked).
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { PersonHistoryView } from "../../../people/history-routes.js";
import { api } from "../api.js";

export type PersonHistory = z.infer<typeof PersonHistoryView>;

export function usePersonHistory(id: number) {
  return useQuery({
    queryKey: ["people", "history", id],
    queryFn: () => api.get<PersonHistory>(`/api/people/${id}/history`),
    enabled: Number.isFinite(id),
  });
}
