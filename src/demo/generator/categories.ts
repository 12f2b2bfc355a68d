// The hub's 15 dispute categories, and how each outside channel words them in its own coarse vocabulary
// (警情类别, nrfl, disputeType, jflx, 服务类别). Channel words are sometimes wrong, as they are in real exports.
import type { Rng } from "./prng.js";

import { CATEGORIES, type CategoryCode } from "../../cases/categories.js";

export { CATEGORIES };
export type Category = CategoryCode;

/** How often each kind of dispute reaches the hub (per cent). */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  LL: 17, HY: 10, WY: 9, HT: 9, LD: 9, XF: 7, JT: 7, SH: 6, FW: 6, HJ: 5, SC: 4, TD: 3, ZD: 3, YL: 3, QT: 2,
};

export const SOURCE_CHANNELS = ["110", "12345", "81890", "zlf", "odr", "ldbz", "xf", "rmtj"] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** Where each kind of dispute tends to be reported. */
export const CHANNEL_WEIGHTS: Record<Category, Partial<Record<SourceChannel, number>>> = {
  HY: { "110": 30, "12345": 15, "81890": 8, rmtj: 20, odr: 8, xf: 10, zlf: 6 },
  LL: { "110": 30, "12345": 20, "81890": 12, rmtj: 20, odr: 8, xf: 5, zlf: 5 },
  FW: { "12345": 15, "110": 12, rmtj: 20, zlf: 18, xf: 18, odr: 10, "81890": 4 },
  TD: { zlf: 25, xf: 25, rmtj: 20, "12345": 15, "110": 10, odr: 5 },
  ZD: { zlf: 35, xf: 30, "12345": 25, rmtj: 5, "110": 5 },
  HT: { odr: 25, rmtj: 25, "110": 20, "12345": 15, zlf: 5, xf: 5, "81890": 5 },
  SC: { "12345": 25, rmtj: 20, odr: 20, "110": 15, zlf: 10, "81890": 5, xf: 5 },
  LD: { ldbz: 40, "12345": 20, zlf: 10, odr: 10, rmtj: 10, "110": 10 },
  SH: { "110": 30, rmtj: 25, odr: 15, "12345": 15, "81890": 10, xf: 5 },
  YL: { "12345": 25, zlf: 20, odr: 15, rmtj: 15, "110": 15, xf: 10 },
  JT: { "110": 35, odr: 20, rmtj: 20, "12345": 15, "81890": 5, zlf: 5 },
  WY: { "12345": 35, "81890": 20, rmtj: 10, odr: 10, zlf: 10, "110": 10, xf: 5 },
  XF: { "12345": 45, odr: 20, "81890": 15, "110": 10, zlf: 5, rmtj: 5 },
  HJ: { "12345": 40, zlf: 15, "110": 15, "81890": 15, xf: 10, odr: 5 },
  QT: { "12345": 35, "81890": 25, "110": 20, xf: 10, zlf: 10 },
};

