// Ledger entries, each with the event that earned it (case code, event kind, time), filtered and scoped.
import { and, desc, eq, gt, gte, lt, asc, type SQL } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import type { Actor } from "../server/context.js";
import { CASE_EVENT_NAMES, type CaseEventKind } from "../tasks/event-kinds.js";
import { caseEvents } from "../tasks/schema.js";
import { units } from "../units/schema.js";
import { RULE_NAMES } from "./rules.js";
import { assessmentEntries } from "./schema.js";
import { entryScope } from "./scope.js";
import type { LedgerEntryView } from "./views.js";

export interface EntryFilter {
  unitId?: number;
  accountId?: number;
  caseId?: number;
  from?: Date;
  to?: Date;
}

const e = assessmentEntries;

function conditions(actor: Actor, f: EntryFilter): SQL | undefined {
  return and(
    entryScope(actor),
    f.unitId != null ? eq(e.unitId, f.unitId) : undefined,
    f.accountId != null ? eq(e.accountId, f.accountId) : undefined,
    f.caseId != null ? eq(e.caseId, f.caseId) : undefined,
    f.from ? gte(e.occurredAt, f.from) : undefined,
    f.to ? lt(e.occurredAt, f.to) : undefined,
  );
}

function select(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ entry: e, caseCode: cases.code, unitName: units.name, accountName: accounts.displayName, eventKind: caseEvents.kind, eventAt: caseEvents.at })
    .from(e)
    .innerJoin(cases, eq(cases.id, e.caseId))
    .leftJoin(units, eq(units.id, e.unitId))
    .leftJoin(accounts, eq(accounts.id, e.accountId))
    .leftJoin(caseEvents, and(eq(e.sourceKind, "case_event"), eq(caseEvents.id, e.sourceId)))
    .where(where);
}

type Row = Awaited<ReturnType<typeof select>>[number];

function present(r: Row): LedgerEntryView {
  const kind = r.eventKind as CaseEventKind | null;
  return {
    id: r.entry.id,
    ruleCode: r.entry.ruleCode,
    ruleName: RULE_NAMES[r.entry.ruleCode] ?? r.entry.note,
    points: r.entry.points,
    unitId: r.entry.unitId,
    unitName: r.unitName,
    accountId: r.entry.accountId,
    accountName: r.accountName,
    caseId: r.entry.caseId,
    caseCode: r.caseCode,
    taskId: r.entry.taskId,
    sourceKind: r.entry.sourceKind,
    sourceId: r.entry.sourceId,
    eventKind: kind,
    eventName: kind ? (CASE_EVENT_NAMES[kind] ?? kind) : null,
    eventAt: r.eventAt?.toISOString() ?? null,
    occurredAt: r.entry.occurredAt.toISOString(),
  };
}

/** A page of entries, newest first; `before` is the id the page starts below. */
export async function listEntries(db: DbOrTx, actor: Actor, f: EntryFilter, page: { before?: number; limit: number }) {
  const rows = await select(db, and(conditions(actor, f), page.before ? lt(e.id, page.before) : undefined))
    .orderBy(desc(e.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(present);
  return { items, nextBefore: rows.length > page.limit ? items[items.length - 1].id : null };
}

/** Every entry the filter selects, oldest first, fetched in batches (for the export: no row limit, bounded memory). */
export async function* allEntries(db: DbOrTx, actor: Actor, f: EntryFilter, batch = 2000): AsyncGenerator<LedgerEntryView[]> {
  let after = 0;
  for (;;) {
    const rows = await select(db, and(conditions(actor, f), gt(e.id, after))).orderBy(asc(e.id)).limit(batch);
    if (!rows.length) return;
    yield rows.map(present);
    after = rows[rows.length - 1].entry.id;
    if (rows.length < batch) return;
  }
}
