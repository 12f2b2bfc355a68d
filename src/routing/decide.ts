// Where a case goes and why: the first matrix rule whose conditions the case meets and whose lead resolves to a unit
// at the case's place. Nothing fits → the claim board. Reads the matrix from memory; the only queries are the
// current version's id and the units (once per transaction).
import { and, eq, sql } from "drizzle-orm";
import { CATEGORY_NAMES, isCategory } from "../cases/categories.js";
import { cases } from "../cases/schema.js";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { CHANNEL_NAMES, isChannel } from "../intake/channels.js";
import { records } from "../intake/schema.js";
import type { RegionLevel } from "../regions/levels.js";
import { regionNodes } from "../regions/schema.js";
import { HANDLING_LEVEL_NAMES, type HandlingLevel } from "../tasks/states.js";
import { UNIT_KIND_NAMES, type UnitKind } from "../units/kinds.js";
import { loadCurrentMatrix, yuan, type CompiledRule } from "./matrix.js";
import { activeUnits, unitOfKindAt, type PlaceUnit } from "./place-units.js";
import { RISK_LEVEL_NAMES } from "./names.js";

export interface CaseFacts {
  category: string | null;
  regionPath: string;
  regionName: string;
  regionLevel: RegionLevel;
  /** Largest amount of money over the case's current records. */
  amount: number | null;
  /** Largest number of people over the case's current records. */
  peopleCount: number | null;
  channels: string[];
  riskLevel: "red" | "yellow" | "green" | null;
  /** Units that must not get it (they returned it). */
  excludeUnitIds?: number[];
}

export interface RoutingDecision {
  versionId: number | null;
  version: number | null;
  ruleId: number | null;
  leadUnitId: number | null;
  coUnitIds: number[];
  level: HandlingLevel;
  openCall: boolean;
  /** Who may claim it when it goes on the board (empty: any unit or studio). */
  eligibleKinds: UnitKind[];
  reasons: string[];
}

export async function loadCaseFacts(db: DbOrTx, caseId: number): Promise<CaseFacts> {
  const [c] = await db
    .select({ category: cases.category, riskLevel: cases.riskLevel, path: regionNodes.path, name: regionNodes.name, level: regionNodes.level })
    .from(cases)
    .innerJoin(regionNodes, eq(regionNodes.id, cases.regionNodeId))
    .where(eq(cases.id, caseId));
  if (!c) throw new AppError("NOT_FOUND");
  const [agg] = await db
    .select({
      amount: sql<string | null>`max(${records.amount})`,
      people: sql<number | null>`max(${records.peopleCount})`,
      channels: sql<string[]>`coalesce(array_agg(DISTINCT ${records.channel}), '{}')`,
    })
    .from(records)
    .where(and(eq(records.caseId, caseId), eq(records.isCurrent, true)));
  return {
    category: c.category,
    regionPath: c.path,
    regionName: c.name,
    regionLevel: c.level,
    amount: agg?.amount == null ? null : Number(agg.amount),
    peopleCount: agg?.people == null ? null : Number(agg.people),
    channels: agg?.channels ?? [],
    riskLevel: c.riskLevel,
  };
}

/** The conditions of `rule` the case meets, in words; null when one of them fails. */
export function matchRule(rule: CompiledRule, facts: CaseFacts): string[] | null {
  const met: string[] = [];
  if (rule.category != null) {
    if (rule.category !== facts.category) return null;
    met.push(`纠纷类别：${isCategory(rule.category) ? CATEGORY_NAMES[rule.category] : rule.category}`);
  }
  if (rule.regionNodeId != null) {
    if (!rule.regionPath || !facts.regionPath.startsWith(rule.regionPath)) return null;
    met.push(`地点：${facts.regionName}，在${rule.regionName}范围内`);
  }
  if (rule.minAmount != null) {
    if (facts.amount == null || facts.amount < rule.minAmount) return null;
    met.push(`金额 ${yuan(facts.amount)} ≥ ${yuan(rule.minAmount)}`);
  }
  if (rule.minPeople != null) {
    if (facts.peopleCount == null || facts.peopleCount < rule.minPeople) return null;
    met.push(`涉及 ${facts.peopleCount} 人 ≥ ${rule.minPeople} 人（群体性）`);
  }
  if (rule.channel != null) {
    if (!facts.channels.includes(rule.channel)) return null;
    met.push(`来源渠道：${isChannel(rule.channel) ? CHANNEL_NAMES[rule.channel] : rule.channel}`);
  }
  if (rule.riskLevel != null) {
    if (rule.riskLevel !== facts.riskLevel) return null;
    met.push(`风险等级：${RISK_LEVEL_NAMES[rule.riskLevel]}`);
  }
  return met;
}

