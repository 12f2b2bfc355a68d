// Invented organisations with valid unified social credit codes (GB 32100): employers, shops, property
// companies, developers, clinics. Places from the registry (factories, shops) become organisations with a code
// that depends only on the place, so the same factory has the same code in every dispute.
import type { Rng } from "./prng.js";
import { Rng as Prng } from "./prng.js";
import type { Spot } from "./places.js";

export type OrgKind = "factory" | "shop" | "property" | "company" | "developer" | "hospital" | "school" | "committee";

export interface Org {
  key: string;
  kind: OrgKind;
  name: string;
  /** What people call it ("开发电器", "惠民超市"). */
  alias: string;
  creditCode: string;
  phone: string | null;
  /** Where it is; null for one registered outside the street. */
  spot: Spot | null;
  /** Its registered address when outside the street. */
  addressOutside: string | null;
}

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714 organisation code inside the credit code: 8 characters and their own check.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCheckChar(code.slice(0, 17)) === code[17];
}

function orgCodeCheck(eight: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = eight[i];
    const v = c >= "0" && c <= "9" ? +c : c.charCodeAt(0) - 55; // A = 10
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? "X" : r === 11 ? "0" : String(r);
}

/**
 * A credit code: registering body and kind (91 company, 92 sole trader, 54 village committee, 55 residents'
 * committee, 11 government body) + region + organisation code + check.
 */
export function makeCreditCode(rng: Rng, prefix = "91", region = "330282"): string {
  let eight = "";
  if (rng.chance(0.55)) {
    // Codes issued since 2015 start their organisation part with MA.
    eight = "MA2";
    for (let i = 0; i < 5; i++) eight += ALPHABET[rng.int(0, 30)];
  } else {
    for (let i = 0; i < 8; i++) eight += String(rng.int(0, 9));
  }
  const body = `${prefix}${region}${eight}${orgCodeCheck(eight)}`;
  return body + creditCheckChar(body);
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The organisation behind a registry place (factory, shop, hospital …): stable for a given place. */
export function orgForPlace(seed: number, spot: Spot, kind: OrgKind): Org {
  const rng = new Prng(seed ^ hashString(spot.placeId ?? spot.name), 7);
  const soleTrader = kind === "shop" && !/公司|医院|学校|市场|城|广场/.test(spot.name);
  return {
    key: `OR${spot.placeId ?? "X"}`,
    kind,
    name: spot.name,
    alias: spot.alias ?? spot.name,
    creditCode: makeCreditCode(rng, soleTrader ? "92" : "91"),
    phone: rng.chance(0.6) ? `0574-${rng.pick(["63", "58", "23"])}${String(rng.int(100000, 999999))}` : null,
    spot,
    addressOutside: null,
  };
}

const TRADE_NAMES = [
  "恒达", "宏远", "瑞丰", "鑫旺", "金诚", "华越", "海盛", "永泰", "顺捷", "锦程", "嘉和", "立鼎", "甬利", "亿佳", "科润",
  "天禾", "凯瑞", "博信", "中甬", "新越", "广源", "众合", "腾飞", "润城", "泰隆", "明顺", "康达", "兴业", "东晟", "汇通",
];
const BUSINESSES: Record<"company" | "developer" | "property", string[]> = {
  company: ["贸易有限公司", "建筑装饰工程有限公司", "物流有限公司", "电子商务有限公司", "家居用品有限公司", "汽车服务有限公司", "广告有限公司", "劳务服务有限公司", "教育咨询有限公司", "餐饮管理有限公司", "机械设备有限公司", "投资咨询有限公司"],
  developer: ["房地产开发有限公司", "置业有限公司"],
  property: ["物业服务有限公司", "物业管理有限公司"],
};
const OUTSIDE_TOWNS = ["慈溪市宗汉街道", "慈溪市坎墩街道", "慈溪市浒山街道", "慈溪市白沙路街道", "余姚市阳明街道", "宁波市江北区"];
const OUTSIDE_ROADS = ["兴业路", "新华路", "环城北路", "三北西大街", "人民路", "开元路", "明州路"];

/** A company invented for a story (a debtor, a contractor, a developer), in the street or registered elsewhere. */
export function makeCompany(rng: Rng, key: string, kind: "company" | "developer" | "property", spot: Spot | null, business?: string[]): Org {
  const trade = rng.pick(TRADE_NAMES);
  const name = `${rng.pick(["慈溪市", "慈溪市", "宁波"])}${trade}${rng.pick(business ?? BUSINESSES[kind])}`;
  const outside = spot === null;
  return {
    key,
    kind,
    name,
    alias: trade + (kind === "property" ? "物业" : kind === "developer" ? "地产" : "公司"),
    creditCode: makeCreditCode(rng, "91", outside && rng.chance(0.3) ? "330200" : "330282"),
    phone: rng.chance(0.5) ? `0574-${rng.pick(["63", "58", "87"])}${String(rng.int(100000, 999999))}` : null,
    spot,
    addressOutside: outside ? `${rng.pick(OUTSIDE_TOWNS)}${rng.pick(OUTSIDE_ROADS)}${rng.int(2, 480)}号` : null,
  };
}

/** A property company named by a compound in the registry. */
export function propertyOrg(seed: number, name: string, spot: Spot): Org {
  const rng = new Prng(seed ^ hashString(name), 11);
  return {
    key: `ORP${hashString(name).toString(36).toUpperCase()}`,
    kind: "property",
    name,
    alias: name.replace(/^慈溪市/, "").replace(/(服务|管理)?有限公司$/, ""),
    creditCode: makeCreditCode(rng),
    phone: `0574-63${String(rng.int(100000, 999999))}`,
    spot,
    addressOutside: null,
  };
}

/** A village or residents' committee, or the street's demolition office: the other side in land stories. */
export function publicOrg(seed: number, name: string, alias: string, kind: "committee" | "demolition", spot: Spot): Org {
  const rng = new Prng(seed ^ hashString(name), 13);
  const prefix = kind === "demolition" ? "11" : /村/.test(name) ? "54" : "55";
  return {
    key: `ORG${hashString(name).toString(36).toUpperCase()}`,
    kind: "committee",
    name,
    alias,
    creditCode: makeCreditCode(rng, prefix),
    phone: `0574-63${String(rng.int(100000, 999999))}`,
    spot,
    addressOutside: null,
  };
}
