// Raises the warnings that formation and risk scoring have made due. Runs after every formation sweep and once a
// minute, so it must cost next to nothing when nothing is due: each trigger is one query through an index
//   case_red         red cases (cases_risk_idx) that never had a case_red warning
//   group_dispute    red/yellow cases (cases_risk_idx) with the 群体性 factor that never had a group_dispute warning
//   overdue_red_task red cases with an open task whose deadline went overdue since the case's last such warning
//   person_repeat    a natural person's third distinct case within 30 days (case_parties_person_idx): only the cases
//                    formed since the last look are checked, and the last 30 days in full once an hour
// and at most LIMIT items per trigger per call. Each warning is raised in its own transaction; the open unique index
// (warnings_open_uq) and the "never twice" checks make a retry or a second process harmless.
// A case counts from its first report: `now` set in the past (the demo reliving its year) sees only cases reported
// by then and not closed by then.
import { and, eq, sql } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import type { SweepServices } from "../jobs/boss.js";
import { notifyUnit } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import type { RiskFactor } from "../risk/levels.js";
import { activeUnits, unitOfKindAt } from "../routing/place-units.js";
import type { Ctx } from "../server/context.js";
import { beijingTime } from "../supervision/beijing-time.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { warningReceipts, warnings } from "./schema.js";
import { ackDueFrom, WARNING_FEEDBACK_HOURS, WARNING_TRIGGER_NAMES, warningTitle, type WarningLevel, type WarningTrigger } from "./states.js";
import { auditWarning } from "./warning-state.js";

const ACTOR = { kind: "system", label: "warning-sweep" } as const;
const HOUR = 3_600_000;
const LIMIT = 100;
const REPEAT_WINDOW_DAYS = 30;

export interface DueWarning {
  caseId: number;
  trigger: WarningTrigger;
  personId?: number | null;
  reasons: RiskFactor[];
}

/** Raises every due warning (up to LIMIT per trigger); answers how many were raised. */
export async function raiseDueWarnings(services: SweepServices, now = new Date()): Promise<number> {
  const { db } = services;
  const due = [...(await dueCaseRed(db, now)), ...(await dueGroupDisputes(db, now)), ...(await dueOverdueRedTasks(db, now)), ...(await duePersonRepeats(db, now))];
  let raised = 0;
  for (const d of due) if (await raiseWarning(services, d, now)) raised++;
  return raised;
}

/** Reported by `now` and not closed by then, not merged away. */
const live = (now: Date) => sql`c.merged_into_id IS NULL AND coalesce(c.first_reported_at, c.opened_at) <= ${now} AND (c.closed_at IS NULL OR c.closed_at > ${now})`;
const never = (trigger: WarningTrigger) => sql`NOT EXISTS (SELECT 1 FROM warnings w WHERE w.case_id = c.id AND w.trigger = ${trigger})`;

async function dueCaseRed(db: Db, now: Date): Promise<DueWarning[]> {
  const { rows } = await db.execute<{ id: number; risk_factors: RiskFactor[] | null }>(sql`
    SELECT c.id, c.risk_factors FROM cases c
     WHERE c.risk_level = 'red' AND ${live(now)} AND ${never("case_red")}
     ORDER BY c.risk_score DESC NULLS LAST, c.id LIMIT ${LIMIT}`);
  return rows.map((r) => ({ caseId: Number(r.id), trigger: "case_red", reasons: r.risk_factors ?? [] }));
}

async function dueGroupDisputes(db: Db, now: Date): Promise<DueWarning[]> {
  const { rows } = await db.execute<{ id: number; risk_factors: RiskFactor[] }>(sql`
    SELECT c.id, c.risk_factors FROM cases c
     WHERE c.risk_level IN ('red', 'yellow') AND c.risk_factors @> '[{"factor":"group"}]'::jsonb AND ${live(now)} AND ${never("group_dispute")}
     ORDER BY c.risk_score DESC NULLS LAST, c.id LIMIT ${LIMIT}`);
  // The group factor first: it is why this warning exists.
  return rows.map((r) => ({ caseId: Number(r.id), trigger: "group_dispute", reasons: [...r.risk_factors].sort((a, b) => Number(b.factor === "group") - Number(a.factor === "group")) }));
}

