// GET /api/audit — the admin's view of the audit trail, filtered and paged.
import { and, desc, eq, gte, lte, ilike, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";
import { auditEvents } from "./schema.js";
import { AuditPage } from "./views.js";


export function registerAuditRoutes(app: App, services: Services) {
  app.get("/api/audit", {
    config: { auth: { permission: "audit.read" } },
    schema: {
      tags: ["audit"],
      summary: "审计日志",
      querystring: z.object({
        action: z.string().max(60).optional(),
        actor: z.string().max(60).optional(),
        subjectType: z.string().max(40).optional(),
        subjectId: z.string().max(60).optional(),
        correlationId: z.string().max(64).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: AuditPage },
    },
    handler: async (req) => {
      const q = req.query;
      const where: SQL[] = [];
      if (q.action) where.push(eq(auditEvents.action, q.action));
      if (q.actor) where.push(ilike(auditEvents.actorLabel, `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`));
      if (q.subjectType) where.push(eq(auditEvents.subjectType, q.subjectType));
      if (q.subjectId) where.push(eq(auditEvents.subjectId, q.subjectId));
      if (q.correlationId) where.push(eq(auditEvents.correlationId, q.correlationId));
      if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
      if (q.to) where.push(lte(auditEvents.at, new Date(q.to)));
      const rows = await services.db
        .select()
        .from(auditEvents)
        .where(and(...where))
        .orderBy(desc(auditEvents.id))
        .limit(q.pageSize + 1)
        .offset((q.page - 1) * q.pageSize);
      return {
        items: rows.slice(0, q.pageSize).map((r) => ({ ...r, at: r.at.toISOString() })),
        page: q.page,
        pageSize: q.pageSize,
        hasMore: rows.length > q.pageSize,
      };
    },
  });
}
