// The region tree's data: the account's scope root, and any node with its children.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { RegionNodeDetail } from "../../../regions/views.js";
import { api } from "../api.js";

export type { RegionNodeDetail, RegionNodeView } from "../../../regions/views.js";

export const regionRootQuery = { queryKey: ["regions", "root"], queryFn: () => api.get<RegionNodeDetail>("/api/regions/root"), staleTime: 10 * 60_000 };

export function regionNodeQuery(code: string) {
  return { queryKey: ["regions", code], queryFn: () => api.get<RegionNodeDetail>(`/api/regions/${encodeURIComponent(code)}`), staleTime: 10 * 60_000 };
}

export function useRegionRoot() {
  return useQuery(regionRootQuery);
}

export function useRegionNode(code: string | undefined) {
  return useQuery({ ...regionNodeQuery(code ?? ""), enabled: Boolean(code) });
}

export function fetchRegionNode(client: QueryClient, code: string) {
  return client.fetchQuery(regionNodeQuery(code));
}
