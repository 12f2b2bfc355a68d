// Word lists for the generated mediation force: surnames common around 慈溪, given names by generation, tags.
// Written for this project; a seeded PRNG picks from them so that the same seed gives the same force.

/** mulberry32: small, fast and good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
/** `k` distinct items, in list order. */
export function some<T>(r: Rand, xs: readonly T[], k: number): T[] {
  const idx = xs.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, Math.min(k, xs.length)).sort((a, b) => a - b).map((i) => xs[i]);
}
/** Weighted choice: [[value, weight], …]. */
export function weighted<T>(r: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

export const SURNAMES = [
  "胡", "陈", "王", "张", "徐", "孙", "沈", "岑", "施", "马", "俞", "罗", "周", "叶", "余", "邵", "杨", "朱", "陆", "吴",
  "方", "潘", "钱", "宓", "戚", "童", "应", "柴", "韩", "袁", "蒋", "郑", "冯", "褚", "孔", "鲁", "姚", "范", "励", "卢",
] as const;

/** Given names by birth decade: older people's names sound different from younger people's. */
const OLDER_MALE = ["建国", "国庆", "伟民", "志刚", "福根", "阿毛", "金水", "根发", "德明", "永康", "海生", "国平", "兴达", "荣法", "立新", "宝康", "长林", "祖德", "继光", "振华"];
const OLDER_FEMALE = ["秀英", "桂芳", "美娟", "月娥", "彩萍", "菊芬", "素珍", "凤英", "爱娣", "雪琴", "玉兰", "杏娟", "巧云", "宝娣", "惠芬"];
const MIDDLE_MALE = ["立峰", "军辉", "海斌", "剑锋", "晓东", "建军", "国栋", "伟强", "杰", "斌", "峰", "卫东", "永明", "浩", "振宇", "一鸣", "志远", "亚军"];
const MIDDLE_FEMALE = ["丽君", "燕萍", "海燕", "晓红", "艳", "静", "丽娜", "春燕", "红英", "雅芬", "颖", "敏", "慧芳", "琳", "霞"];
const YOUNGER_MALE = ["浩然", "宇航", "子豪", "俊杰", "一帆", "梓轩", "天宇", "皓", "文博", "泽楷", "思远", "晨阳"];
const YOUNGER_FEMALE = ["佳怡", "思琪", "雨欣", "梦瑶", "心怡", "诗涵", "欣然", "若曦", "婧", "晓彤", "嘉琪", "可馨"];

export function givenName(r: Rand, gender: "male" | "female", birthYear: number): string {
  if (birthYear < 1966) return pick(r, gender === "male" ? OLDER_MALE : OLDER_FEMALE);
  if (birthYear < 1986) return pick(r, gender === "male" ? MIDDLE_MALE : MIDDLE_FEMALE);
  return pick(r, gender === "male" ? YOUNGER_MALE : YOUNGER_FEMALE);
}

export const DIALECTS = { cixi: "慈溪话", yuyao: "余姚话", ningbo: "宁波话", putonghua: "普通话", shaoxing: "绍兴话", taizhou: "台州话", anhui: "安徽话", jiangxi: "江西话", guizhou: "贵州话", sichuan: "四川话" } as const;
/** Dialects of the workers who came to 古塘 from elsewhere (the dialect room speaks them too). */
export const INCOMER_DIALECTS = [DIALECTS.anhui, DIALECTS.jiangxi, DIALECTS.guizhou, DIALECTS.sichuan, DIALECTS.taizhou] as const;
