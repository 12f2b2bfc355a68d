// Records as intake made them: GET /api/records (scoped list), GET /api/records/:id (masked people, versions).
import { and, asc, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { regionNodes } from "../../regions/schema.js";
import { streetNode } from "../../regions/street.js";
import { isUnder } from "../../regions/subtree.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Actor, type Services } from "../../server/context.js";
import type { DbOrTx } from "../../db/client.js";
import { ADDRESS_STATUSES, recordPeople, records } from "../schema.js";
import { CHANNELS } from "../channels.js";
import { RecordDetailView, RecordSummaryView } from "../views.js";

/** Records not yet placed on the tree are visible to street-wide staff only. */
async function recordScope(db: DbOrTx, actor: Actor): Promise<SQL> {
  const street = await streetNode(db);
  const streetWide = actor.kind === "system" || (street && "regionPath" in actor && isUnder(street.path, actor.regionPath));
  const placed = scopeCondition(actor, records.regionNodeId);
  return streetWide ? or(placed, isNull(records.regionNodeId))! : placed;
}

export function registerRecordRoutes(app: App, services: Services) {
  const columns = { record: records, regionCode: regionNodes.code, regionName: regionNodes.name };
  const summary = (r: { record: typeof records.$inferSelect; regionCode: string | null; regionName: string | null }) => ({
    id: r.record.id,
    channel: r.record.channel,
    externalId: r.record.externalId,
    version: r.record.version,
    reportedAt: r.record.reportedAt.toISOString(),
    narrative: r.record.narrative,
    categoryWords: r.record.categoryWords,
    addressText: r.record.addressText,
    addressStatus: r.record.addressStatus,
    regionCode: r.regionCode,
    regionName: r.regionName,
    flags: r.record.flags,
  });

  app.get("/api/records", {
    config: { auth: { permission: "records.read" } },
    schema: {
      tags: ["intake"],
      summary: "渠道记录列表（本辖区）",
      querystring: z.object({
        channel: z.enum(CHANNELS).optional(),
        addressStatus: z.enum(ADDRESS_STATUSES).optional(),
        flag: z.string().max(40).optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(RecordSummaryView), nextBefore: z.number().nullable() }) },
    },
    handler: async (req) => {
      const q = req.query;
      const rows = await services.db
        .select(columns)
        .from(records)
        .leftJoin(regionNodes, eq(regionNodes.id, records.regionNodeId))
        .where(
          and(
            eq(records.isCurrent, true),
            await recordScope(services.db, req.actor),
            q.channel ? eq(records.channel, q.channel) : undefined,
            q.addressStatus ? eq(records.addressStatus, q.addressStatus) : undefined,
            q.flag ? sql`${q.flag} = ANY(${records.flags})` : undefined,
            q.before ? lt(records.id, q.before) : undefined,
          ),
        )
        .orderBy(desc(records.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map(summary);
      return { items, nextBefore: rows.length > q.limit ? items[items.length - 1].id : null };
    },
  });

  app.get("/api/records/:id", {
    config: { auth: { permission: "records.read" } },
    schema: { tags: ["intake"], summary: "渠道记录详情", params: z.object({ id: z.coerce.number().int() }), response: { 200: RecordDetailView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [row] = await ctx.tx
          .select(columns)
          .from(records)
          .leftJoin(regionNodes, eq(regionNodes.id, records.regionNodeId))
          .where(and(eq(records.id, req.params.id), await recordScope(ctx.tx, ctx.actor)));
        if (!row) throw new AppError("NOT_FOUND"); // the scope is in the query: outside it, the record does not exist

        const ppl = await ctx.tx.select().from(recordPeople).where(eq(recordPeople.recordId, row.record.id)).orderBy(asc(recordPeople.id));
        const versions = await ctx.tx
          .select({ id: records.id, version: records.version, receivedAt: records.receivedAt, isCurrent: records.isCurrent })
          .from(records)
          .where(and(eq(records.channel, row.record.channel), eq(records.externalId, row.record.externalId)))
          .orderBy(asc(records.version));
        await recordAudit(ctx, { action: "record.read", subjectType: "record", subjectId: row.record.id });
        const r = row.record;
        return {
          ...summary(row),
          receivedAt: r.receivedAt.toISOString(),
          amount: r.amount,
          peopleCount: r.peopleCount,
          addressNormalised: r.addressNormalised,
          addressConfidence: r.addressConfidence,
          addressEvidence: r.addressEvidence,
          extra: r.extra,
          people: ppl.map((p) => ({
            role: p.role,
            name: p.name,
            titleOnly: p.titleOnly,
            isOrganisation: p.isOrganisation,
            idNumber: p.idNumberMasked,
            idStatus: p.idStatus,
            phone: p.phoneMasked,
            phoneStatus: p.phoneStatus,
            companyName: p.companyName,
            creditCode: p.creditCode,
            creditCodeValid: p.creditCodeValid,
          })),
          versions: versions.map((v) => ({ ...v, receivedAt: v.receivedAt.toISOString() })),
        };
      }),
  });
}