async function dueOverdueRedTasks(db: Db, now: Date): Promise<DueWarning[]> {
  const { rows } = await db.execute<{ id: number; risk_factors: RiskFactor[] | null; stage: string | null; due_at: string | null; unit_name: string | null }>(sql`
    SELECT c.id, c.risk_factors, od.stage, od.due_at, od.unit_name FROM cases c
     CROSS JOIN LATERAL (
       SELECT e.detail->>'stage' AS stage, e.detail->>'dueAt' AS due_at, u.name AS unit_name
         FROM case_events e
         JOIN tasks t ON t.id = e.task_id AND t.state NOT IN ('closed', 'returned')
         LEFT JOIN units u ON u.id = t.unit_id
        WHERE e.case_id = c.id AND e.kind = 'deadline_overdue' AND e.at <= ${now}
          AND e.at > coalesce((SELECT max(w.raised_at) FROM warnings w WHERE w.case_id = c.id AND w.trigger = 'overdue_red_task'), '-infinity')
        ORDER BY e.at DESC LIMIT 1
     ) od
     WHERE c.risk_level = 'red' AND ${live(now)}
       AND NOT EXISTS (SELECT 1 FROM warnings w WHERE w.case_id = c.id AND w.trigger = 'overdue_red_task' AND w.status <> 'closed')
     ORDER BY c.risk_score DESC NULLS LAST, c.id LIMIT ${LIMIT}`);
  return rows.map((r) => {
    const due = r.due_at ? `（时限 ${beijingTime(new Date(r.due_at))}）` : "";
    const overdue: RiskFactor = { factor: "unresolved", label: WARNING_TRIGGER_NAMES.overdue_red_task, detail: `${r.unit_name ?? "承办单位"}任务${r.stage ? `「${r.stage}」阶段` : ""}已超期${due}`, points: 0 };
    return { caseId: Number(r.id), trigger: "overdue_red_task", reasons: [overdue, ...(r.risk_factors ?? [])] };
  });
}

/** The last look at person_repeat per database: the highest case id seen, and when the last full look was. */
const repeatLook = new WeakMap<object, { maxCaseId: number; fullAt: number }>();

async function duePersonRepeats(db: Db, now: Date): Promise<DueWarning[]> {
  const [{ max }] = (await db.execute<{ max: number }>(sql`SELECT coalesce(max(id), 0) AS max FROM cases`)).rows;
  const maxCaseId = Number(max);
  const last = repeatLook.get(db);
  const recent = last != null && now.getTime() >= last.fullAt && now.getTime() - last.fullAt < HOUR;
  if (recent && maxCaseId === last.maxCaseId) return [];
  // Within the hour only the new cases; otherwise every case reported in the window.
  const which = recent ? sql`c.id > ${last.maxCaseId}` : sql`c.first_reported_at > ${new Date(now.getTime() - REPEAT_WINDOW_DAYS * 24 * HOUR)}`;
  const { rows } = await db.execute<{ case_id: number; person_id: number; name: string; n: number; codes: string[] }>(sql`
    SELECT DISTINCT ON (c.id) c.id AS case_id, p.id AS person_id, p.name, o.n, o.codes
      FROM cases c
      JOIN case_parties cp ON cp.case_id = c.id
      JOIN people p ON p.id = cp.person_id AND p.kind = 'person' AND p.merged_into_id IS NULL
     CROSS JOIN LATERAL (
       SELECT count(DISTINCT oc.id)::int AS n, array_agg(DISTINCT oc.code) AS codes
         FROM case_parties op JOIN cases oc ON oc.id = op.case_id
        WHERE op.person_id = p.id AND oc.id <> c.id AND oc.merged_into_id IS NULL
          AND oc.first_reported_at >= c.first_reported_at - make_interval(days => ${REPEAT_WINDOW_DAYS})
          AND (oc.first_reported_at < c.first_reported_at OR (oc.first_reported_at = c.first_reported_at AND oc.id < c.id))
     ) o
     WHERE ${which} AND c.first_reported_at IS NOT NULL AND ${live(now)} AND o.n >= 2 AND ${never("person_repeat")}
     ORDER BY c.id, o.n DESC, p.id
     LIMIT ${LIMIT}`);
  // A full batch may have left some behind: look again next time rather than move on.
  if (rows.length < LIMIT) repeatLook.set(db, { maxCaseId, fullAt: recent ? last.fullAt : now.getTime() });
  return rows.map((r) => ({
    caseId: Number(r.case_id),
    trigger: "person_repeat",
    personId: Number(r.person_id),
    reasons: [
      {
        factor: "party_history",
        label: WARNING_TRIGGER_NAMES.person_repeat,
        detail: `${r.name} 在${REPEAT_WINDOW_DAYS}天内涉及第 ${Number(r.n) + 1} 起纠纷（此前：${r.codes.join("、")}）`,
        points: 0,
      },
    ],
  }));
}

