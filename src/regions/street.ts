// The street this deployment serves: the root of what street-wide staff see, and the placement of things
// that have no place yet (quarantined rows, records whose address did not resolve).
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { regionNodes } from "./schema.js";

export async function streetNode(db: DbOrTx) {
  const [node] = await db
    .select()
    .from(regionNodes)
    .where(and(eq(regionNodes.level, "street"), isNull(regionNodes.retiredAt)))
    .limit(1);
  return node;
}
