// Risk signals as reports voice them, and the street's three-colour rule applied to a dispute's reports
// (shared/data/sample/README.md, "Risk rule"): the truth's riskLevel and riskAtReport come from here.
import type { Category } from "./categories.js";
import type { Rng } from "./prng.js";

export const HARD_SIGNALS = ["threat", "weapon", "self_harm", "injury", "group"] as const;
export const SOFT_SIGNALS = ["pushing", "insult", "harassment", "petition_threat", "police_before"] as const;
export type HardSignal = (typeof HARD_SIGNALS)[number];
export type SoftSignal = (typeof SOFT_SIGNALS)[number];
export type Signal = HardSignal | SoftSignal | "emotion" | "elderly" | "disabled" | "pregnant" | "repeat_cue" | "flare_cue";

export type RiskLevel = "red" | "yellow" | "green";

/** Which hard signals a kind of dispute plausibly shows. */
export const HARD_FITS: Record<Category, HardSignal[]> = {
  HY: ["threat", "weapon", "self_harm", "injury"], LL: ["threat", "weapon", "injury"], FW: ["threat", "weapon", "injury", "self_harm"],
  TD: ["threat", "weapon", "injury", "group"], ZD: ["self_harm", "group", "threat"], HT: ["threat", "self_harm", "injury"],
  SC: ["threat", "injury", "weapon"], LD: ["group", "self_harm", "threat"], SH: ["injury", "threat"], YL: ["group", "threat", "self_harm"],
  JT: ["injury", "threat"], WY: ["group", "injury", "threat"], XF: ["group", "threat"], HJ: ["group", "threat"], QT: ["threat", "injury"],
};

const PHRASES: Record<Exclude<Signal, "elderly" | "disabled" | "pregnant">, string[]> = {
  threat: ["对方扬言要找人收拾{我}", "对方放话说再闹就让{我}家出不了门", "对方在电话里威胁要弄死{我}", "对方称要叫一帮人上门算账"],
  weapon: ["争执中对方拿出菜刀挥舞", "对方手持铁棍堵在{我}家门口", "对方拎着一把剪刀冲了过来", "双方争吵时对方抄起了榔头"],
  self_harm: ["{我}情绪崩溃，称再不解决就从楼上跳下去", "{我}扬言要喝农药死给对方看", "{我}说活不下去了，要到对方门口寻短见"],
  injury: ["双方扭打在一起，{我}头部被打破，到医院缝了{针}针", "{我}被对方打伤，脸上和手臂多处淤青，已到医院验伤", "双方动手打了起来，{我}的手指被打骨折", "冲突中双方互殴，{我}眼角被打伤"],
  group: ["现场聚集了{大数}人围观起哄", "对方叫来{大数}人在门口对峙", "{大数}人一起到现场讨说法"],
  pushing: ["双方发生推搡", "拉扯中{我}的衣服被扯破", "对方推了{我}一把"],
  insult: ["对方当众辱骂{我}", "对方在楼道里骂得很难听", "对方天天指桑骂槐"],
  harassment: ["对方经常半夜打电话骚扰{我}", "对方天天堵在{我}家门口", "对方在{我}家门上乱涂乱画"],
  petition_threat: ["{我}表示再不处理就去市里上访", "{我}表示要到省里去反映", "{我}说要去市政府门口讨说法"],
  police_before: ["此前已报过警，民警调解后对方仍旧如此", "之前110已经出过警", "派出所已经处理过一次"],
  emotion: ["{我}情绪非常激动", "{我}说着说着就哭了", "{我}实在忍无可忍了", "{我}在电话里大声哭喊"],
  repeat_cue: ["这已经是{我}第{次}次反映了", "之前反映过，至今没有解决", "{我}已经多次反映过"],
  flare_cue: ["{间隔}前经调解已经平息，最近对方又开始了", "之前调解过，这段时间又出现同样的问题", "原以为事情已经过去，没想到最近又闹起来了"],
};