const kindName = (kind: string) => UNIT_KIND_NAMES[kind as UnitKind] ?? kind;
const served = (u: PlaceUnit) => `${u.name}（辖区：${u.regionName}）`;

function resolveLead(rule: CompiledRule, facts: CaseFacts, all: PlaceUnit[], exclude: ReadonlySet<number>): { unit: PlaceUnit | null; why: string } {
  if (rule.leadUnitId != null) {
    const unit = all.find((u) => u.id === rule.leadUnitId && !exclude.has(u.id)) ?? null;
    return { unit, why: unit ? `指定牵头单位 → ${unit.name}` : `指定牵头单位${rule.leadUnitName ?? `#${rule.leadUnitId}`}已停用或已退回` };
  }
  const unit = unitOfKindAt(all, rule.leadUnitKind!, facts.regionPath, exclude);
  if (unit) return { unit, why: `${kindName(rule.leadUnitKind!)} → ${served(unit)}` };
  const excluded = unitOfKindAt(all, rule.leadUnitKind!, facts.regionPath) != null;
  return { unit: null, why: `${facts.regionName}没有可承办的${kindName(rule.leadUnitKind!)}${excluded ? "（已退回的单位除外）" : ""}` };
}

function header(version: number, rule: CompiledRule): string {
  return `职责矩阵第 ${version} 版第 ${rule.position} 条${rule.note ? `：${rule.note}` : ""}`;
}

export async function decideRouting(db: DbOrTx, facts: CaseFacts): Promise<RoutingDecision> {
  const matrix = await loadCurrentMatrix(db);
  const exclude = new Set(facts.excludeUnitIds ?? []);
  const board = (reasons: string[], versionId: number | null, version: number | null): RoutingDecision => ({
    versionId,
    version,
    ruleId: null,
    leadUnitId: null,
    coUnitIds: [],
    level: "street",
    openCall: true,
    eligibleKinds: [],
    reasons: [...reasons, "没有规则能确定承办单位 → 发布揭榜认领（街道层级）"],
  });
  if (!matrix) return board(["尚未设置职责矩阵"], null, null);

  const all = await activeUnits(db);
  const skipped: string[] = [];
  for (const rule of matrix.rules) {
    const met = matchRule(rule, facts);
    if (!met) continue;
    const reasons = [header(matrix.version.version, rule), ...(met.length ? met : ["未设特定条件（兜底规则）"])];
    let lead: PlaceUnit | null = null;
    if (!rule.openCall) {
      const resolved = resolveLead(rule, facts, all, exclude);
      if (!resolved.unit) {
        skipped.push(`${header(matrix.version.version, rule)}：${resolved.why}，继续匹配下一条`);
        continue;
      }
      lead = resolved.unit;
      reasons.push(`牵头：${resolved.why}`);
    } else {
      reasons.push(`发布揭榜认领${rule.leadUnitKind ? `（限${kindName(rule.leadUnitKind)}认领）` : ""}`);
    }
    const coUnitIds: number[] = [];
    for (const kind of rule.coUnitKinds) {
      const co = unitOfKindAt(all, kind, facts.regionPath, exclude);
      if (!co) reasons.push(`协办：${facts.regionName}没有可协办的${kindName(kind)}，略过`);
      else if (co.id !== lead?.id && !coUnitIds.includes(co.id)) {
        coUnitIds.push(co.id);
        reasons.push(`协办：${kindName(kind)} → ${served(co)}`);
      }
    }
    reasons.push(`处置层级：${HANDLING_LEVEL_NAMES[rule.level]}`);
    return {
      versionId: matrix.version.id,
      version: matrix.version.version,
      ruleId: rule.id,
      leadUnitId: lead?.id ?? null,
      coUnitIds,
      level: rule.level,
      openCall: rule.openCall,
      eligibleKinds: rule.openCall && rule.leadUnitKind ? [rule.leadUnitKind as UnitKind] : [],
      reasons: [...skipped, ...reasons],
    };
  }
  return board(skipped, matrix.version.id, matrix.version.version);
}
