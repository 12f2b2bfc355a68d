// Scoring one candidate mediator for one case: pure, no database. Each component lies in [0, 1]; the total is their
// weighted sum with the weights of SCORE_WEIGHTS (the one table to read and tune). The web app imports the names.
import type { MediatorGrade, MediatorKind } from "../kinds.js";

export const SCORE_COMPONENTS = ["field", "specialty", "locality", "experience", "load", "fit"] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/**
 * How much each component counts (they sum to 1):
 * - field       0.25  the case's dispute type is among the mediator's fields — the first thing staff ask
 * - locality    0.20  lives in the grid / community of the case's place or of a party's home (熟人社会: knows them)
 * - specialty   0.15  a specialty tag (工伤, 宅基地 …) or its trigger words occur in the case's words
 * - experience  0.15  years of mediation, and the record in this dispute type on past teams
 * - fit         0.15  a senior mediator for elderly-care or vulnerable parties; 慈溪话 for local parties
 * - load        0.10  fewer active teams first, so the work spreads
 */
export const SCORE_WEIGHTS: Record<ScoreComponent, number> = {
  field: 0.25,
  locality: 0.2,
  specialty: 0.15,
  experience: 0.15,
  fit: 0.15,
  load: 0.1,
};

export const SCORE_COMPONENT_NAMES: Record<ScoreComponent, string> = {
  field: "擅长领域",
  specialty: "专长匹配",
  locality: "熟悉当地",
  experience: "经验与成效",
  load: "当前负荷",
  fit: "适配度",
};

/** Active teams at which the load component reaches 0. */
export const LOAD_CAP = 5;
/** Years of experience at which the years part of the experience component is full. */
export const YEARS_CAP = 20;
/** Cases of the type on past teams before the record counts in full. */
export const RECORD_VOLUME = 5;
export const LOCAL_DIALECT = "慈溪话";

/**
 * Words in a case that call for a specialty besides the tag itself. Tags not listed match by their own text.
 */
export const SPECIALTY_TRIGGERS: Record<string, string[]> = {
  心理疏导: ["情绪", "轻生", "自杀", "想不开", "抑郁", "哭闹"],
  赡养: ["赡养", "养老", "赡养费", "不管老人"],
  老年人权益: ["老人", "老年", "养老", "赡养"],
  老年人关怀: ["老人", "老年", "独居"],
  婚姻家庭: ["离婚", "夫妻", "婆媳", "抚养", "家庭矛盾"],
  离婚财产: ["离婚", "财产分割"],
  家庭暴力: ["家暴", "殴打妻子", "打老婆"],
  继承: ["继承", "遗产", "遗嘱"],
  家族调解: ["兄弟", "家族", "分家"],
  宅基地: ["宅基地", "建房", "地基", "翻建"],
  土地承包: ["承包地", "土地流转", "责任田"],
  征地补偿: ["征地", "补偿款"],
  拆迁安置: ["拆迁", "安置房"],
  工伤: ["工伤", "受伤", "摔伤", "工亡"],
  欠薪: ["欠薪", "工资", "讨薪"],
  劳资纠纷: ["工资", "欠薪", "辞退", "社保"],
  劳动合同: ["劳动合同", "辞退", "解除合同"],
  物业: ["物业", "物业费", "业委会"],
  邻里纠纷: ["邻居", "邻里"],
  邻里漏水: ["漏水", "渗水"],
  噪音扰民: ["噪音", "扰民", "吵闹"],
  停车纠纷: ["停车", "车位"],
  养犬纠纷: ["狗", "犬"],
  楼道堆物: ["堆物", "楼道"],
  出租房管理: ["出租房", "租客", "房东"],
  交通事故: ["交通事故", "车祸", "追尾", "剐蹭"],
  医疗: ["医疗", "手术", "医院", "误诊"],
  借贷纠纷: ["借款", "借钱", "欠款"],
  民间借贷: ["借款", "借钱", "借条"],
  合同纠纷: ["合同", "货款", "违约"],
  消费纠纷: ["退款", "商家", "质量问题"],
  消费维权: ["退款", "商家", "质量问题"],
  金融消费: ["银行", "理财", "贷款"],
  信用卡纠纷: ["信用卡"],
  担保纠纷: ["担保"],
  酒后纠纷: ["酒后", "醉酒", "喝酒"],
  治安调解: ["打架", "斗殴", "推搡"],
  退役军人事务: ["退役", "老兵", "军人"],
};

