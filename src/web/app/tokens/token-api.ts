import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api.js";

export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  channel: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface TokenList {
  items: TokenView[];
  scopes: { key: string; name: string }[];
}

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
