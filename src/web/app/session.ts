// Who is logged in: GET /api/auth/me, cached by react-query; permissions come from the server.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { Action } from "../../accounts/permissions.js";
import type { Me } from "../../accounts/views.js";
import { api } from "./api.js";

export type { Me };
export interface MeResponse {
  me: Me;
  csrfToken: string | null;
}

export const ME_KEY = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => api.get<MeResponse>("/api/auth/me"), select: (d) => d.me, staleTime: 5 * 60_000 });
}

/** Whether the logged-in user may do an action; the rule itself lives on the server. */
export function useCan(): (action: Action | undefined) => boolean {
  const { data: me } = useMe();
  return (action) => action === undefined || Boolean(me?.permissions.includes(action));
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<MeResponse>("/api/auth/login", body),
    meta: { quiet: true },
    onSuccess: (data) => {
      client.clear();
      client.setQueryData(ME_KEY, data);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/auth/logout"),
    onSettled: () => {
      client.clear();
      navigate("/login", { replace: true });
    },
  });
}
