// Risk over HTTP: the 民转刑 list of cases and of people, and cases per colour per place. Every list is filtered by
// the viewer's scope in SQL; a place outside it (or unknown) simply lists nothing.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import type { DbOrTx } from "../db/client.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { listRiskCases, listRiskPeople, PEOPLE_WINDOW_DAYS, riskSummary } from "./risk-list.js";
import { RiskCaseListView, RiskPeopleListView, RiskSummaryView } from "./views.js";

const RegionCode = z.string().trim().min(1).max(40).optional();
const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

/** The path of the region with this code: undefined when none is asked for, null when there is no such region. */
async function regionPathOf(db: DbOrTx, code: string | undefined): Promise<string | undefined | null> {
  if (!code) return undefined;
  const [node] = await db.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.code, code));
  return node?.path ?? null;
}

export function registerRiskRoutes(app: App, services: Services) {
  app.get("/api/risk/cases", {
    config: { auth: { permission: "risk.read" } },
    schema: {
      tags: ["risk"],
      summary: "民转刑重点案件：红色在前，再按风险分（在办及近90天结案，本辖区内）",
      querystring: z.object({ regionCode: RegionCode, level: z.enum(["red", "yellow"]).optional(), limit: Limit(500, 100) }),
      response: { 200: RiskCaseListView },
    },
    handler: async (req) => {
      const q = req.query;
      const regionPath = await regionPathOf(services.db, q.regionCode);
      if (regionPath === null) return { items: [] };
      return { items: await listRiskCases(services.db, { actor: req.actor, now: new Date(), regionPath, level: q.level, limit: q.limit }) };
    },
  });

  app.get("/api/risk/people", {
    config: { auth: { permission: "risk.read" } },
    schema: {
      tags: ["risk"],
      summary: "民转刑重点人员：近12个月涉及案件最多、风险最高的自然人（号码脱敏，本辖区内）",
      querystring: z.object({ regionCode: RegionCode, limit: Limit(200, 50) }),
      response: { 200: RiskPeopleListView },
    },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const regionPath = await regionPathOf(ctx.tx, req.query.regionCode);
        const { items, since } =
          regionPath === null
            ? { items: [], since: new Date(ctx.now.getTime() - PEOPLE_WINDOW_DAYS * 86_400_000) }
            : await listRiskPeople(ctx.tx, { actor: ctx.actor, now: ctx.now, regionPath, limit: req.query.limit });
        await recordAudit(ctx, { action: "person.list", subjectType: "person", newValues: { riskList: true, ids: items.map((r) => r.person.id) } });
        return { items, since: since.toISOString() };
      }),
  });

  app.get("/api/risk/summary", {
    config: { auth: { permission: "risk.read" } },
    schema: {
      tags: ["risk"],
      summary: "各村（社区）或网格的红黄绿案件数（在办及近90天结案，本辖区内）",
      querystring: z.object({ regionCode: RegionCode, by: z.enum(["community", "grid"]).default("community") }),
      response: { 200: RiskSummaryView },
    },
    handler: async (req) => {
      const q = req.query;
      const regionPath = await regionPathOf(services.db, q.regionCode);
      if (regionPath === null) return { by: q.by, items: [] };
      return { by: q.by, items: await riskSummary(services.db, { actor: req.actor, now: new Date(), regionPath, by: q.by }) };
    },
  });
}
