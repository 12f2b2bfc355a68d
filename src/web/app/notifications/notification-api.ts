// Notifications and webhooks on the server. The bell polls every 30 s; webhooks belong to one unit.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeliveryView, NotificationPage, WebhookView } from "../../../notifications/views.js";
import { api } from "../api.js";

export type { DeliveryView, NotificationPage, WebhookView };
export type NotificationItem = NotificationPage["items"][number];

const NOTIFICATIONS_KEY = ["notifications"];
export const POLL_MS = 30_000;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => api.get<NotificationPage>("/api/notifications", { limit: 20 }),
    refetchInterval: POLL_MS,
    enabled,
    // A failed poll is not worth a message every 30 seconds; the next poll tries again.
    meta: { quiet: true },
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | "all") => api.post<{ ok: true; unreadCount: number }>(id === "all" ? "/api/notifications/read-all" : `/api/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

const hooksKey = (unitId: number) => ["webhooks", unitId];

export function useWebhooks(unitId: number | undefined) {
  return useQuery({
    queryKey: hooksKey(unitId ?? 0),
    queryFn: () => api.get<{ items: WebhookView[] }>(`/api/units/${unitId}/webhooks`).then((r) => r.items),
    enabled: unitId !== undefined,
  });
}

export function useDeliveries(webhookId: number | undefined) {
  return useQuery({
    queryKey: ["webhooks", "deliveries", webhookId],
    queryFn: () => api.get<{ items: DeliveryView[]; nextBefore: number | null }>(`/api/webhooks/${webhookId}/deliveries`, { limit: 100 }).then((r) => r.items),
    enabled: webhookId !== undefined,
    refetchInterval: POLL_MS,
  });
}

export function useWebhookActions(unitId: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ["webhooks"] });
  return {
    create: useMutation({
      mutationFn: (url: string) => api.post<{ webhook: WebhookView; secret: string }>(`/api/units/${unitId}/webhooks`, { url }),
      onSuccess: refresh,
    }),
    setActive: useMutation({
      mutationFn: (v: { id: number; active: boolean }) => api.patch<WebhookView>(`/api/webhooks/${v.id}`, { active: v.active }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete<{ ok: true }>(`/api/webhooks/${id}`), onSuccess: refresh }),
    test: useMutation({ mutationFn: (id: number) => api.post<{ deliveryId: number }>(`/api/webhooks/${id}/test`), onSuccess: refresh }),
  };
}
