// What of the ledger a user sees.
// - Unit totals and the community ranking: everyone with assessment.read sees every unit — a ranking is only a
//   ranking when one sees the others (the figures carry no personal data).
// - Entries (each point and the event behind it): the street centre, leaders and admins see the entries on cases in
//   their region (and their unit's); a unit's accounts see their own unit's entries and their own person entries.
// - Person totals: those who oversee see the accounts in their region; anyone else sees their unit's colleagues.
import { eq, or, sql, type SQL } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import type { Role } from "../accounts/roles.js";
import { cases } from "../cases/schema.js";
import { regionIdInSubtree } from "../regions/subtree.js";
import type { Actor } from "../server/context.js";
import { assessmentEntries } from "./schema.js";

const OVERSEERS: readonly Role[] = ["street_centre", "leader", "admin"];

export function overseesLedger(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "account" && OVERSEERS.includes(actor.role));
}

/** Entries the actor may read (the query joins `cases` on the entry's case). */
export function entryScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  const own: SQL[] = [];
  if (actor.unitId != null) own.push(eq(assessmentEntries.unitId, actor.unitId));
  if (actor.kind === "account") own.push(eq(assessmentEntries.accountId, actor.id));
  if (overseesLedger(actor)) own.push(regionIdInSubtree(cases.regionNodeId, actor.regionPath));
  return own.length ? or(...own)! : sql`false`;
}

/** Person entries the actor may rank. */
export function accountRankingScope(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind === "anonymous") return sql`false`;
  if (overseesLedger(actor)) {
    return sql`${assessmentEntries.accountId} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${regionIdInSubtree(accounts.regionNodeId, actor.regionPath)})`;
  }
  if (actor.unitId != null) return sql`${assessmentEntries.accountId} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.unitId} = ${actor.unitId})`;
  return actor.kind === "account" ? eq(assessmentEntries.accountId, actor.id) : sql`false`;
}
