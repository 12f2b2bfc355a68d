import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { UnitInput, UnitView } from "../../../units/views.js";
import { api } from "../api.js";

export type { UnitView };
export type UnitInputBody = z.input<typeof UnitInput>;
export type UnitPatchBody = Partial<Omit<UnitInputBody, "code">>;

const UNITS_KEY = ["units"];

export function useUnits() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: () => api.get<{ items: UnitView[] }>("/api/units"), select: (d) => d.items });
}

export function useSaveUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: number; body: UnitInputBody | UnitPatchBody }) =>
      v.id ? api.patch<UnitView>(`/api/units/${v.id}`, v.body) : api.post<UnitView>("/api/units", v.body),
    onSuccess: () => client.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}
