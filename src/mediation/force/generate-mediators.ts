// The generated mediation force of 古塘: ~150 for the demo, 10,000 for the team-formation benchmark, from one
// seeded generator. Units, studios and places are named by code; insertMediators resolves them to ids.
import type { CategoryCode } from "../../cases/categories.js";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../../regions/import-registry.js";
import type { MediatorGrade, MediatorKind } from "../kinds.js";
import { DIALECTS, INCOMER_DIALECTS, SURNAMES, between, givenName, pick, prng, some, weighted, type Rand } from "./names.js";

export interface MediatorSeed {
  name: string;
  kind: MediatorKind;
  fields: CategoryCode[];
  specialties: string[];
  birthYear: number;
  gender: "male" | "female";
  yearsExperience: number;
  dialects: string[];
  homeCommunityCode: string;
  unitCode: string | null;
  studioCode: string | null;
  grade: MediatorGrade;
  availableDays: number[];
  leaveFrom: string | null;
  leaveTo: string | null;
  employerCreditCode: string | null;
  bio: string;
  /** The demo account to link, by username. */
  accountUsername: string | null;
}

export interface CommunityRef {
  code: string;
  /** 社区 or 村 */
  kind: string | null;
}

/** Studio codes (src/units/gutang-units.ts MEDIATION_STUDIOS). */
export const STUDIO = { huang: "MS-HXH", veteran: "MS-LBSST", dialect: "MS-XYTJS", bank: "MS-YHYG", silver: "MS-YFTJD" } as const;
type Persona = "huang" | "plain" | "huangTeam" | "veteran" | "dialect" | "bank" | "silver";

/** The force at 150 with 16 communities; other sizes scale it (cadres and grid workers follow the communities). */
function basePlan(communities: number): [MediatorKind, Persona, number][] {
  return [
    ["professional", "huangTeam", 4], ["professional", "plain", 7],
    ["judicial", "huangTeam", 1], ["judicial", "plain", 11],
    ["legal_aid", "huangTeam", 1], ["legal_aid", "plain", 9],
    ["police", "plain", 10],
    ["notable", "veteran", 4], ["notable", "dialect", 5], ["notable", "silver", 3], ["notable", "plain", 8],
    ["cadre", "dialect", 2], ["cadre", "plain", Math.round(communities * 1.5) - 2],
    ["grid_worker", "plain", communities * 2],
    ["volunteer", "bank", 8], ["volunteer", "silver", 8], ["volunteer", "veteran", 4], ["volunteer", "dialect", 2], ["volunteer", "plain", 8],
  ];
}

/** Largest-remainder scaling of the plan to n rows (黄新华 himself is always one). */
function scalePlan(plan: [MediatorKind, Persona, number][], n: number): [MediatorKind, Persona, number][] {
  const rest = n - 1;
  const total = plan.reduce((s, [, , c]) => s + c, 0);
  const exact = plan.map(([, , c]) => (c * rest) / total);
  const counts = exact.map(Math.floor);
  let left = rest - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) counts[i]++;
  return plan.map(([k, p], i) => [k, p, counts[i]]);
}

