// Creates the street's standard units where they are missing (idempotent; admins edit them afterwards).
import { and, asc, eq, isNull } from "drizzle-orm";
import { regionNodes } from "../regions/schema.js";
import type { Ctx } from "../server/context.js";
import { DEPARTMENTS, MEDIATION_STUDIOS, communityCentre, type UnitSeed } from "./gutang-units.js";
import { units } from "./schema.js";

export async function seedUnits(ctx: Pick<Ctx, "tx">): Promise<number> {
  const communities = await ctx.tx
    .select()
    .from(regionNodes)
    .where(and(eq(regionNodes.level, "community"), isNull(regionNodes.retiredAt)))
    .orderBy(asc(regionNodes.code));
  const all: UnitSeed[] = [...DEPARTMENTS, ...communities.map(communityCentre), ...MEDIATION_STUDIOS];
  const nodes = new Map((await ctx.tx.select({ id: regionNodes.id, code: regionNodes.code }).from(regionNodes)).map((n) => [n.code, n.id]));
  const values = all
    .filter((u) => nodes.has(u.region))
    .map((u) => ({ code: u.code, name: u.name, kind: u.kind, regionNodeId: nodes.get(u.region)! }));
  if (!values.length) return 0;
  const inserted = await ctx.tx.insert(units).values(values).onConflictDoNothing({ target: units.code }).returning({ id: units.id });
  return inserted.length;
}

export async function unitIdByCode(ctx: Pick<Ctx, "tx">, code: string): Promise<number> {
  const [row] = await ctx.tx.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!row) throw new Error(`unit ${code} missing`);
  return row.id;
}