/** Group phrasing by kind of dispute: workers at the factory gate, villagers at the office, owners at the desk. */
const GROUP_BY_CATEGORY: Partial<Record<Category, string[]>> = {
  LD: ["目前有{大数}名工人聚集在厂门口讨要工资", "{大数}名工友一起来讨薪，情绪激愤"],
  ZD: ["{大数}户村民聚集在村委会门口要说法", "{大数}名村民一起到街道反映"],
  WY: ["{大数}名业主聚集在物业办公室", "{大数}名业主联名到社区反映"],
  XF: ["{大数}名消费者一起到店门口要求退款"],
  YL: ["对方家属{大数}人聚集在医院大厅"],
  HJ: ["周边{大数}名居民聚集到对方门口要求整改"],
  TD: ["{大数}名村民聚集在田头对峙"],
};

const VULNERABLE: Record<"elderly" | "disabled" | "pregnant", string[]> = {
  elderly: ["{我}今年{年龄}岁，身体不好", "{我}已经{年龄}岁了，行动不便", "{我}年过七十，腿脚不方便"],
  disabled: ["{我}是残疾人，行动不便", "{我}有二级残疾证，生活困难", "{我}肢体残疾，一个人生活"],
  pregnant: ["{我}怀孕{孕月}个月了", "{我}现在怀着孕，经不起这样折腾", "{我}是孕妇，医生让{我}静养"],
};

const BIG_COUNTS = ["十几", "二十多", "三十多", "十多", "四十多"];

/** A phrase for a signal, with its own slots filled; `{我}` is left for the frame's voice. */
export function signalPhrase(rng: Rng, signal: Signal, category: Category, ctx: { peopleCount: number | null; age: number; repeatNo: number; gap: string }): string {
  let list: string[];
  if (signal === "elderly" || signal === "disabled" || signal === "pregnant") list = VULNERABLE[signal];
  else if (signal === "group") list = [...(GROUP_BY_CATEGORY[category] ?? []), ...PHRASES.group];
  else list = PHRASES[signal];
  const big = ctx.peopleCount !== null && ctx.peopleCount >= 10 ? (rng.chance(0.5) ? String(ctx.peopleCount) : rng.pick(BIG_COUNTS)) : rng.pick(BIG_COUNTS);
  return rng
    .pick(list)
    .replace("{大数}", big)
    .replace("{针}", String(rng.int(3, 9)))
    .replace("{年龄}", String(ctx.age))
    .replace("{孕月}", String(rng.int(3, 8)))
    .replace("{次}", ["一", "一", "二", "三", "四", "五", "六"][Math.min(ctx.repeatNo, 6)])
    .replace("{间隔}", ctx.gap);
}

export interface RuleReport {
  /** Beijing calendar day number. */
  day: number;
  signals: readonly Signal[];
}

export interface RuleFacts {
  amount: number | null;
  vulnerable: boolean;
}

export interface RiskResult {
  level: RiskLevel;
  reasons: string[];
}

const isHard = (s: Signal) => (HARD_SIGNALS as readonly string[]).includes(s);
const isEscalation = (s: Signal) => isHard(s) || (SOFT_SIGNALS as readonly string[]).includes(s);

/** The rule over reports in time order (redeliveries and corrections excluded by the caller). */
export function applyRiskRule(reports: readonly RuleReport[], facts: RuleFacts): RiskResult {
  const reasons = new Set<string>();
  for (const r of reports) for (const s of r.signals) if (isHard(s)) reasons.add(s);
  // 3+ reports within 30 days where one after the first shows escalation.
  for (let i = 0; i < reports.length; i++) {
    const inWindow = reports.filter((r) => r.day >= reports[i].day && r.day < reports[i].day + 30);
    if (inWindow.length >= 3 && inWindow.slice(1).some((r) => r.signals.some(isEscalation))) reasons.add("rapid_escalation");
  }
  const red = reasons.size > 0;
  const days = [...new Set(reports.map((r) => r.day))].sort((a, b) => a - b);
  for (let i = 0; i + 2 < days.length; i++) if (days[i + 2] - days[i] < 30) reasons.add("repeat");
  if (days.length >= 2 && reports.some((r) => r.signals.includes("emotion"))) reasons.add("emotion");
  if (facts.amount !== null && facts.amount >= 100_000) reasons.add("money");
  if (facts.vulnerable) reasons.add("vulnerable");
  return { level: red ? "red" : reasons.size > 0 ? "yellow" : "green", reasons: [...reasons] };
}

/** Beijing calendar day number of an instant. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * 3_600_000) / 86_400_000);
}