const FIELDS: Record<MediatorKind, CategoryCode[]> = {
  police: ["LL", "JT", "SH", "HY", "XF"],
  judicial: ["HY", "LL", "FW", "HT", "LD", "SH", "WY"],
  legal_aid: ["HT", "LD", "HY", "SH", "JT", "YL", "SC"],
  notable: ["LL", "HY", "FW", "TD", "ZD"],
  professional: ["WY", "LD", "SH", "HT", "YL", "JT", "LL", "HY"],
  cadre: ["TD", "LL", "ZD", "FW", "HY", "WY"],
  grid_worker: ["LL", "WY", "HJ", "XF"],
  volunteer: ["LL", "HY", "XF", "WY"],
};
const SPECIALTIES: Record<MediatorKind, string[]> = {
  police: ["治安调解", "邻里纠纷", "交通事故", "家庭暴力", "酒后纠纷", "消费纠纷"],
  judicial: ["人民调解", "婚姻家庭", "赡养", "宅基地", "法律咨询", "司法确认", "继承"],
  legal_aid: ["工伤", "欠薪", "劳动合同", "交通事故", "医疗", "借贷纠纷", "合同纠纷", "离婚财产"],
  notable: ["宅基地", "邻里纠纷", "赡养", "婚姻家庭", "征地补偿", "家族调解", "继承"],
  professional: ["物业", "工伤", "医疗", "交通事故", "心理疏导", "欠薪", "邻里漏水", "婚姻家庭"],
  cadre: ["邻里漏水", "物业", "拆迁安置", "居民矛盾", "停车纠纷", "婚姻家庭"],
  grid_worker: ["邻里漏水", "噪音扰民", "停车纠纷", "养犬纠纷", "物业", "楼道堆物", "出租房管理"],
  volunteer: ["心理疏导", "邻里纠纷", "老年人关怀", "消费维权", "婚姻家庭"],
};
const VILLAGE_CADRE_SPECIALTIES = ["征地补偿", "宅基地", "土地承包", "村务", "拆迁安置", "赡养"];
const BANK_FIELDS: CategoryCode[] = ["HT", "SC"];
const BANK_SPECIALTIES = ["借贷纠纷", "金融消费", "信用卡纠纷", "担保纠纷", "民间借贷"];
const SILVER_SPECIALTIES = ["赡养", "老年人权益", "邻里纠纷", "婚姻家庭", "心理疏导"];
const VETERAN_SPECIALTIES = ["退役军人事务", "邻里纠纷", "信访化解", "群体性纠纷"];
const HUANG_SPECIALTIES = ["疑难复杂纠纷", "劳资纠纷", "工伤", "婚姻家庭", "物业"];

const AGE: Record<MediatorKind, [number, number]> = {
  police: [26, 55], judicial: [26, 58], legal_aid: [28, 60], notable: [52, 76], professional: [30, 62],
  cadre: [32, 60], grid_worker: [24, 50], volunteer: [22, 70],
};
const FEMALE_SHARE: Record<MediatorKind, number> = {
  police: 0.15, judicial: 0.5, legal_aid: 0.4, notable: 0.15, professional: 0.45, cadre: 0.35, grid_worker: 0.65, volunteer: 0.5,
};
const GRADES: Record<MediatorKind, [MediatorGrade, number][]> = {
  police: [["senior", 2], ["standard", 7], ["trainee", 1]],
  judicial: [["gold", 1], ["senior", 4], ["standard", 5]],
  legal_aid: [["senior", 4], ["standard", 6]],
  notable: [["gold", 1.5], ["senior", 4.5], ["standard", 4]],
  professional: [["gold", 1.5], ["senior", 4], ["standard", 4.5]],
  cadre: [["senior", 2], ["standard", 7], ["trainee", 1]],
  grid_worker: [["standard", 7], ["trainee", 3]],
  volunteer: [["senior", 1], ["standard", 5], ["trainee", 4]],
};
const UNIT_OF: Partial<Record<MediatorKind, string>> = { police: "GT-PCS", judicial: "GT-SFS" };
const WEEKDAYS = [1, 2, 3, 4, 5];

