// Which people an actor may see: those living in the actor's region subtree, or party to a case the actor may see.
import { or, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../accounts/policies.js";
import { caseParties, cases } from "../cases/schema.js";
import type { Actor } from "../server/context.js";
import { people } from "./schema.js";

export function peopleScope(actor: Actor): SQL {
  const viaCase = sql`EXISTS (SELECT 1 FROM ${caseParties} JOIN ${cases} ON ${cases.id} = ${caseParties.caseId}
    WHERE ${caseParties.personId} = ${people.id} AND ${scopeCondition(actor, cases.regionNodeId, cases.leadUnitId)})`;
  return or(scopeCondition(actor, people.regionNodeId), viaCase)!;
}

