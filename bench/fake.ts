// Invented but plausible field contents for the bench generator: people, numbers, stories and addresses drawn
// from the shipped registry (roads, compounds, village groups, shops, crossings), so that addresses resolve.
import { creditCodeCheckChar } from "../src/intake/normalise/credit-code.js";
import type { Registry } from "../src/regions/registry-format.js";

import { seededRandom, type Random } from "../src/classifier/random.js";

export type Rng = Random;

/** mulberry32 (the project's one seedable generator): the same seed gives the same files. */
export const createRng: (seed: number) => Rng = seededRandom;

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const int = (rng: Rng, from: number, to: number) => from + Math.floor(rng() * (to - from + 1));

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN = "伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 华 建国 建平 志强 海燕 红霞 文杰 立峰 佳怡 思琪 雨涵 德明 春燕 锦华 彩凤 卫军 宇航 丽华 浩然 子涵 欣怡 梓萱 一鸣 晓东 海峰 玉兰 金花 阿根 国庆".split(" ");
const TITLES = ["先生", "女士", "师傅", "阿姨", "大爷"];

export function personName(rng: Rng): string {
  const r = rng();
  if (r < 0.06) return pick(rng, SURNAMES) + pick(rng, TITLES);
  if (r < 0.07) return `${pick(rng, SURNAMES)}某`;
  if (r < 0.075) return "匿名";
  return pick(rng, SURNAMES) + pick(rng, GIVEN);
}