const POLICE: Record<Category, string[]> = {
  HY: ["纠纷-家庭纠纷", "纠纷-家庭纠纷", "纠纷-婚姻纠纷"], LL: ["纠纷-邻里纠纷", "纠纷-邻里纠纷", "噪音扰民"],
  FW: ["纠纷-邻里纠纷", "纠纷-房屋纠纷"], TD: ["纠纷-土地纠纷", "纠纷-邻里纠纷"], ZD: ["纠纷-拆迁纠纷", "求助"],
  HT: ["纠纷-经济纠纷", "纠纷-债务纠纷"], SC: ["纠纷-经济纠纷", "纠纷-其他纠纷"], LD: ["纠纷-劳资纠纷", "纠纷-劳资纠纷", "求助"],
  SH: ["纠纷-损害赔偿纠纷", "纠纷-其他纠纷"], YL: ["纠纷-医患纠纷"], JT: ["交通-交通事故", "纠纷-交通纠纷"],
  WY: ["纠纷-物业纠纷", "求助"], XF: ["纠纷-消费纠纷", "纠纷-经济纠纷"], HJ: ["噪音扰民", "纠纷-环境纠纷", "求助"],
  QT: ["求助", "纠纷-其他纠纷"],
};
const PETITION: Record<Category, string[]> = {
  HY: ["民政-家庭矛盾", "政法综治-家庭纠纷"], LL: ["政法综治-邻里纠纷", "政法综治-邻里纠纷"], FW: ["住建-房屋安全", "自然资源-宅基地"],
  TD: ["自然资源-林地权属", "农业农村-承包地"], ZD: ["住建-拆迁安置", "自然资源-征地补偿"], HT: ["金融-民间借贷", "经济-合同履行"],
  SC: ["经济-合同履行", "市场监管-经营秩序"], LD: ["人社-欠薪", "人社-劳动关系"], SH: ["政法综治-赔偿纠纷"], YL: ["卫健-医疗纠纷"],
  JT: ["公安交通-事故处理"], WY: ["住建-物业服务"], XF: ["市场监管-消费投诉"], HJ: ["生态环境-噪声污染", "生态环境-废气废水"], QT: ["其他", "政法综治-其他"],
};
const ODR: Record<Category, string[]> = {
  HY: ["family"], LL: ["neighbor"], FW: ["house", "neighbor"], TD: ["land"], ZD: ["demolition", "land"], HT: ["loan", "contract"],
  SC: ["contract", "business"], LD: ["labor"], SH: ["tort", "compensation"], YL: ["medical"], JT: ["traffic"], WY: ["property-service"],
  XF: ["consumer"], HJ: ["environment", "neighbor"], QT: ["other"],
};
const MEDIATION: Record<Category, string[]> = {
  HY: ["婚姻家庭纠纷"], LL: ["邻里纠纷"], FW: ["房屋宅基地纠纷"], TD: ["山林土地纠纷"], ZD: ["征地拆迁纠纷"], HT: ["合同纠纷", "债务纠纷"],
  SC: ["生产经营纠纷"], LD: ["劳动争议纠纷"], SH: ["损害赔偿纠纷"], YL: ["医疗纠纷"], JT: ["道路交通事故纠纷"], WY: ["物业纠纷"],
  XF: ["消费纠纷"], HJ: ["环境污染纠纷"], QT: ["其他纠纷"],
};
const SERVICE: Record<Category, string[]> = {
  HY: ["家庭调解"], LL: ["邻里协调"], FW: ["邻里协调", "房屋维修"], TD: ["其他求助"], ZD: ["政策咨询"], HT: ["法律咨询"],
  SC: ["法律咨询", "其他求助"], LD: ["劳动保障"], SH: ["法律咨询", "邻里协调"], YL: ["医疗服务"], JT: ["交通出行", "法律咨询"],
  WY: ["物业服务", "维修服务"], XF: ["消费维权"], HJ: ["环境卫生"], QT: ["其他求助"],
};

const WORD_TABLES: Partial<Record<SourceChannel, Record<Category, string[]>>> = { "110": POLICE, zlf: PETITION, odr: ODR, rmtj: MEDIATION, "81890": SERVICE };

/** A channel's own word for the category; wrong about one time in ten. */
export function channelWord(rng: Rng, channel: SourceChannel, category: Category): string {
  const table = WORD_TABLES[channel];
  if (!table) return "";
  const c = rng.chance(0.1) ? rng.pick(CATEGORIES) : category;
  return rng.pick(table[c]);
}

/** 12345 诉求类型 by kind of dispute. */
export function hotlineType(rng: Rng, category: Category): string {
  if (category === "HJ" || category === "SC") return rng.weighted({ 投诉: 50, 举报: 35, 求助: 10, 建议: 5 });
  if (category === "ZD" || category === "TD") return rng.weighted({ 投诉: 40, 求助: 30, 咨询: 25, 建议: 5 });
  return rng.weighted({ 投诉: 55, 求助: 28, 咨询: 10, 举报: 4, 建议: 3 });
}

/** The 12345 承办单位 for a kind of dispute. */
export function hotlineUnit(rng: Rng, category: Category, communityName: string): string {
  const street = "古塘街道办事处";
  const byCategory: Partial<Record<Category, string[]>> = {
    LD: ["慈溪市人力资源和社会保障局", "古塘街道劳动保障所"], XF: ["慈溪市市场监督管理局", "慈溪市市场监督管理局古塘所"],
    HJ: ["宁波市生态环境局慈溪分局", "慈溪市综合行政执法局"], YL: ["慈溪市卫生健康局"], WY: ["慈溪市住房和城乡建设局", street],
    ZD: ["古塘街道征迁工作指挥部", street], TD: ["慈溪市自然资源和规划局", street], JT: ["慈溪市公安局交通警察大队"],
    SC: ["慈溪市市场监督管理局", street],
  };
  const own = byCategory[category] ?? [street];
  return rng.chance(0.3) ? `古塘街道${communityName}` : rng.pick(own);
}
