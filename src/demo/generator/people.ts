// Invented residents: names by generation, resident ID numbers with a valid GB 11643 check digit (mostly born in
// Cixi, 330282), mobile numbers and the odd landline.
import { idCheckDigit } from "../../personal-data/id-number.js";
import type { Rng } from "./prng.js";
import type { Spot } from "./places.js";

export interface Person {
  key: string;
  name: string;
  surname: string;
  gender: "M" | "F";
  birth: { y: number; m: number; d: number };
  idNumber: string;
  phone: string;
  landline: string | null;
  home: Spot;
  /** Came to work from another province: the ID number says so, and labour stories fit. */
  migrant: boolean;
}

// Common in Cixi first, then the rest of the country; repeated entries weigh the draw.
const SURNAMES = [
  "胡", "胡", "胡", "陈", "陈", "陈", "王", "王", "孙", "孙", "徐", "徐", "沈", "沈", "岑", "杨", "罗", "叶", "马",
  "潘", "朱", "余", "俞", "邵", "方", "戚", "孔", "劳", "柴", "裘", "应", "童", "钱", "蒋", "鲁", "姚", "谢", "陆",
  "史", "袁", "傅", "诸", "卢", "龚", "邹", "冯", "郑", "金", "严", "韩", "张", "李", "刘", "黄", "周", "吴", "赵",
  "毛", "宓", "施", "华", "魏", "任", "郭", "范", "汪", "翁", "项", "屠", "干", "厉", "邬", "宋", "丁", "高",
];
const MIGRANT_SURNAMES = ["张", "李", "刘", "杨", "罗", "彭", "田", "龙", "熊", "吴", "何", "唐", "邓", "蒋", "向", "石", "覃", "韦", "付", "代"];

// Given-name characters by generation and sex (first character, second character).
const GIVEN = {
  old: {
    M: [["国", "建", "永", "根", "阿", "金", "志", "德", "福", "长", "宝", "启"], ["庆", "明", "康", "财", "林", "荣", "祥", "海", "生", "法", "昌", "良"]],
    F: [["彩", "月", "杏", "素", "秀", "阿", "美", "菊", "桂", "雪", "凤", "银"], ["娣", "娥", "芬", "珍", "英", "花", "仙", "琴", "娟", "凤", "妹", "兰"]],
  },
  mid: {
    M: [["海", "建", "伟", "立", "军", "志", "国", "晓", "卫", "红", "振", "剑"], ["军", "波", "东", "峰", "刚", "平", "华", "杰", "勇", "斌", "锋", "涛"]],
    F: [["丽", "海", "红", "晓", "亚", "雪", "美", "春", "秋", "静", "燕", "慧"], ["萍", "燕", "霞", "君", "芬", "娟", "丹", "英", "敏", "红", "琴", "芳"]],
  },
  young: {
    M: [["浩", "子", "宇", "俊", "一", "嘉", "鑫", "家", "晨", "思", "天", "梓"], ["然", "轩", "航", "杰", "豪", "鸣", "辰", "乐", "博", "涛", "睿", "阳"]],
    F: [["佳", "诗", "雨", "梦", "可", "欣", "思", "一", "静", "语", "若", "紫"], ["怡", "琪", "涵", "婷", "瑶", "悦", "然", "彤", "萱", "雯", "妍", "诺"]],
  },
} as const;

const LOCAL_REGIONS = ["330282", "330282", "330282", "330282", "330282", "330282", "330282", "330282", "330281", "330212", "330226", "330203"];
const MIGRANT_REGIONS = ["522423", "511321", "411627", "341221", "362324", "431127", "532126", "513423", "500234", "452626", "421127"];

const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159",
  "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "199",
];

const pad = (n: number, w: number) => String(n).padStart(w, "0");

function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

export function landlineNumber(rng: Rng): string {
  return `0574-${rng.pick(["63", "63", "58", "62", "65"])}${digits(rng, 6)}`;
}

function givenName(rng: Rng, gender: "M" | "F", birthYear: number): string {
  const gen = birthYear < 1962 ? GIVEN.old : birthYear < 1988 ? GIVEN.mid : GIVEN.young;
  const [first, second] = gen[gender];
  if (rng.chance(0.14)) return rng.pick(second);
  const a = rng.pick(first);
  let b = rng.pick(second);
  if (b === a) b = rng.pick(second);
  return a + b;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An 18-digit number for a birth date; the sequence's last digit is odd for a man, even for a woman. */
export function idNumberFor(rng: Rng, region: string, birth: Person["birth"], gender: "M" | "F"): string {
  const seq = rng.int(0, 99) * 10 + (gender === "M" ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${region}${birth.y}${pad(birth.m, 2)}${pad(birth.d, 2)}${pad(seq, 3)}`;
  return first17 + idCheckDigit(first17);
}

export interface PersonNeeds {
  /** Age range at `at` (inclusive). */
  age?: [number, number];
  gender?: "M" | "F";
  migrant?: boolean;
}

/** A new person living at `home`; `at` is the year the ages are counted in. */
export function makePerson(rng: Rng, key: string, home: Spot, atYear: number, needs: PersonNeeds = {}): Person {
  const gender = needs.gender ?? (rng.chance(0.52) ? "M" : "F");
  const [lo, hi] = needs.age ?? [22, 66];
  const age = rng.int(lo, hi);
  const m = rng.int(1, 12);
  const birth = { y: atYear - age - 1, m, d: rng.int(1, m === 2 ? 28 : DAYS[m - 1]) };
  const migrant = needs.migrant ?? false;
  const surname = migrant ? rng.pick(MIGRANT_SURNAMES) : rng.pick(SURNAMES);
  return {
    key,
    name: surname + givenName(rng, gender, birth.y),
    surname,
    gender,
    birth,
    idNumber: idNumberFor(rng, migrant ? rng.pick(MIGRANT_REGIONS) : rng.pick(LOCAL_REGIONS), birth, gender),
    phone: mobileNumber(rng),
    landline: !migrant && age > 45 && rng.chance(0.35) ? landlineNumber(rng) : null,
    home,
    migrant,
  };
}

/** Completed years on a given day (ms since epoch, Beijing calendar). */
export function ageOn(p: Person, atMs: number): number {
  const d = new Date(atMs + 8 * 3_600_000);
  const y = d.getUTCFullYear();
  const before = d.getUTCMonth() + 1 < p.birth.m || (d.getUTCMonth() + 1 === p.birth.m && d.getUTCDate() < p.birth.d);
  return y - p.birth.y - (before ? 1 : 0);
}

/** How others refer to someone they do not name: by surname and a title that fits age and sex. */
export function titleOf(rng: Rng, p: Person, atYear: number): string {
  const age = atYear - p.birth.y;
  if (p.gender === "M") return p.surname + (age >= 60 ? rng.pick(["大伯", "师傅", "老伯"]) : rng.pick(["先生", "先生", "师傅"]));
  return p.surname + (age >= 55 ? rng.pick(["阿姨", "阿姨", "大妈"]) : rng.pick(["女士", "女士", "小姐"]));
}

// Police officers and mediators of the demo street: invented, drawn from the same name lists.
export function staffName(rng: Rng): string {
  const gender = rng.chance(0.7) ? "M" : "F";
  return rng.pick(SURNAMES) + givenName(rng, gender, rng.int(1965, 1995));
}
