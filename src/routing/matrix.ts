// The responsibility matrix in force: the newest version, its rules loaded once and kept in memory (a version never
// changes), and saving an edit as a new version.
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { CATEGORY_NAMES } from "../cases/categories.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { CHANNEL_NAMES, isChannel } from "../intake/channels.js";
import { regionNodes } from "../regions/schema.js";
import { actorLabel, type Ctx } from "../server/context.js";
import { HANDLING_LEVEL_NAMES } from "../tasks/states.js";
import { UNIT_KIND_NAMES, type UnitKind } from "../units/kinds.js";
import { units } from "../units/schema.js";
import { routingMatrixVersions, routingRules } from "./schema.js";
import { RISK_LEVEL_NAMES } from "./names.js";
import type { RuleInput } from "./views.js";

export type Rule = typeof routingRules.$inferSelect;
export type MatrixVersion = typeof routingMatrixVersions.$inferSelect;

/** A rule with the path of its region (for the subtree test) and the names a reason needs. */
export interface CompiledRule extends Rule {
  regionPath: string | null;
  regionName: string | null;
  leadUnitName: string | null;
}

export interface LoadedMatrix {
  version: MatrixVersion;
  rules: CompiledRule[];
}

// Versions are immutable, so their rules are cached by id. The creation time guards against another database
// (tests) reusing an id.
const cache = new Map<number, { createdAt: number; rules: CompiledRule[] }>();

export async function currentVersion(db: DbOrTx): Promise<MatrixVersion | null> {
  const [v] = await db.select().from(routingMatrixVersions).orderBy(desc(routingMatrixVersions.version)).limit(1);
  return v ?? null;
}

export async function loadMatrix(db: DbOrTx, version: MatrixVersion): Promise<LoadedMatrix> {
  const hit = cache.get(version.id);
  if (hit && hit.createdAt === version.createdAt.getTime()) return { version, rules: hit.rules };
  const rows = await db
    .select({ rule: routingRules, regionPath: regionNodes.path, regionName: regionNodes.name, leadUnitName: units.name })
    .from(routingRules)
    .leftJoin(regionNodes, eq(regionNodes.id, routingRules.regionNodeId))
    .leftJoin(units, eq(units.id, routingRules.leadUnitId))
    .where(eq(routingRules.versionId, version.id))
    .orderBy(asc(routingRules.position));
  const rules = rows.map((r) => ({ ...r.rule, regionPath: r.regionPath, regionName: r.regionName, leadUnitName: r.leadUnitName }));
  cache.set(version.id, { createdAt: version.createdAt.getTime(), rules });
  return { version, rules };
}

export async function loadCurrentMatrix(db: DbOrTx): Promise<LoadedMatrix | null> {
  const v = await currentVersion(db);
  return v ? loadMatrix(db, v) : null;
}

export function yuan(n: number): string {
  return n >= 10_000 ? `${+(n / 10_000).toFixed(2)} 万元` : `${n} 元`;
}

/** The rule in one sentence, for the editor and the reasons. */
export function ruleSummary(r: Pick<Rule, "category" | "minAmount" | "minPeople" | "channel" | "riskLevel" | "leadUnitKind" | "coUnitKinds" | "level" | "openCall"> & { regionName?: string | null; leadUnitName?: string | null }): string {
  const when = [
    r.category ? CATEGORY_NAMES[r.category as keyof typeof CATEGORY_NAMES] ?? r.category : null,
    r.regionName ? `${r.regionName}范围内` : null,
    r.minAmount != null ? `金额≥${yuan(r.minAmount)}` : null,
    r.minPeople != null ? `人数≥${r.minPeople}人` : null,
    r.channel ? `${isChannel(r.channel) ? CHANNEL_NAMES[r.channel] : r.channel}渠道` : null,
    r.riskLevel ? `${RISK_LEVEL_NAMES[r.riskLevel]}风险` : null,
  ].filter(Boolean);
  const lead = r.leadUnitName ?? (r.leadUnitKind ? UNIT_KIND_NAMES[r.leadUnitKind as UnitKind] : null);
  const then = [
    r.openCall ? "发布揭榜认领" : `${lead}牵头`,
    r.coUnitKinds.length ? `${r.coUnitKinds.map((k) => UNIT_KIND_NAMES[k as UnitKind] ?? k).join("、")}协办` : null,
    `${HANDLING_LEVEL_NAMES[r.level]}层级`,
  ].filter(Boolean);
  return `${when.length ? when.join("，") : "任何案件"} → ${then.join("，")}`;
}

/** Saves the full list of rules as a new version, which is in force from now on. Old routings keep their version. */
export async function saveMatrixVersion(ctx: Ctx, input: { note: string; rules: RuleInput[] }): Promise<MatrixVersion> {
  await checkReferences(ctx.tx, input.rules);
  // One writer at a time: the next version number is read and written under the lock.
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('routing_matrix_versions'))`);
  const before = await currentVersion(ctx.tx);
  const [version] = await ctx.tx
    .insert(routingMatrixVersions)
    .values({ version: (before?.version ?? 0) + 1, note: input.note, createdByLabel: actorLabel(ctx.actor), createdAt: ctx.now })
    .returning();
  await ctx.tx.insert(routingRules).values(input.rules.map((r, i) => ({ ...r, versionId: version.id, position: i + 1 })));
  await recordAudit(ctx, {
    action: "routing.matrix_save",
    subjectType: "routing_matrix_version",
    subjectId: version.id,
    oldValues: before ? { version: before.version } : null,
    newValues: { version: version.version, note: input.note, rules: input.rules },
  });
  return version;
}

async function checkReferences(db: DbOrTx, rules: RuleInput[]) {
  const fields: { path: string; message: string }[] = [];
  const regionIds = [...new Set(rules.flatMap((r) => (r.regionNodeId != null ? [r.regionNodeId] : [])))];
  const unitIds = [...new Set(rules.flatMap((r) => (r.leadUnitId != null ? [r.leadUnitId] : [])))];
  const knownRegions = new Set(regionIds.length ? (await db.select({ id: regionNodes.id }).from(regionNodes).where(inArray(regionNodes.id, regionIds))).map((r) => r.id) : []);
  const knownUnits = new Set(unitIds.length ? (await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))).map((u) => u.id) : []);
  rules.forEach((r, i) => {
    if (r.regionNodeId != null && !knownRegions.has(r.regionNodeId)) fields.push({ path: `/rules/${i}/regionNodeId`, message: "区域不存在" });
    if (r.leadUnitId != null && !knownUnits.has(r.leadUnitId)) fields.push({ path: `/rules/${i}/leadUnitId`, message: "单位不存在" });
  });
  if (fields.length) throw new AppError("VALIDATION_FAILED", "职责矩阵引用了不存在的区域或单位", fields);
}
