// Units: GET /api/units, POST /api/units, PATCH /api/units/:id (admin edits; every change audited).
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { authorize } from "../accounts/policies.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import type { DbOrTx } from "../db/client.js";
import { units } from "./schema.js";
import { UNIT_KIND_NAMES, UnitInput, UnitPatch, UnitView } from "./views.js";

export function registerUnitRoutes(app: App, services: Services) {
  app.get("/api/units", {
    config: { auth: { permission: "units.read" } },
    schema: { tags: ["units"], summary: "承办单位列表", response: { 200: z.object({ items: z.array(UnitView) }) } },
    handler: async () => ({ items: await listUnits(services.db) }),
  });

  app.post("/api/units", {
    config: { auth: { permission: "units.manage" } },
    schema: { tags: ["units"], summary: "新增承办单位", body: UnitInput, response: { 200: UnitView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const node = await regionByCode(ctx.tx, req.body.regionCode);
        authorize(ctx.actor, "units.manage", { regionPath: node.path });
        const [dupe] = await ctx.tx.select({ id: units.id }).from(units).where(eq(units.code, req.body.code));
        if (dupe) throw new AppError("CONFLICT", `单位代码 ${req.body.code} 已存在`);
        const [row] = await ctx.tx
          .insert(units)
          .values({ code: req.body.code, name: req.body.name, kind: req.body.kind, regionNodeId: node.id, active: req.body.active })
          .returning();
        await recordAudit(ctx, { action: "unit.create", subjectType: "unit", subjectId: row.id, newValues: req.body });
        return (await listUnits(ctx.tx, row.id))[0];
      }),
  });

  app.patch("/api/units/:id", {
    config: { auth: { permission: "units.manage" } },
    schema: { tags: ["units"], summary: "修改承办单位", params: z.object({ id: z.coerce.number().int() }), body: UnitPatch, response: { 200: UnitView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [unit] = await ctx.tx.select().from(units).where(eq(units.id, req.params.id)).for("update");
        const [node] = unit ? await ctx.tx.select().from(regionNodes).where(eq(regionNodes.id, unit.regionNodeId)) : [];
        authorize(ctx.actor, "units.manage", node ? { regionPath: node.path } : null);
        const { regionCode, ...rest } = req.body;
        const target = regionCode ? await regionByCode(ctx.tx, regionCode) : undefined;
        if (target) authorize(ctx.actor, "units.manage", { regionPath: target.path });
        const regionNodeId = target?.id;
        const [row] = await ctx.tx
          .update(units)
          .set({ ...rest, ...(regionNodeId ? { regionNodeId } : {}), updatedAt: ctx.now })
          .where(eq(units.id, unit.id))
          .returning();
        await recordAudit(ctx, {
          action: "unit.update",
          subjectType: "unit",
          subjectId: unit.id,
          oldValues: { name: unit.name, kind: unit.kind, regionNodeId: unit.regionNodeId, active: unit.active },
          newValues: { name: row.name, kind: row.kind, regionNodeId: row.regionNodeId, active: row.active },
        });
        return (await listUnits(ctx.tx, row.id))[0];
      }),
  });
}

async function regionByCode(db: DbOrTx, code: string) {
  const [node] = await db.select().from(regionNodes).where(eq(regionNodes.code, code));
  if (!node) throw new AppError("VALIDATION_FAILED", `区域代码 ${code} 不存在`);
  return node;
}

export async function listUnits(db: DbOrTx, id?: number): Promise<UnitView[]> {
  const rows = await db
    .select({ unit: units, regionCode: regionNodes.code, regionName: regionNodes.name })
    .from(units)
    .innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId))
    .where(id ? eq(units.id, id) : undefined)
    .orderBy(asc(units.id));
  return rows.map(({ unit, regionCode, regionName }) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    kindName: UNIT_KIND_NAMES[unit.kind],
    regionNodeId: unit.regionNodeId,
    regionCode,
    regionName,
    active: unit.active,
  }));
}