const ELDERLY_WORDS = ["赡养", "养老", "老人", "老年", "高龄"];
const VULNERABLE_WORDS = ["残疾", "孤寡", "低保", "未成年", "独居", "重病", "留守"];

/** What scoring needs to know about a case. */
export interface CaseFacts {
  caseId: number;
  category: string | null;
  /** Title and record narratives. */
  text: string;
  /** Paths of the case's place and of the parties' homes. */
  placePaths: string[];
  /** The parties are local (their homes, or else the case's place, lie in 慈溪). */
  localParties: boolean;
  /** Beijing date (YYYY-MM-DD) of the session: today. */
  date: string;
}

/** What scoring needs to know about a mediator. */
export interface MediatorFacts {
  id: number;
  name: string;
  kind: MediatorKind;
  grade: MediatorGrade;
  gender: "male" | "female" | null;
  birthYear: number | null;
  fields: string[];
  specialties: string[];
  dialects: string[];
  yearsExperience: number;
  homePath: string | null;
  active: boolean;
  leaveFrom: string | null;
  leaveTo: string | null;
  /** Cases of this case's type on the mediator's past teams, and how many ended in an agreement. */
  typeHandled: number;
  typeSucceeded: number;
  /** Active teams now (other than this case's). */
  activeTeams: number;
}

