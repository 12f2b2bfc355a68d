// A delivery's states, defined once for the table, the API and the web app.
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_NAMES: Record<DeliveryStatus, string> = {
  pending: "待发送",
  delivered: "已送达",
  failed: "已放弃",
};