function creditCode(r: Rand, prefix: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let s = prefix;
  while (s.length < 18) s += chars[Math.floor(r() * chars.length)];
  return s;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * `n` mediators from `seed`. The same arguments always give the same rows; `asOf` anchors ages and leave dates
 * (default: today), `communities` the home places (default: the shipped Gutang registry's 16).
 */
export function generateMediators(n: number, seed: number, opts: { communities?: CommunityRef[]; asOf?: Date } = {}): MediatorSeed[] {
  const communities = opts.communities ?? loadRegistryFile(SHIPPED_REGISTRY_PATH).communities.map((c) => ({ code: c.code, kind: c.kind ?? null }));
  if (!communities.length || n < 1) return [];
  const asOf = opts.asOf ?? new Date();
  const year = asOf.getUTCFullYear();
  const r = prng(seed);
  const used = new Set<string>(["黄新华"]);
  const out: MediatorSeed[] = [huang(year, communities[0].code)];
  const perKind = new Map<MediatorKind, number>();

  for (const [kind, persona, count] of scalePlan(basePlan(communities.length), n)) {
    for (let i = 0; i < count; i++) {
      const k = perKind.get(kind) ?? 0;
      perKind.set(kind, k + 1);
      out.push(oneMediator(r, { kind, persona, year, asOf, communities, local: communities[k % communities.length], used }));
    }
  }
  return out.slice(0, n);
}

function huang(year: number, home: string): MediatorSeed {
  return {
    name: "黄新华", kind: "professional", fields: ["LD", "HY", "LL", "WY", "SH", "HT"], specialties: HUANG_SPECIALTIES,
    birthYear: year - 58, gender: "male", yearsExperience: 26, dialects: [DIALECTS.cixi, DIALECTS.putonghua, DIALECTS.yuyao],
    homeCommunityCode: home, unitCode: null, studioCode: STUDIO.huang, grade: "gold", availableDays: [1, 2, 3, 4, 5, 6],
    leaveFrom: null, leaveTo: null, employerCreditCode: null, accountUsername: "tiaojie",
    bio: "金牌调解员，黄新华工作室领衔人，从事人民调解二十余年，擅长化解疑难复杂的劳资、婚姻家庭纠纷",
  };
}

interface Spec {
  kind: MediatorKind;
  persona: Persona;
  year: number;
  asOf: Date;
  communities: CommunityRef[];
  /** The community a cadre or grid worker serves (round-robin, so that each has its own). */
  local: CommunityRef;
  used: Set<string>;
}

function oneMediator(r: Rand, s: Spec): MediatorSeed {
  const { kind, persona, year } = s;
  const retired = persona === "silver" || persona === "veteran";
  const [lo, hi] = retired ? [60, 76] : AGE[kind];
  const age = between(r, lo, hi);
  const birthYear = year - age;
  const gender: "male" | "female" = persona === "veteran" ? "male" : r() < FEMALE_SHARE[kind] ? "female" : "male";
  let name = "";
  for (let tries = 0; tries < 8 && (!name || s.used.has(name)); tries++) name = pick(r, SURNAMES) + givenName(r, gender, birthYear);
  s.used.add(name);

  const staffedLocally = kind === "cadre" || kind === "grid_worker";
  const home = staffedLocally ? s.local : pick(r, s.communities);
  const village = home.kind === "村";

  let fields: CategoryCode[] = some(r, localFields(kind, village), between(r, 2, 4));
  let specialties = some(r, kind === "cadre" && village ? VILLAGE_CADRE_SPECIALTIES : SPECIALTIES[kind], between(r, 2, 3));
  if (persona === "bank") {
    fields = [...BANK_FIELDS, ...some(r, ["XF", "LD"] as CategoryCode[], between(r, 0, 1))];
    specialties = some(r, BANK_SPECIALTIES, between(r, 2, 3));
  } else if (persona === "silver") specialties = some(r, SILVER_SPECIALTIES, between(r, 2, 3));
  else if (persona === "veteran") specialties = [VETERAN_SPECIALTIES[0], ...some(r, VETERAN_SPECIALTIES.slice(1), between(r, 1, 2))];
  else if (persona === "dialect") specialties = ["方言沟通", ...specialties.slice(0, 2)];

  const native = age >= 45 || r() < 0.7;
  const dialects: string[] = [DIALECTS.putonghua];
  if (native) dialects.unshift(DIALECTS.cixi);
  if (native && r() < 0.3) dialects.push(pick(r, [DIALECTS.yuyao, DIALECTS.ningbo]));
  if (!native && r() < 0.5) dialects.push(pick(r, INCOMER_DIALECTS));
  if (persona === "dialect") {
    for (const d of [DIALECTS.cixi, DIALECTS.yuyao, DIALECTS.ningbo, ...some(r, [...INCOMER_DIALECTS, DIALECTS.shaoxing], 2)]) if (!dialects.includes(d)) dialects.push(d);
  }

  const careerStart = kind === "volunteer" || retired ? Math.max(age - 25, 18) : 23;
  const maxYears = Math.max(1, Math.min(age - careerStart, kind === "grid_worker" ? 12 : 35));
  const yearsExperience = persona === "plain" && kind === "volunteer" ? between(r, 0, Math.min(8, maxYears)) : between(r, 1, maxYears);

  let grade = weighted(r, GRADES[kind]);
  if (persona === "huangTeam" && grade !== "gold") grade = "senior";
  // Grades follow experience: gold after a dozen years, senior after five, trainees only in their first years.
  if (grade === "gold" && yearsExperience < 12) grade = "senior";
  if (grade === "senior" && yearsExperience < 5) grade = "standard";
  if (grade === "trainee" && (yearsExperience > 3 || retired)) grade = "standard";

  const studioCode = persona === "plain" ? null : persona === "huangTeam" ? STUDIO.huang : STUDIO[persona];
  const unitCode = UNIT_OF[kind] ?? (staffedLocally ? `CC-${home.code}` : null);
  const employerCreditCode = persona === "bank" ? creditCode(r, "91330282") : kind === "legal_aid" ? creditCode(r, "31330000") : null;

  const onLeave = r() < 0.04;
  const leaveStart = new Date(s.asOf.getTime() + between(r, -10, 20) * 86_400_000);
  const leaveEnd = new Date(leaveStart.getTime() + between(r, 5, 30) * 86_400_000);

  return {
    name, kind, fields, specialties, birthYear, gender, yearsExperience, dialects,
    homeCommunityCode: home.code, unitCode, studioCode, grade,
    availableDays: availability(r, kind, retired),
    leaveFrom: onLeave ? isoDate(leaveStart) : null,
    leaveTo: onLeave ? isoDate(leaveEnd) : null,
    employerCreditCode, accountUsername: null,
    bio: bio(kind, persona, yearsExperience, retired),
  };
}

function localFields(kind: MediatorKind, village: boolean): CategoryCode[] {
  if (kind === "cadre") return village ? ["TD", "ZD", "FW", "LL", "HY"] : ["LL", "WY", "HY", "FW", "ZD"];
  if (kind === "grid_worker" && village) return ["LL", "FW", "HJ", "TD"];
  return FIELDS[kind];
}

function availability(r: Rand, kind: MediatorKind, retired: boolean): number[] {
  if (kind === "legal_aid") return some(r, WEEKDAYS, between(r, 2, 3));
  if (kind === "volunteer" || retired) return some(r, [1, 2, 3, 4, 5, 6, 7], between(r, 2, 5));
  return r() < 0.2 ? [...WEEKDAYS, 6] : WEEKDAYS;
}

function bio(kind: MediatorKind, persona: Persona, years: number, retired: boolean): string {
  const exp = years > 0 ? `，从事调解工作${years}年` : "";
  switch (persona) {
    case "huangTeam": return `黄新华工作室成员${exp}`;
    case "veteran": return `退役军人，老兵说事厅调解员${exp}`;
    case "dialect": return `乡音调解室调解员，能用多种方言与当事人沟通${exp}`;
    case "bank": return `银行系统义工调解队队员，熟悉金融借贷业务${exp}`;
    case "silver": return `退休后加入银发调解队${exp}`;
    case "huang":
    case "plain":
      break;
  }
  const who: Record<MediatorKind, string> = {
    police: "古塘派出所民警", judicial: "古塘司法所工作人员", legal_aid: "法律援助律师", notable: "本地乡贤",
    professional: "专职人民调解员", cadre: "村（社区）干部", grid_worker: "专职网格员", volunteer: "调解志愿者",
  };
  return `${retired ? "退休，" : ""}${who[kind]}${exp}`;
}