export interface Score {
  total: number;
  breakdown: Record<ScoreComponent, number>;
  /** Why, in words, per component that scored. */
  reasons: Partial<Record<ScoreComponent, string>>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const clamp = (x: number) => Math.max(0, Math.min(1, x));

export function isSenior(grade: MediatorGrade): boolean {
  return grade === "gold" || grade === "senior";
}

/** A mediator is available when active and not on leave on the date. */
export function unavailableReason(m: Pick<MediatorFacts, "active" | "leaveFrom" | "leaveTo">, date: string): string | null {
  if (!m.active) return "已停用";
  if (m.leaveFrom && m.leaveFrom <= date && (!m.leaveTo || date <= m.leaveTo)) return `休假中（${m.leaveFrom} 至 ${m.leaveTo ?? "待定"}）`;
  return null;
}

/** Community (depth 4) and grid (depth 5) prefixes of a region path "33/3302/330282/330282006/<community>/<grid>/…". */
function prefix(path: string, segments: number): string | null {
  let at = -1;
  for (let i = 0; i < segments; i++) {
    at = path.indexOf("/", at + 1);
    if (at < 0) return null;
  }
  return path.slice(0, at + 1);
}
export const communityOf = (path: string) => prefix(path, 5);
export const gridOf = (path: string) => prefix(path, 6);

/** What a case's scoring reuses for every candidate: its needs and the grids and communities of its places. */
export interface PreparedCase {
  needs: CaseNeeds;
  grids: Set<string>;
  communities: Set<string>;
  year: number;
  /** Memos over the candidates of one case: whether a tag is found in its words, the locality of a home. */
  tagFound: Map<string, boolean>;
  homeLocality: Map<string, { score: number; how: string | null }>;
}
export function prepareCase(c: CaseFacts): PreparedCase {
  const grids = new Set<string>();
  const communities = new Set<string>();
  for (const p of c.placePaths) {
    const g = gridOf(p);
    const k = communityOf(p);
    if (g) grids.add(g);
    if (k) communities.add(k);
  }
  return { needs: caseNeeds(c), grids, communities, year: Number(c.date.slice(0, 4)), tagFound: new Map(), homeLocality: new Map() };
}

export function fieldScore(c: CaseFacts, m: MediatorFacts): number {
  return c.category != null && m.fields.includes(c.category) ? 1 : 0;
}

/** Specialties found in the case's words: one → 0.7, two or more → 1. (A plain loop: this runs for every candidate.) */
export function matchedSpecialties(c: Pick<CaseFacts, "text">, m: Pick<MediatorFacts, "specialties">, memo?: Map<string, boolean>): string[] {
  const found: string[] = [];
  for (const tag of m.specialties) {
    let hit = memo?.get(tag);
    if (hit === undefined) {
      hit = c.text.includes(tag) || (SPECIALTY_TRIGGERS[tag] ?? []).some((w) => c.text.includes(w));
      memo?.set(tag, hit);
    }
    if (hit) found.push(tag);
  }
  return found;
}
export function specialtyScore(found: string[]): number {
  return found.length === 0 ? 0 : found.length === 1 ? 0.7 : 1;
}

/** Same grid as the case's place or a party's home → 1; same community → 0.7. */
export function localityScore(c: CaseFacts | PreparedCase, m: Pick<MediatorFacts, "homePath">): { score: number; how: string | null } {
  if (!m.homePath) return { score: 0, how: null };
  const p = "grids" in c ? c : prepareCase(c);
  let known = p.homeLocality.get(m.homePath);
  if (!known) {
    const grid = gridOf(m.homePath);
    const community = communityOf(m.homePath);
    known = grid && p.grids.has(grid) ? { score: 1, how: "同一网格" } : community && p.communities.has(community) ? { score: 0.7, how: "同一村社区" } : { score: 0, how: null };
    p.homeLocality.set(m.homePath, known);
  }
  return known;
}

export function experienceScore(m: MediatorFacts): number {
  const years = Math.min(m.yearsExperience, YEARS_CAP) / YEARS_CAP;
  const record = m.typeHandled > 0 ? ((m.typeSucceeded + 1) / (m.typeHandled + 2)) * Math.min(1, m.typeHandled / RECORD_VOLUME) : 0;
  return clamp(0.4 * years + 0.6 * record);
}

export function loadScore(m: MediatorFacts): number {
  return 1 - Math.min(m.activeTeams, LOAD_CAP) / LOAD_CAP;
}

export interface CaseNeeds {
  elderly: boolean;
  vulnerable: boolean;
  local: boolean;
}
export function caseNeeds(c: CaseFacts): CaseNeeds {
  return {
    elderly: ELDERLY_WORDS.some((w) => c.text.includes(w)),
    vulnerable: VULNERABLE_WORDS.some((w) => c.text.includes(w)),
    local: c.localParties,
  };
}

/** The mean of the needs the case has: seniority (elderly or vulnerable parties), the local dialect. */
export function fitScore(needs: CaseNeeds, m: MediatorFacts, year: number): { score: number; how: string[] } {
  const parts: number[] = [];
  const how: string[] = [];
  if (needs.elderly || needs.vulnerable) {
    const older = m.birthYear != null && year - m.birthYear >= 55;
    const s = isSenior(m.grade) ? 1 : older ? 0.5 : 0;
    parts.push(s);
    if (s) how.push(isSenior(m.grade) ? (needs.elderly ? "资深调解员适合赡养养老纠纷" : "资深调解员适合弱势当事人") : "年长调解员");
  }
  if (needs.local) {
    const speaks = m.dialects.includes(LOCAL_DIALECT);
    parts.push(speaks ? 1 : 0);
    if (speaks) how.push(`会说${LOCAL_DIALECT}`);
  }
  return { score: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0, how };
}

/** The total and its breakdown; with `explain`, the reasons in words too (only for what is shown). */
export function scoreCandidate(c: CaseFacts, m: MediatorFacts, prepared: PreparedCase = prepareCase(c), explain = true): Score {
  const specialties = matchedSpecialties(c, m, prepared.tagFound);
  const locality = localityScore(prepared, m);
  const fit = fitScore(prepared.needs, m, prepared.year);
  const breakdown: Record<ScoreComponent, number> = {
    field: fieldScore(c, m),
    specialty: specialtyScore(specialties),
    locality: locality.score,
    experience: round(experienceScore(m)),
    load: round(loadScore(m)),
    fit: round(fit.score),
  };
  let sum = 0;
  for (const k of SCORE_COMPONENTS) sum += SCORE_WEIGHTS[k] * breakdown[k];
  const total = round(sum);
  const reasons: Score["reasons"] = {};
  if (!explain) return { total, breakdown, reasons };
  if (breakdown.field) reasons.field = "案件类别在其擅长领域内";
  if (specialties.length) reasons.specialty = `专长：${specialties.join("、")}`;
  if (locality.how) reasons.locality = locality.how;
  reasons.experience = `调解${m.yearsExperience}年${m.typeHandled ? `，同类案件${m.typeHandled}件，成功${m.typeSucceeded}件` : ""}`;
  reasons.load = `在办${m.activeTeams}件`;
  if (fit.how.length) reasons.fit = fit.how.join("；");
  return { total, breakdown, reasons };
}

/** Beijing calendar date of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
