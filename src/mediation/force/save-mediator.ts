// Adding and editing a mediator (mediators.manage). The force is street-wide: the actor's scope must cover the street
// of the mediator's home community (404 otherwise). Every change is audited with its old and new values.
import { and, asc, eq, ne } from "drizzle-orm";
import { authorize } from "../../accounts/policies.js";
import { accounts } from "../../accounts/schema.js";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { people } from "../../people/schema.js";
import { regionNodes } from "../../regions/schema.js";
import type { Ctx } from "../../server/context.js";
import { units } from "../../units/schema.js";
import { mediators } from "../schema.js";
import type { MediatorInput, MediatorPatch } from "./views.js";

type MediatorRow = typeof mediators.$inferSelect;

/** The street a mediator belongs to: the street above their home community, else the (first) street. */
async function streetPath(ctx: Pick<Ctx, "tx">, homeRegionNodeId: number | null): Promise<string | null> {
  if (homeRegionNodeId != null) {
    const [home] = await ctx.tx.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.id, homeRegionNodeId));
    const streets = await ctx.tx.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.level, "street"));
    const street = home && streets.find((s) => home.path.startsWith(s.path));
    if (street) return street.path;
  }
  const [first] = await ctx.tx.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.level, "street")).orderBy(asc(regionNodes.id)).limit(1);
  return first?.path ?? null;
}

const invalid = (path: string, message: string) => new AppError("VALIDATION_FAILED", message, [{ path, message }]);

/** Checks the references and turns the input into column values. */
async function resolve(ctx: Ctx, input: MediatorPatch, id: number | null): Promise<Partial<typeof mediators.$inferInsert>> {
  const { homeRegionCode, availableDays, ...rest } = input;
  const values: Partial<typeof mediators.$inferInsert> = { ...rest };
  if (homeRegionCode !== undefined) {
    if (homeRegionCode === null) values.homeRegionNodeId = null;
    else {
      const [node] = await ctx.tx.select({ id: regionNodes.id, level: regionNodes.level }).from(regionNodes).where(eq(regionNodes.code, homeRegionCode));
      if (!node || node.level !== "community") throw invalid("homeRegionCode", `${homeRegionCode} 不是村（社区）`);
      values.homeRegionNodeId = node.id;
    }
  }
  if (availableDays) values.availableDays = [...new Set(availableDays)].sort((a, b) => a - b);
  if (input.unitId != null) {
    const [u] = await ctx.tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw invalid("unitId", "所属单位不存在");
  }
  if (input.studioUnitId != null) {
    const [u] = await ctx.tx.select({ kind: units.kind }).from(units).where(eq(units.id, input.studioUnitId));
    if (!u || u.kind !== "mediation_studio") throw invalid("studioUnitId", "所属工作室/调解队不存在");
  }
  if (input.personId != null) {
    const [p] = await ctx.tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
    if (!p) throw invalid("personId", "人员不存在");
  }
  if (input.accountId != null) {
    const [a] = await ctx.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!a) throw invalid("accountId", "账号不存在");
    const [taken] = await ctx.tx
      .select({ id: mediators.id })
      .from(mediators)
      .where(id == null ? eq(mediators.accountId, input.accountId) : and(eq(mediators.accountId, input.accountId), ne(mediators.id, id)));
    if (taken) throw new AppError("CONFLICT", "该账号已关联其他调解员");
  }
  return values;
}

function checkLeave(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw invalid("leaveTo", "请假结束日期早于开始日期");
  if (!from && to) throw invalid("leaveFrom", "请填写请假开始日期");
}

/** What the audit keeps of a mediator. */
function audited(m: MediatorRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

export async function createMediator(ctx: Ctx, input: MediatorInput): Promise<number> {
  const values = await resolve(ctx, input, null);
  authorize(ctx.actor, "mediators.manage", { regionPath: await streetPath(ctx, values.homeRegionNodeId ?? null) });
  checkLeave(input.leaveFrom, input.leaveTo);
  const [row] = await ctx.tx
    .insert(mediators)
    .values({ ...values, name: input.name, kind: input.kind })
    .returning();
  await recordAudit(ctx, { action: "mediator.create", subjectType: "mediator", subjectId: row.id, newValues: audited(row) });
  return row.id;
}

export async function updateMediator(ctx: Ctx, id: number, patch: MediatorPatch): Promise<number> {
  const [before] = await ctx.tx.select().from(mediators).where(eq(mediators.id, id)).for("update");
  authorize(ctx.actor, "mediators.manage", before ? { regionPath: await streetPath(ctx, before.homeRegionNodeId) } : null);
  const values = await resolve(ctx, patch, id);
  if (values.homeRegionNodeId !== undefined && values.homeRegionNodeId !== before.homeRegionNodeId) {
    authorize(ctx.actor, "mediators.manage", { regionPath: await streetPath(ctx, values.homeRegionNodeId) });
  }
  checkLeave(patch.leaveFrom !== undefined ? patch.leaveFrom : before.leaveFrom, patch.leaveTo !== undefined ? patch.leaveTo : before.leaveTo);
  const [after] = await ctx.tx.update(mediators).set({ ...values, updatedAt: ctx.now }).where(eq(mediators.id, id)).returning();
  const oldValues: Record<string, unknown> = {};
  const newValues: Record<string, unknown> = {};
  const a = audited(after) as Record<string, unknown>;
  const b = audited(before) as Record<string, unknown>;
  for (const k of Object.keys(a)) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
      oldValues[k] = b[k];
      newValues[k] = a[k];
    }
  }
  await recordAudit(ctx, { action: "mediator.update", subjectType: "mediator", subjectId: id, oldValues, newValues });
  return id;
}
