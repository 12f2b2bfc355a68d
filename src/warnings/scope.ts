// Who sees which warnings, and what they may do with one.
// A warning is seen by those who see its case (the case's place under their scope root, or their unit leads it) and
// by every recipient unit (签收单位) whatever the case's place: the police station must see what it has to sign for.
// Outside that, a warning does not exist for them (404).
import { sql, type SQL } from "drizzle-orm";
import { may } from "../accounts/policies.js";
import { caseScope } from "../cases/routes.js";
import type { Actor } from "../server/context.js";
import { warnings } from "./schema.js";
import { CLOSABLE_WARNING, RESPONDABLE_WARNING, SUPERVISABLE_WARNING, type WarningStatus } from "./states.js";

export function actorUnit(actor: Actor): number | null {
  return actor.kind === "account" || actor.kind === "token" ? actor.unitId : null;
}

/** SQL for lists (the query must join `cases` on the warning's case). */
export function warningScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  const unitId = actorUnit(actor);
  const recipient = unitId == null ? sql`false` : sql`EXISTS (SELECT 1 FROM warning_receipts r WHERE r.warning_id = ${warnings.id} AND r.unit_id = ${unitId})`;
  return sql`(${caseScope(actor)} OR ${recipient})`;
}

export interface AbilityFacts {
  status: WarningStatus;
  firstFeedbackAt: Date | null;
  /** The actor's unit's receipt, if its unit is a recipient. */
  ownReceipt: { acknowledgedAt: Date | null } | null;
}

/** The abilities sent with each warning: the UI shows the buttons these allow and nothing else. */
export function warningAbilities(actor: Actor, w: AbilityFacts) {
  const respond = may(actor, "warnings.respond") && w.ownReceipt != null && RESPONDABLE_WARNING.includes(w.status);
  return {
    acknowledge: respond && w.ownReceipt!.acknowledgedAt == null,
    feedback: respond && w.ownReceipt!.acknowledgedAt != null,
    supervise: may(actor, "warnings.manage") && SUPERVISABLE_WARNING.includes(w.status),
    close: may(actor, "warnings.manage") && CLOSABLE_WARNING.includes(w.status) && w.firstFeedbackAt != null,
  };
}
