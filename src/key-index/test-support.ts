// Hand-made facts for the key-index tests: cases, 110 records, tasks, visits, warnings and transfers written straight
// into their tables at chosen Beijing times, so that each test can compute its expected figure by hand.
import { cases } from "../cases/schema.js";
import { followUpVisits } from "../follow-ups/schema.js";
import { records } from "../intake/schema.js";
import { caseEvents, tasks } from "../tasks/schema.js";
import { taskDeadlines } from "../deadlines/schema.js";
import { policeTransfers } from "../transfers/schema.js";
import { warnings } from "../warnings/schema.js";
import { regionId, unitId } from "../test/app.js";
import type { TestDatabase } from "../test/db.js";

/** A Beijing wall-clock time: bj("2025-03-01 10:00"). */
export const bj = (s: string) => new Date(`${s.replace(" ", "T")}${s.length <= 10 ? "T00:00" : ""}:00+08:00`);

let n = 0;

export interface CaseFacts {
  region: string;
  reported: string;
  status?: "open" | "in_progress" | "resolved" | "closed";
  closed?: string;
  risk?: "red" | "yellow" | "green";
  recurrenceOf?: number;
  unit?: string;
  mergedInto?: number;
}

export async function kase(t: TestDatabase, f: CaseFacts): Promise<number> {
  const [row] = await t.db
    .insert(cases)
    .values({
      code: `KI-${++n}-${Math.random().toString(36).slice(2, 6)}`,
      title: `指数测试案件 ${n}`,
      regionNodeId: await regionId(t, f.region),
      leadUnitId: f.unit ? await unitId(t, f.unit) : null,
      status: f.status ?? (f.closed ? "closed" : "open"),
      firstReportedAt: bj(f.reported),
      lastReportedAt: bj(f.reported),
      openedAt: bj(f.reported),
      closedAt: f.closed ? bj(f.closed) : null,
      riskLevel: f.risk ?? null,
      recurrenceOfId: f.recurrenceOf ?? null,
      mergedIntoId: f.mergedInto ?? null,
    })
    .returning({ id: cases.id });
  return row.id;
}

export async function event(t: TestDatabase, caseId: number, kind: string, at: string | Date, detail: Record<string, unknown> = {}, taskId?: number) {
  await t.db.insert(caseEvents).values({ caseId, kind, at: typeof at === "string" ? bj(at) : at, detail, actorLabel: "test", taskId: taskId ?? null });
}

export async function record110(t: TestDatabase, caseId: number | null, at: string, opts: { channel?: string; current?: boolean; externalId?: string; words?: string[]; extra?: Record<string, unknown> } = {}) {
  const [row] = await t.db
    .insert(records)
    .values({
      rawRecordId: 0,
      channel: opts.channel ?? "110",
      externalId: opts.externalId ?? `J${++n}`,
      version: 1,
      isCurrent: opts.current ?? true,
      reportedAt: bj(at),
      narrative: "测试警情",
      narrativeKey: "测试警情",
      categoryWords: opts.words ?? ["纠纷"],
      addressStatus: "resolved",
      extra: opts.extra ?? {},
      caseId,
    })
    .returning({ id: records.id });
  return row.id;
}

/** A lead (or co) task resolved (and closed) at `resolved`, with its handle-stage deadline if `due` is given. */
export async function resolvedTask(t: TestDatabase, caseId: number, resolved: string, opts: { due?: string; role?: "lead" | "co"; unit?: string } = {}) {
  const [task] = await t.db
    .insert(tasks)
    .values({
      caseId,
      unitId: opts.unit ? await unitId(t, opts.unit) : null,
      role: opts.role ?? "lead",
      level: "community",
      state: "closed", // closed tasks keep resolved_at; several may sit on one case
      resolvedAt: bj(resolved),
      closedAt: bj(resolved),
      resolution: "已调解",
    })
    .returning({ id: tasks.id });
  if (opts.due) {
    const due = bj(opts.due);
    await t.db.insert(taskDeadlines).values({ taskId: task.id, stage: "handle", startedAt: bj("2000-01-01"), dueAt: due, yellowAt: due, redAt: due, basis: "测试", doneAt: bj(resolved) });
  }
  return task.id;
}

export async function visit(t: TestDatabase, caseId: number, done: string | null, satisfaction: number | null) {
  await t.db.insert(followUpVisits).values({
    caseId,
    closedAt: bj("2000-01-01"),
    offsetDays: ++n,
    dueAt: bj(done ?? "2030-01-01"),
    assigneeKind: "unit",
    status: done ? "done" : "due",
    satisfaction,
    doneAt: done ? bj(done) : null,
  });
}

export async function warning(t: TestDatabase, caseId: number, raised: string, closed?: string) {
  await t.db.insert(warnings).values({
    caseId,
    trigger: "case_red",
    level: "red",
    status: closed ? "closed" : "raised",
    raisedAt: bj(raised),
    ackDueAt: bj(raised),
    closedAt: closed ? bj(closed) : null,
  });
}

export async function transfer(t: TestDatabase, caseId: number, recordId: number, at: string, opts: { reported?: string; unit?: string; officer?: string; result?: string } = {}) {
  await t.db.insert(policeTransfers).values({
    recordId,
    caseId,
    basis: "flagged",
    reportedAt: bj(opts.reported ?? at),
    transferredAt: bj(at),
    policeUnitName: opts.unit ?? "古塘派出所",
    officerName: opts.officer ?? "张警官",
    policeResult: opts.result ?? "现场调解不成，移交街道",
  });
}