export function mobile(rng: Rng): string {
  const prefix = pick(rng, ["130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "153", "158", "159", "177", "180", "182", "186", "187", "188", "189", "199"]);
  return prefix + String(int(rng, 0, 99_999_999)).padStart(8, "0");
}

/** A phone as channels type them: mostly plain, some dashed, +86, spaced or a landline. */
export function phone(rng: Rng): string {
  const m = mobile(rng);
  const r = rng();
  if (r < 0.82) return m;
  if (r < 0.87) return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  if (r < 0.91) return `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  if (r < 0.95) return `0574-63${String(int(rng, 0, 999_999)).padStart(6, "0")}`;
  return `+86${m}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";
const REGIONS = ["330282", "330282", "330282", "330211", "411381", "412826", "622424", "330203"];

export function idNumber(rng: Rng): string {
  const year = int(rng, 1945, 2004);
  const body = `${pick(rng, REGIONS)}${year}${String(int(rng, 1, 12)).padStart(2, "0")}${String(int(rng, 1, 28)).padStart(2, "0")}${String(int(rng, 0, 999)).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  const full = body + ID_CHECK[sum % 11];
  const r = rng();
  if (r < 0.15) return `${full.slice(0, 6)}********${full.slice(14)}`;
  if (r < 0.17) return full.slice(0, 6) + full.slice(8, 17); // the old 15-digit form
  return full;
}

const CODE_SIGNS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export function creditCode(rng: Rng): string {
  let body = `${pick(rng, ["91", "92", "91"])}330282`;
  for (let i = 0; i < 9; i++) body += CODE_SIGNS[Math.floor(rng() * CODE_SIGNS.length)];
  return body + creditCodeCheckChar(body)!;
}

export const amount = (rng: Rng) => pick(rng, [300, 700, 1200, 2600, 4200, 6100, 8500, 11000, 25000, 89000, 130000]) + int(rng, 0, 9) * 100;

export interface Story {
  category: string;
  text: (p: { other: string; amount: number; place: string; n: number }) => string;
  demand: string;
}

/** Short stories per kind of dispute; the slots make nearly every narrative distinct, as real ones are. */
export const STORIES: Story[] = [
  { category: "邻里", text: (p) => `其与对门邻居${p.other}因晾衣服滴水发生口角，多次沟通无果。`, demand: "希望社区帮忙劝劝。" },
  { category: "邻里", text: (p) => `${p.other}家空调外机装在其家窗户边上，夏天噪音和热风很大。`, demand: "要求对方移装空调外机。" },
  { category: "邻里", text: (p) => `楼上${p.other}家装修漏水，把其家天花板泡坏了，损失约${p.amount}元。`, demand: "要求对方赔偿维修费用。" },
  { category: "房屋宅基地", text: (p) => `邻居${p.other}翻建房屋时占了其家${p.n}平方米的地，社区曾介入协调，未果。`, demand: "请求村里和街道来测量确认界址。" },
  { category: "合同债务", text: (p) => `${p.other}向其借款${p.amount}元，约定三个月归还，至今未还。`, demand: "要求对方归还借款。" },
  { category: "劳动争议", text: (p) => `其在${p.place}干了两年，老板拖欠工资${p.amount}元，涉及工友${p.n}人。`, demand: "要求单位支付拖欠的工资。" },
  { category: "消费", text: (p) => `其在${p.place}花${p.amount}元买的电视机，用了没几天就坏了，老板不给退换。`, demand: "要求店家退货退款。" },
  { category: "交通事故", text: (p) => `其骑电动车在${p.place}被${p.other}开的小轿车撞了，腿受了伤，医药费花了${p.amount}元。`, demand: "要求对方赔偿医药费。" },
  { category: "婚姻家庭", text: (p) => `其与丈夫${p.other}因赡养老人问题经常吵架，最近一次还动了手。`, demand: "希望调解员上门做工作。" },
  { category: "物业", text: (p) => `小区物业长期不清理垃圾，${p.other}等${p.n}户业主多次反映无果。`, demand: "要求物业公司整改。" },
  { category: "损害赔偿", text: (p) => `${p.other}家孩子玩弹弓打到了其孩子的眼睛，医药费${p.amount}元。`, demand: "希望双方家长坐下来协商。" },
  { category: "征地拆迁", text: (p) => `其家房屋在拆迁范围内，评估补偿只有${p.amount}元，其认为太低。`, demand: "请求重新评估房屋价值。" },
  { category: "环境污染", text: (p) => `${p.place}夜间排放刺鼻气味，附近${p.n}户居民无法开窗。`, demand: "要求有关部门查处。" },
];

const ROOM = (floor: number, unit: number) => `${floor}0${unit}`;

/** Address strings in the shapes channels write them, each built from a real entry of the registry. */
export function addressPool(registry: Registry, rng: Rng, size = 4000): string[] {
  const prefix = registry.street.addressPrefix as string;
  const short = "慈溪市古塘街道";
  const withPrefix = (s: string) => {
    const r = rng();
    return r < 0.35 ? s : r < 0.7 ? short + s : prefix + s;
  };
  type P = { kind: string; name: string; address?: string | null; buildings?: { no: number }[]; floors?: number; unitsPerBuilding?: number; houseNumbers?: { from: number; to: number }[] };
  const places = registry.places as unknown as P[];
  const compounds = places.filter((p) => p.kind === "compound" && p.buildings?.length);
  const groups = places.filter((p) => p.kind === "village-group" && p.houseNumbers?.length);
  const named = places.filter((p) => ["shop", "factory", "landmark", "public-body", "crossing"].includes(p.kind));
  const roads = (registry.roads as { name: string; ranges: { from: number; to: number; microGrid?: string }[] }[])
    .map((r) => ({ name: r.name, ranges: r.ranges.filter((x) => x.microGrid) }))
    .filter((r) => r.ranges.length);
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = rng();
    if (r < 0.4) {
      const c = pick(rng, compounds);
      const b = pick(rng, c.buildings!).no;
      const unit = int(rng, 1, c.unitsPerBuilding ?? 2);
      const floor = int(rng, 1, c.floors ?? 6);
      out.push(withPrefix(`${c.address && rng() < 0.3 ? c.address : ""}${c.name}${b}${rng() < 0.8 ? "幢" : "栋"}${unit}单元${ROOM(floor, unit)}${rng() < 0.3 ? "室" : ""}`));
    } else if (r < 0.62) {
      const g = pick(rng, groups);
      const range = pick(rng, g.houseNumbers!);
      out.push(withPrefix(`${g.name}${int(rng, range.from, range.to)}号`));
    } else if (r < 0.85) {
      const road = pick(rng, roads);
      const range = pick(rng, road.ranges);
      out.push(withPrefix(`${road.name}${int(rng, range.from, range.to)}号`));
    } else {
      const p = pick(rng, named);
      out.push(withPrefix(p.address && rng() < 0.5 ? `${p.address}${p.kind === "crossing" ? "" : p.name}` : p.name));
    }
  }
  return out;
}

/** Names of shops, factories and companies in the registry, for stories and respondents. */
export function businessNames(registry: Registry): string[] {
  return (registry.places as unknown as { kind: string; name: string }[]).filter((p) => p.kind === "shop" || p.kind === "factory").map((p) => p.name);
}