/** Raises one warning in its own transaction; false when it was raised already (or meanwhile). */
export async function raiseWarning({ db, cipher }: SweepServices, due: DueWarning, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ctx: Ctx = { actor: ACTOR, tx, now, correlationId: `warning:${due.caseId}:${due.trigger}`, ip: undefined, cipher };
    const [kase] = await tx
      .select({ id: cases.id, code: cases.code, title: cases.title, riskLevel: cases.riskLevel, leadUnitId: cases.leadUnitId, path: regionNodes.path })
      .from(cases)
      .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
      .where(eq(cases.id, due.caseId))
      .for("update", { of: cases });
    if (!kase) return false;
    // Raised by another process since the query: a case is warned once per trigger (overdue tasks: once while open).
    const earlier = await tx
      .select({ id: warnings.id })
      .from(warnings)
      .where(and(eq(warnings.caseId, due.caseId), eq(warnings.trigger, due.trigger), due.trigger === "overdue_red_task" ? sql`${warnings.status} <> 'closed'` : undefined))
      .limit(1);
    if (earlier.length) return false;
    const level: WarningLevel = due.trigger === "person_repeat" && kase.riskLevel !== "red" ? "yellow" : "red";
    const ackDueAt = ackDueFrom(level, now);
    const [warning] = await tx
      .insert(warnings)
      .values({
        caseId: due.caseId,
        trigger: due.trigger,
        personId: due.personId ?? null,
        level,
        reasons: due.reasons,
        raisedAt: now,
        ackDueAt,
        feedbackDueAt: new Date(now.getTime() + WARNING_FEEDBACK_HOURS[level] * HOUR),
      })
      .onConflictDoNothing()
      .returning({ id: warnings.id });
    if (!warning) return false;

    const recipients = await recipientUnits(ctx, kase.path, kase.leadUnitId);
    if (recipients.length) await tx.insert(warningReceipts).values(recipients.map((unitId) => ({ warningId: warning.id, unitId, ackDueAt })));
    const title = warningTitle(level, kase.code, due.trigger);
    const body = `「${kase.title}」${due.reasons.map((r) => r.label).join("；")}。请于 ${beijingTime(ackDueAt)} 前签收。`;
    for (const unitId of recipients) await notifyUnit(ctx, unitId, { kind: "warning_raised", title, body, caseId: kase.id });
    await appendCaseEvent(ctx, { caseId: kase.id, kind: "warning_raised", detail: { warningId: warning.id, trigger: due.trigger, level, personId: due.personId ?? null, recipients } });
    await auditWarning(ctx, "warning.raise", warning.id, { newValues: { caseId: kase.id, trigger: due.trigger, level, personId: due.personId ?? null, recipients, ackDueAt: ackDueAt.toISOString() } });
    return true;
  });
}

/** Who must acknowledge: the street centre and the police station serving the case's place, and the lead unit. */
export async function recipientUnits(ctx: Pick<Ctx, "tx">, placePath: string, leadUnitId: number | null): Promise<number[]> {
  const all = await activeUnits(ctx.tx);
  const ids = [unitOfKindAt(all, "street_centre", placePath)?.id, unitOfKindAt(all, "police", placePath)?.id, leadUnitId ?? undefined];
  return [...new Set(ids.filter((id): id is number => id != null))];
}
