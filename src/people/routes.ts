// People: GET /api/people?q=, GET /api/people/:id (masked), POST /api/people/:id/reveal (unmasked, audited).
import { and, asc, eq, ilike } from "drizzle-orm";
import { z } from "zod";
import { requirePermission } from "../accounts/policies.js";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Ctx, type Services } from "../server/context.js";
import { people, type Person } from "./schema.js";
import { peopleScope } from "./scope.js";
import { PersonView, RevealedPerson } from "./views.js";

export function presentPerson(p: Person, regionName: string | null): PersonView {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    idNumber: p.idNumberMasked,
    phone: p.phoneMasked,
    addressText: p.addressText,
    regionNodeId: p.regionNodeId,
    regionName,
  };
}

/** Loads a person the actor may see; anything else is NOT_FOUND. */
async function loadPerson(ctx: Ctx, id: number) {
  const [row] = await ctx.tx
    .select({ person: people, regionName: regionNodes.name })
    .from(people)
    .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
    .where(and(eq(people.id, id), peopleScope(ctx.actor)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export function registerPeopleRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Ctx["actor"]; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  const IdParams = z.object({ id: z.coerce.number().int() });

  app.get("/api/people", {
    config: { auth: { permission: "people.read" } },
    schema: {
      tags: ["people"],
      summary: "当事人查询（姓名）",
      querystring: z.object({ q: z.string().trim().min(1).max(40), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(PersonView) }) },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const rows = await ctx.tx
          .select({ person: people, regionName: regionNodes.name })
          .from(people)
          .leftJoin(regionNodes, eq(regionNodes.id, people.regionNodeId))
          .where(and(ilike(people.name, `%${req.query.q.replace(/[%_\\]/g, "\\$&")}%`), peopleScope(ctx.actor)))
          .orderBy(asc(people.id))
          .limit(req.query.limit);
        await recordAudit(ctx, { action: "person.list", subjectType: "person", newValues: { ids: rows.map((r) => r.person.id) } });
        return { items: rows.map((r) => presentPerson(r.person, r.regionName)) };
      }),
  });

  app.get("/api/people/:id", {
    config: { auth: { permission: "people.read" } },
    schema: { tags: ["people"], summary: "当事人（脱敏）", params: IdParams, response: { 200: PersonView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const row = await loadPerson(ctx, req.params.id);
        await recordAudit(ctx, { action: "person.read", subjectType: "person", subjectId: row.person.id });
        return presentPerson(row.person, row.regionName);
      }),
  });

  app.post("/api/people/:id/reveal", {
    config: { auth: { permission: "people.reveal" } },
    schema: {
      tags: ["people"],
      summary: "查看完整身份证号和手机号（留痕）",
      params: IdParams,
      body: z.object({ reason: z.string().trim().min(2).max(200) }),
      response: { 200: RevealedPerson },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        requirePermission(ctx.actor, "people.reveal");
        const { person } = await loadPerson(ctx, req.params.id);
        await recordAudit(ctx, {
          action: "person.reveal",
          subjectType: "person",
          subjectId: person.id,
          newValues: { reason: req.body.reason, fields: ["idNumber", "phone"].filter((f) => (f === "idNumber" ? person.idNumberEnc : person.phoneEnc)) },
        });
        return {
          id: person.id,
          idNumber: person.idNumberEnc ? ctx.cipher.decrypt(person.idNumberEnc) : null,
          phone: person.phoneEnc ? ctx.cipher.decrypt(person.phoneEnc) : null,
        };
      }),
  });
}
