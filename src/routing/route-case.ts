// Moving a case to the unit responsible for it: automatic routing by the matrix, staff re-routes, escalation one level
// up, push-down one level down, and re-routing after a unit returns it. Every move records a case_routings row with
// its reasons, opens the lead task through the task module, and goes on the timeline and in the audit trail.
import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import { recordAudit, type AuditAction } from "../audit/record.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { endOpenLeadTask } from "../tasks/end-lead-task.js";
import type { CaseEventKind } from "../tasks/event-kinds.js";
import { openLeadTask } from "../tasks/open-lead-task.js";
import { caseEvents, tasks } from "../tasks/schema.js";
import { HANDLING_LEVEL_NAMES, HANDLING_LEVELS, type AssignedVia, type HandlingLevel } from "../tasks/states.js";
import { appendCaseEvent } from "../tasks/timeline.js";
import { UNIT_KIND_NAMES } from "../units/kinds.js";
import { decideRouting, loadCaseFacts, type CaseFacts, type RoutingDecision } from "./decide.js";
import { activeUnits, countyUnitAbove, unitOfKindAt, type PlaceUnit } from "./place-units.js";
import { caseRoutings } from "./schema.js";
import type { RoutingVia } from "./names.js";
import { instantiateWorkflow } from "./workflows.js";

export interface Routed {
  routingId: number;
  taskId: number;
  leadUnitId: number | null;
  level: HandlingLevel;
}

type CaseRow = typeof cases.$inferSelect;

async function lockCase(ctx: Ctx, caseId: number): Promise<CaseRow> {
  const [c] = await ctx.tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!c || c.mergedIntoId != null) throw new AppError("NOT_FOUND");
  return c;
}

function requireMovable(c: CaseRow) {
  if (c.status === "closed") throw new AppError("CONFLICT", "案件已办结");
}

export async function hasOpenLeadTask(db: DbOrTx, caseId: number): Promise<boolean> {
  const [t] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.caseId, caseId), eq(tasks.role, "lead"), notInArray(tasks.state, ["closed", "returned"])))
    .limit(1);
  return Boolean(t);
}

async function lastRouting(db: DbOrTx, caseId: number) {
  const [r] = await db.select().from(caseRoutings).where(eq(caseRoutings.caseId, caseId)).orderBy(desc(caseRoutings.id)).limit(1);
  return r ?? null;
}

interface Move {
  via: RoutingVia;
  assignedVia: AssignedVia;
  event: CaseEventKind;
  audit: AuditAction;
  note?: string;
  extraDetail?: Record<string, unknown>;
}

async function apply(ctx: Ctx, c: CaseRow, facts: CaseFacts, d: RoutingDecision, move: Move): Promise<Routed> {
  const [routing] = await ctx.tx
    .insert(caseRoutings)
    .values({
      caseId: c.id,
      versionId: d.versionId,
      ruleId: d.ruleId,
      leadUnitId: d.leadUnitId,
      coUnitIds: d.coUnitIds,
      level: d.level,
      via: move.via,
      reasons: d.reasons,
      note: move.note ?? null,
      decidedByLabel: actorLabel(ctx.actor),
      at: ctx.now,
    })
    .returning({ id: caseRoutings.id });
  const { taskId } = await openLeadTask(ctx, {
    caseId: c.id,
    unitId: d.leadUnitId,
    level: d.level,
    via: move.assignedVia,
    routingId: routing.id,
    coUnitIds: d.coUnitIds,
    eligibleKinds: d.eligibleKinds,
    urgency: facts.riskLevel === "red" ? "urgent" : "normal",
  });
  const detail = { routingId: routing.id, level: d.level, leadUnitId: d.leadUnitId, coUnitIds: d.coUnitIds, reasons: d.reasons, versionId: d.versionId, ...(move.note ? { note: move.note } : {}), ...move.extraDetail };
  await appendCaseEvent(ctx, { caseId: c.id, taskId, unitId: d.leadUnitId, kind: move.event, detail });
  await recordAudit(ctx, {
    action: move.audit,
    subjectType: "case",
    subjectId: c.id,
    oldValues: { leadUnitId: c.leadUnitId, handlingLevel: c.handlingLevel },
    newValues: { routingId: routing.id, via: move.via, leadUnitId: d.leadUnitId, coUnitIds: d.coUnitIds, level: d.level, versionId: d.versionId, note: move.note ?? null },
  });
  return { routingId: routing.id, taskId, leadUnitId: d.leadUnitId, level: d.level };
}

function requireReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 2) throw new AppError("VALIDATION_FAILED", "请填写事由", [{ path: "/reason", message: "请填写 2–300 字的事由" }]);
  return r;
}

/** Routes a case that has no open lead task by the matrix in force. Null when there is nothing to do. */
export async function routeCase(ctx: Ctx, caseId: number): Promise<Routed | null> {
  const c = await lockCase(ctx, caseId);
  if (c.status === "closed" || (await hasOpenLeadTask(ctx.tx, caseId))) return null;
  const facts = await loadCaseFacts(ctx.tx, caseId);
  const d = await decideRouting(ctx.tx, facts);
  const routed = await apply(ctx, c, facts, d, { via: "auto", assignedVia: "route", event: "routed", audit: "case.route" });
  await instantiateWorkflow(ctx, caseId, c.category);
  return routed;
}

export interface RerouteInput {
  /** A unit: send it there. null: post it on the claim board. Absent: run the matrix again. */
  unitId?: number | null;
  level?: HandlingLevel;
  /** Co-handling units when a unit is named (default: the current co-units). */
  coUnitIds?: number[];
  reason: string;
}

/** Staff re-route (改派): ends the open lead task and opens a new one where staff say, or where the matrix now says. */
export async function rerouteCase(ctx: Ctx, caseId: number, input: RerouteInput): Promise<Routed> {
  const reason = requireReason(input.reason);
  const c = await lockCase(ctx, caseId);
  requireMovable(c);
  const facts = await loadCaseFacts(ctx.tx, caseId);
  let d: RoutingDecision;
  if (input.unitId === undefined) {
    d = await decideRouting(ctx.tx, facts);
    d = { ...d, level: input.level ?? d.level, reasons: [`改派，重新按职责矩阵流转：${reason}`, ...d.reasons] };
  } else {
    const all = await activeUnits(ctx.tx);
    const previous = await lastRouting(ctx.tx, caseId);
    const coUnitIds = input.coUnitIds ?? previous?.coUnitIds ?? [];
    const unknown = [...(input.unitId != null ? [input.unitId] : []), ...coUnitIds].filter((id) => !all.some((u) => u.id === id));
    if (unknown.length) throw new AppError("VALIDATION_FAILED", "单位不存在或已停用", [{ path: "/unitId", message: `单位 ${unknown.join("、")} 不存在或已停用` }]);
    const unit = input.unitId != null ? all.find((u) => u.id === input.unitId)! : null;
    const level = input.level ?? (unit ? (unit.kind === "community_centre" ? "community" : "street") : "street");
    const co = coUnitIds.filter((id) => id !== unit?.id);
    d = {
      versionId: null,
      version: null,
      ruleId: null,
      leadUnitId: unit?.id ?? null,
      coUnitIds: co,
      level,
      openCall: unit == null,
      eligibleKinds: [],
      reasons: [
        `改派：${reason}`,
        unit ? `指定牵头单位 → ${unit.name}` : "发布揭榜认领",
        ...co.map((id) => `协办 → ${all.find((u) => u.id === id)!.name}`),
        `处置层级：${HANDLING_LEVEL_NAMES[level]}`,
      ],
    };
  }
  await endOpenLeadTask(ctx, caseId, `改派：${reason}`);
  const routed = await apply(ctx, c, facts, d, { via: "reroute", assignedVia: "reroute", event: "rerouted", audit: "case.reroute", note: reason });
  if (input.unitId === undefined) await instantiateWorkflow(ctx, caseId, c.category);
  return routed;
}

/** The unit that leads at a level for the case's place: the community centre below the street, the street centre at the street, a county centre (or the street centre) above. */
function leadAtLevel(all: PlaceUnit[], facts: CaseFacts, level: HandlingLevel): { unit: PlaceUnit; why: string } | null {
  if (level === "grid" || level === "community") {
    const unit = unitOfKindAt(all, "community_centre", facts.regionPath);
    if (!unit) return null;
    const how = level === "grid" ? "，组织网格员办理" : "";
    return { unit, why: `${UNIT_KIND_NAMES.community_centre} → ${unit.name}${how}` };
  }
  const centre = unitOfKindAt(all, "street_centre", facts.regionPath);
  if (level === "street") return centre ? { unit: centre, why: `${UNIT_KIND_NAMES.street_centre} → ${centre.name}` } : null;
  const county = centre ? countyUnitAbove(all, centre.path) : null;
  if (county) return { unit: county, why: `市级 → ${county.name}` };
  return centre ? { unit: centre, why: `暂无市级承办单位登记，由${centre.name}报送市级部门并牵头跟进` } : null;
}

