// What the API answers about notifications and webhooks; the web app imports the same schemas' types.
import { z } from "zod";
import { DELIVERY_STATUSES } from "./delivery-statuses.js";

export const NotificationView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.number().nullable(),
  taskId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  unreadCount: z.number(),
  nextBefore: z.number().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const WebhookView = z.object({
  id: z.number(),
  unitId: z.number(),
  url: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Deliveries still to be sent (or retried). */
  pending: z.number(),
  /** Deliveries given up after the last attempt. */
  failed: z.number(),
  lastDeliveredAt: z.string().nullable(),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const DeliveryView = z.object({
  id: z.number(),
  event: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type DeliveryView = z.infer<typeof DeliveryView>;
