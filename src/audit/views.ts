// Response shapes of the audit view, shared with the web app.
import { z } from "zod";

export const AuditEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  oldValues: z.unknown(),
  newValues: z.unknown(),
  correlationId: z.string(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditPage = z.object({ items: z.array(AuditEventView), page: z.number(), pageSize: z.number(), hasMore: z.boolean() });
export type AuditPage = z.infer<typeof AuditPage>;
