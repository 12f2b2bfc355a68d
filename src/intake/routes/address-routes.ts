// Addresses that did not resolve wait here; staff pick the place on the tree, every record with that address
// text is placed, and the resolver learns the text as an alias so the next one resolves by itself.
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { addressAliases, regionNodes } from "../../regions/schema.js";
import { streetNode } from "../../regions/street.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { cleanText } from "../normalise/text.js";
import { records } from "../schema.js";
import { UnresolvedAddressView } from "../views.js";

export function registerAddressRoutes(app: App, services: Services) {
  app.get("/api/intake/addresses/unresolved", {
    config: { auth: { permission: "intake.manage" } },
    schema: {
      tags: ["intake"],
      summary: "待定位地址（未能解析到区域树的地址）",
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(UnresolvedAddressView) }) },
    },
    handler: async (req) => {
      const street = await streetNode(services.db);
      authorize(req.actor, "intake.manage", street ? { regionPath: street.path } : null);
      const rows = await services.db
        .select({ addressText: records.addressText, n: sql<number>`count(*)::int`, last: sql<Date>`max(${records.reportedAt})` })
        .from(records)
        .where(and(eq(records.addressStatus, "unresolved"), eq(records.isCurrent, true), isNotNull(records.addressText)))
        .groupBy(records.addressText)
        .orderBy(desc(sql`count(*)`), desc(sql`max(${records.reportedAt})`))
        .limit(req.query.limit);
      return { items: rows.map((r) => ({ addressText: r.addressText!, records: r.n, lastReportedAt: new Date(r.last).toISOString() })) };
    },
  });

  app.post("/api/intake/addresses/place", {
    config: { auth: { permission: "intake.manage" } },
    schema: {
      tags: ["intake"],
      summary: "人工定位地址，并记住该地址写法",
      body: z.object({ addressText: z.string().trim().min(2).max(500), regionCode: z.string().trim().min(2).max(40) }),
      response: { 200: z.object({ placed: z.number(), alias: z.string(), regionCode: z.string(), regionName: z.string() }) },
    },
    handler: async (req) => {
      const result = await inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [node] = await ctx.tx.select().from(regionNodes).where(eq(regionNodes.code, req.body.regionCode));
        authorize(ctx.actor, "intake.manage", node ? { regionPath: node.path } : null);
        if (!["community", "grid", "micro_grid"].includes(node.level)) throw new AppError("VALIDATION_FAILED", "请选择村（社区）、网格或微网格");
        const alias = cleanText(req.body.addressText);
        await ctx.tx
          .insert(addressAliases)
          .values({ alias, regionNodeId: node.id, createdBy: ctx.actor.kind === "account" ? ctx.actor.username : "system" })
          .onConflictDoUpdate({ target: addressAliases.alias, set: { regionNodeId: node.id } });
        const placed = await ctx.tx
          .update(records)
          .set({
            regionNodeId: node.id,
            addressStatus: node.level === "micro_grid" ? "resolved" : "partial",
            addressConfidence: 0.85,
            addressEvidence: [`人工定位:${node.name}`],
          })
          .where(and(eq(records.addressText, req.body.addressText), eq(records.addressStatus, "unresolved"), eq(records.isCurrent, true)))
          .returning({ id: records.id });
        await recordAudit(ctx, { action: "address.place", subjectType: "address_alias", subjectId: alias, newValues: { regionCode: node.code, records: placed.length } });
        return { placed: placed.length, alias, regionCode: node.code, regionName: node.name };
      });
      services.intake.invalidate(); // the resolver learns the alias
      return result;
    },
  });
}
