// GET /api/people/:id/history — every record and case of a person, in every channel, within the viewer's scope:
// what linked units see of a party's history.
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { CATEGORY_NAMES, isCategory } from "../cases/categories.js";
import { caseScope } from "../cases/routes.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import { recordPeople, records } from "../intake/schema.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { people } from "./schema.js";
import { peopleScope } from "./scope.js";
import { presentPerson } from "./routes.js";
import { PersonView } from "./views.js";

export const PersonHistoryView = z.object({
  person: PersonView,
  cases: z.array(z.object({ id: z.number(), code: z.string(), title: z.string(), category: z.string().nullable(), categoryName: z.string().nullable(), status: z.string(), recordCount: z.number(), lastReportedAt: z.string().nullable() })),
  records: z.array(z.object({ id: z.number(), channel: z.string(), externalId: z.string(), reportedAt: z.string(), role: z.string(), caseId: z.number().nullable(), narrative: z.string() })),
});

export function registerPersonHistoryRoutes(app: App, services: Services) {
  app.get("/api/people/:id/history", {
    config: { auth: { permission: "people.read" } },
    schema: { tags: ["people"], summary: "当事人在各渠道的记录和案件（本辖区内）", params: z.object({ id: z.coerce.number().int() }), response: { 200: PersonHistoryView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        // A person is visible through their own place or through a case the viewer may see.
        const visibleCases = await ctx.tx
          .selectDistinct({ id: cases.id })
          .from(recordPeople)
          .innerJoin(records, eq(records.id, recordPeople.recordId))
          .innerJoin(cases, eq(cases.id, records.caseId))
          .where(and(eq(recordPeople.personId, req.params.id), caseScope(ctx.actor)));
        const [own] = await ctx.tx
          .select({ person: people, regionName: regionNodes.name })
          .from(people)
          .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
          .where(and(eq(people.id, req.params.id)));
        const ownVisible = own ? (await ctx.tx.select({ id: people.id }).from(people).where(and(eq(people.id, own.person.id), peopleScope(ctx.actor)))).length > 0 : false;
        if (!own || (!ownVisible && !visibleCases.length)) throw new AppError("NOT_FOUND");
        const caseIds = visibleCases.map((c) => c.id);
        const caseRows = caseIds.length ? await ctx.tx.select().from(cases).where(inArray(cases.id, caseIds)).orderBy(desc(cases.lastReportedAt)) : [];
        const recordRows = caseIds.length
          ? await ctx.tx
              .select({ record: records, role: recordPeople.role })
              .from(recordPeople)
              .innerJoin(records, eq(records.id, recordPeople.recordId))
              .where(and(eq(recordPeople.personId, own.person.id), eq(records.isCurrent, true), inArray(records.caseId, caseIds)))
              .orderBy(desc(records.reportedAt))
          : [];
        await recordAudit(ctx, { action: "person.read", subjectType: "person", subjectId: own.person.id, newValues: { history: true } });
        return {
          person: presentPerson(own.person, own.regionName),
          cases: caseRows.map((c) => ({
            id: c.id, code: c.code, title: c.title, category: c.category,
            categoryName: c.category && isCategory(c.category) ? CATEGORY_NAMES[c.category] : null,
            status: c.status, recordCount: c.recordCount, lastReportedAt: c.lastReportedAt?.toISOString() ?? null,
          })),
          records: recordRows.map(({ record: r, role }) => ({ id: r.id, channel: r.channel, externalId: r.externalId, reportedAt: r.reportedAt.toISOString(), role, caseId: r.caseId, narrative: r.narrative })),
        };
      }),
  });
}
