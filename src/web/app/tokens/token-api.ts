import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api.js";

export type { TokenView, TokenList } from "../../../accounts/views.js";
import type { TokenList } from "../../../accounts/views.js";

const TOKENS_KEY = ["tokens"];

export function useTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<TokenList>("/api/tokens") });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: string[]; channel: string | null }) => api.post<{ id: number; token: string }>("/api/tokens", body),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/api/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
