import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../../../accounts/roles.js";
import type { AccountView } from "../../../accounts/views.js";
import { api } from "../api.js";

export type { AccountView };

export interface AccountCreateBody {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  regionCode?: string;
  password: string;
}

export interface AccountPatchBody {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  regionCode?: string;
  disabled?: boolean;
  unlock?: true;
}

const ACCOUNTS_KEY = ["accounts"];

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => api.get<{ items: AccountView[] }>("/api/accounts"), select: (d) => d.items });
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountCreateBody) => api.post<AccountView>("/api/accounts", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function usePatchAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AccountPatchBody }) => api.patch<AccountView>(`/api/accounts/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => api.post<{ ok: true }>(`/api/accounts/${id}/password`, { password }),
  });
}
