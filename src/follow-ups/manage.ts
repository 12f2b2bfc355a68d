// Managing follow-ups (followups.manage): reassigning a visit, and the rules that decide when visits fall due.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { roleMay } from "../accounts/permissions.js";
import { inScope } from "../accounts/policies.js";
import { accounts } from "../accounts/schema.js";
import type { Role } from "../accounts/roles.js";
import { cases } from "../cases/schema.js";
import { AppError } from "../errors/catalogue.js";
import { notifyAccounts, notifyUnit } from "../notifications/notify.js";
import { regionNodes } from "../regions/schema.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { units } from "../units/schema.js";
import { auditFollowUp } from "./audit.js";
import { beijingDate } from "./days.js";
import { lockVisit } from "./record-visit.js";
import { normaliseOffsets } from "./rules.js";
import { followUpRules, followUpVisits } from "./schema.js";
import type { AssigneeKind } from "./states.js";

const KIND_OF_ROLE: Partial<Record<Role, AssigneeKind>> = { grid_worker: "grid_worker", mediator: "mediator" };

/** Gives a due visit to another person (who may record visits and sees the case's place) or to a unit. */
export async function reassignVisit(ctx: Ctx, visitId: number, input: { accountId?: number | null; unitId?: number | null; note?: string }): Promise<void> {
  const visit = await lockVisit(ctx, visitId);
  if (visit.status !== "due") throw new AppError("CONFLICT", "只能改派待回访的任务");
  const [kase] = await ctx.tx.select({ code: cases.code, title: cases.title, path: regionNodes.path }).from(cases).innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId)).where(eq(cases.id, visit.caseId));
  let next: { assigneeAccountId: number | null; assigneeKind: AssigneeKind; unitId: number | null };
  if (input.accountId != null) {
    const [a] = await ctx.tx
      .select({ id: accounts.id, role: accounts.role, unitId: accounts.unitId, path: regionNodes.path })
      .from(accounts)
      .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
      .where(and(eq(accounts.id, input.accountId), isNull(accounts.disabledAt)));
    if (!a) throw new AppError("VALIDATION_FAILED", "账号不存在或已停用");
    if (!roleMay(a.role, "followups.record")) throw new AppError("VALIDATION_FAILED", "该账号不能登记回访");
    const placement = { kind: "account" as const, id: a.id, username: "", displayName: "", role: a.role, unitId: a.unitId, regionNodeId: 0, regionPath: a.path, sessionId: null };
    if (!inScope(placement, { regionPath: kase.path }) && a.role !== "mediator") throw new AppError("VALIDATION_FAILED", "该账号的辖区不包含案件所在地");
    next = { assigneeAccountId: a.id, assigneeKind: KIND_OF_ROLE[a.role] ?? "unit", unitId: a.unitId };
  } else if (input.unitId != null) {
    const [u] = await ctx.tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.active, true)));
    if (!u) throw new AppError("VALIDATION_FAILED", "单位不存在或已停用");
    next = { assigneeAccountId: null, assigneeKind: "unit", unitId: u.id };
  } else {
    throw new AppError("VALIDATION_FAILED", "请选择回访人或单位");
  }
  await ctx.tx.update(followUpVisits).set({ ...next, overdueAlertedAt: null }).where(eq(followUpVisits.id, visitId));
  const notice = { kind: "follow_up_assigned", title: `回访任务：案件 ${kase.code}`, body: `「${kase.title}」结案后第 ${visit.offsetDays} 天回访，${beijingDate(visit.dueAt)} 到期${input.note ? `（${input.note}）` : ""}`, caseId: visit.caseId };
  if (next.assigneeAccountId != null) await notifyAccounts(ctx, [next.assigneeAccountId], notice);
  else if (next.unitId != null) await notifyUnit(ctx, next.unitId, notice);
  await auditFollowUp(ctx, {
    action: "follow_up.reassign",
    subjectType: "follow_up_visit",
    subjectId: visitId,
    oldValues: { assigneeAccountId: visit.assigneeAccountId, assigneeKind: visit.assigneeKind, unitId: visit.unitId },
    newValues: { ...next, note: input.note ?? null },
  });
}

export interface RuleInput {
  category: string | null;
  riskLevel: "red" | "yellow" | "green" | null;
  offsetsDays: number[];
  active: boolean;
}

async function requireUniqueActive(ctx: Ctx, r: RuleInput, exceptId: number | null) {
  if (!r.active) return;
  const [clash] = await ctx.tx
    .select({ id: followUpRules.id })
    .from(followUpRules)
    .where(
      and(
        eq(followUpRules.active, true),
        sql`${followUpRules.category} IS NOT DISTINCT FROM ${r.category}`,
        sql`${followUpRules.riskLevel} IS NOT DISTINCT FROM ${r.riskLevel}`,
        exceptId != null ? ne(followUpRules.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new AppError("CONFLICT", "已有相同类别和风险等级的启用规则");
}

function checkOffsets(days: number[]): number[] {
  const offsets = normaliseOffsets(days);
  if (!offsets.length || offsets.length !== days.length) throw new AppError("VALIDATION_FAILED", "回访天数须为 1–365 之间互不相同的整数");
  return offsets;
}

export async function createRule(ctx: Ctx, input: RuleInput): Promise<number> {
  const offsetsDays = checkOffsets(input.offsetsDays);
  await requireUniqueActive(ctx, input, null);
  const [row] = await ctx.tx
    .insert(followUpRules)
    .values({ ...input, offsetsDays, updatedByLabel: actorLabel(ctx.actor), updatedAt: ctx.now })
    .returning({ id: followUpRules.id });
  await auditFollowUp(ctx, { action: "follow_up_rule.create", subjectType: "follow_up_rule", subjectId: row.id, newValues: { ...input, offsetsDays } });
  return row.id;
}

export async function updateRule(ctx: Ctx, id: number, input: Partial<RuleInput>): Promise<void> {
  const [old] = await ctx.tx.select().from(followUpRules).where(eq(followUpRules.id, id)).for("update");
  if (!old) throw new AppError("NOT_FOUND");
  const next: RuleInput = {
    category: input.category !== undefined ? input.category : old.category,
    riskLevel: input.riskLevel !== undefined ? input.riskLevel : old.riskLevel,
    offsetsDays: input.offsetsDays !== undefined ? checkOffsets(input.offsetsDays) : old.offsetsDays,
    active: input.active ?? old.active,
  };
  await requireUniqueActive(ctx, next, id);
  await ctx.tx.update(followUpRules).set({ ...next, updatedByLabel: actorLabel(ctx.actor), updatedAt: ctx.now }).where(eq(followUpRules.id, id));
  await auditFollowUp(ctx, {
    action: "follow_up_rule.update",
    subjectType: "follow_up_rule",
    subjectId: id,
    oldValues: { category: old.category, riskLevel: old.riskLevel, offsetsDays: old.offsetsDays, active: old.active },
    newValues: next,
  });
}
