// GET /api/regions/root, GET /api/regions/:code — the region tree, within the caller's scope.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../accounts/policies.js";
import type { Actor } from "../server/context.js";
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes, type RegionNode } from "./schema.js";
import { RegionNodeDetail, RegionNodeView } from "./views.js";
import type { DbOrTx } from "../db/client.js";

export function registerRegionRoutes(app: App, services: Services) {
  app.get("/api/regions/root", {
    config: { auth: { permission: "regions.read", tokens: true } },
    schema: { tags: ["regions"], summary: "当前账号辖区的根节点及其下级", response: { 200: RegionNodeDetail } },
    handler: async (req) => {
      const actor = req.actor as Extract<Actor, { regionNodeId: number }>;
      const [node] = await services.db.select().from(regionNodes).where(eq(regionNodes.id, actor.regionNodeId));
      return presentDetail(services.db, node);
    },
  });

  app.get("/api/regions/:code", {
    config: { auth: { permission: "regions.read", tokens: true } },
    schema: {
      tags: ["regions"],
      summary: "区域节点及其下级",
      params: z.object({ code: z.string().max(40) }),
      response: { 200: RegionNodeDetail },
    },
    handler: async (req) => {
      const [node] = await services.db.select().from(regionNodes).where(eq(regionNodes.code, req.params.code));
      authorize(req.actor, "regions.read", node ? { regionPath: node.path } : null);
      return presentDetail(services.db, node);
    },
  });
}

async function childCounts(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ parentId: regionNodes.parentId, n: sql<number>`count(*)::int` })
    .from(regionNodes)
    .where(and(inArray(regionNodes.parentId, ids), isNull(regionNodes.retiredAt)))
    .groupBy(regionNodes.parentId);
  return new Map(rows.map((r) => [r.parentId!, r.n]));
}

function present(node: RegionNode, counts: Map<number, number>): RegionNodeView {
  return {
    id: node.id,
    code: node.code,
    name: node.name,
    shortName: node.shortName,
    level: node.level,
    kind: node.kind,
    special: node.special,
    parentId: node.parentId,
    path: node.path,
    childCount: counts.get(node.id) ?? 0,
    retired: node.retiredAt != null,
  };
}

async function presentDetail(db: DbOrTx, node: RegionNode | undefined): Promise<RegionNodeDetail> {
  if (!node) throw new AppError("NOT_FOUND");
  const children = await db
    .select()
    .from(regionNodes)
    .where(and(eq(regionNodes.parentId, node.id), isNull(regionNodes.retiredAt)))
    .orderBy(asc(regionNodes.code));
  const ancestorCodes = node.path.split("/").filter(Boolean).slice(0, -1);
  const ancestors = ancestorCodes.length
    ? await db
        .select({ id: regionNodes.id, code: regionNodes.code, name: regionNodes.name, level: regionNodes.level })
        .from(regionNodes)
        .where(inArray(regionNodes.code, ancestorCodes))
        .orderBy(asc(regionNodes.depth))
    : [];
  const counts = await childCounts(db, [node.id, ...children.map((c) => c.id)]);
  const { registry: _registry, ...attrs } = node.attrs as Record<string, unknown>; // the street's raw registry is big
  return { ...present(node, counts), ancestors, children: children.map((c) => present(c, counts)), attrs };
}
