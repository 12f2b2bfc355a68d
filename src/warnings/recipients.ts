// The recipient units of a warning by kind (e.g. the street centre, which hears feedback and escalations).
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../server/context.js";
import type { UnitKind } from "../units/kinds.js";
import { units } from "../units/schema.js";
import { warningReceipts } from "./schema.js";

export async function recipientsOfKind(ctx: Pick<Ctx, "tx">, warningId: number, kind: UnitKind): Promise<number[]> {
  const rows = await ctx.tx
    .select({ id: warningReceipts.unitId })
    .from(warningReceipts)
    .innerJoin(units, eq(units.id, warningReceipts.unitId))
    .where(and(eq(warningReceipts.warningId, warningId), eq(units.kind, kind)));
  return rows.map((r) => r.id);
}
