// The mediation force's calls: the public directory and profile, the staff list, and edits.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  DirectoryFacets, DirectoryQuery, MediatorInput, MediatorPatch, MediatorPublicView, MediatorStaffView,
} from "../../../../mediation/force/views.js";
import { api } from "../../api.js";

export type { DirectoryFacets, MediatorPublicView, MediatorStaffView };
export type DirectoryFilter = Partial<z.output<typeof DirectoryQuery>>;
export type MediatorInputBody = z.input<typeof MediatorInput>;
export type MediatorPatchBody = z.input<typeof MediatorPatch>;
type Page<T> = { items: T[]; total: number };
export type DirectorySort = z.output<typeof DirectoryQuery>["sort"];

const KEY = ["mediators"];

export function useDirectory(filter: DirectoryFilter) {
  return useQuery({
    queryKey: [...KEY, "directory", filter],
    queryFn: () => api.get<Page<MediatorPublicView>>("/api/mediators/directory", filter),
    placeholderData: keepPreviousData,
  });
}

export function useDirectoryFacets() {
  return useQuery({ queryKey: [...KEY, "facets"], queryFn: () => api.get<DirectoryFacets>("/api/mediators/directory/facets"), staleTime: 5 * 60_000 });
}

export function useMediatorProfile(id: number) {
  return useQuery({ queryKey: [...KEY, "profile", id], queryFn: () => api.get<MediatorPublicView>(`/api/mediators/${id}/profile`) });
}

export function useStaffMediators(filter: DirectoryFilter & { active?: "true" | "false" | "all" }) {
  return useQuery({
    queryKey: [...KEY, "staff", filter],
    queryFn: () => api.get<Page<MediatorStaffView>>("/api/mediators", filter),
    placeholderData: keepPreviousData,
  });
}

export function useSaveMediator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: number; body: MediatorInputBody | MediatorPatchBody }) =>
      v.id ? api.patch<MediatorStaffView>(`/api/mediators/${v.id}`, v.body) : api.post<MediatorStaffView>("/api/mediators", v.body),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