async function moveLevel(ctx: Ctx, caseId: number, reasonIn: string, step: 1 | -1): Promise<Routed> {
  const reason = requireReason(reasonIn);
  const c = await lockCase(ctx, caseId);
  requireMovable(c);
  const from = c.handlingLevel as HandlingLevel | null;
  if (!from) throw new AppError("CONFLICT", "案件尚未流转");
  const to = HANDLING_LEVELS[HANDLING_LEVELS.indexOf(from) + step];
  if (!to) throw new AppError("ROUTING_LEVEL_LIMIT", step > 0 ? "已在最高层级" : "已在最低层级");
  const facts = await loadCaseFacts(ctx.tx, caseId);
  const all = await activeUnits(ctx.tx);
  const lead = leadAtLevel(all, facts, to);
  if (!lead) throw new AppError("ROUTING_LEVEL_LIMIT", `${facts.regionName}没有${HANDLING_LEVEL_NAMES[to]}层级的承办单位`);
  const previous = await lastRouting(ctx.tx, caseId);
  const coUnitIds = (previous?.coUnitIds ?? []).filter((id) => id !== lead.unit.id && all.some((u) => u.id === id));
  const verb = step > 0 ? "上提" : "下沉";
  const d: RoutingDecision = {
    versionId: null,
    version: null,
    ruleId: null,
    leadUnitId: lead.unit.id,
    coUnitIds,
    level: to,
    openCall: false,
    eligibleKinds: [],
    reasons: [`由${HANDLING_LEVEL_NAMES[from]}${verb}至${HANDLING_LEVEL_NAMES[to]}：${reason}`, `牵头：${lead.why}`, ...coUnitIds.map((id) => `协办（保留）→ ${all.find((u) => u.id === id)!.name}`)],
  };
  await endOpenLeadTask(ctx, caseId, `${verb}至${HANDLING_LEVEL_NAMES[to]}：${reason}`);
  return step > 0
    ? apply(ctx, c, facts, d, { via: "escalation", assignedVia: "escalation", event: "escalated", audit: "case.escalate", note: reason, extraDetail: { fromLevel: from } })
    : apply(ctx, c, facts, d, { via: "push_down", assignedVia: "push_down", event: "pushed_down", audit: "case.push_down", note: reason, extraDetail: { fromLevel: from } });
}

/** One level up (grid → community → street → county): 重大疑难, failed at its level, red risk. */
export function escalateCase(ctx: Ctx, caseId: number, input: { reason: string }): Promise<Routed> {
  return moveLevel(ctx, caseId, input.reason, 1);
}

/** One level down (county → street → community → grid). */
export function pushDownCase(ctx: Ctx, caseId: number, input: { reason: string }): Promise<Routed> {
  return moveLevel(ctx, caseId, input.reason, -1);
}

/**
 * After a unit returns the case (退回): the matrix again without the units that returned it (this one and earlier
 * ones), or the claim board when nothing else fits. The returned task is ended by the task module first.
 */
export async function rerouteAfterReturn(ctx: Ctx, caseId: number, input: { returnedUnitId: number; reason: string }): Promise<Routed> {
  const c = await lockCase(ctx, caseId);
  requireMovable(c);
  await endOpenLeadTask(ctx, caseId, `退回：${input.reason}`);
  const earlier = await ctx.tx
    .select({ detail: caseEvents.detail })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.kind, ["rerouted"])));
  const excluded = new Set<number>([input.returnedUnitId]);
  for (const e of earlier) for (const id of (e.detail.excludedUnitIds as number[] | undefined) ?? []) excluded.add(id);
  const facts = { ...(await loadCaseFacts(ctx.tx, caseId)), excludeUnitIds: [...excluded] };
  const decided = await decideRouting(ctx.tx, facts);
  const returnedName = (await activeUnits(ctx.tx)).find((u) => u.id === input.returnedUnitId)?.name ?? `单位 #${input.returnedUnitId}`;
  const d = { ...decided, reasons: [`${returnedName}退回：${input.reason}`, "重新按职责矩阵流转，退回过的单位不再承办", ...decided.reasons] };
  return apply(ctx, c, facts, d, { via: "return", assignedVia: "route", event: "rerouted", audit: "case.reroute", note: input.reason, extraDetail: { excludedUnitIds: [...excluded] } });
}
