// A few dozen invented cases with invented parties, so that the demo has something to show.
// Deterministic (seeded PRNG); names, numbers and stories are fictitious.
import { idCheckDigit } from "../personal-data/id-number.js";

export interface DemoParty {
  name: string;
  idNumber: string;
  phone: string;
  role: "applicant" | "respondent";
}
export interface DemoCase {
  title: string;
  summary: string;
  leadUnit: string;
  parties: DemoParty[];
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红海波斌宇浩凯鑫亮";

const STORIES: { title: string; summary: string; unit: string }[] = [
  { title: "楼上漏水致楼下天花板受损纠纷", summary: "住户反映楼上卫生间渗水，多次协商未果，双方发生争执。", unit: "GT-CJWY" },
  { title: "拖欠工资纠纷", summary: "多名工人反映某厂拖欠两个月工资，要求尽快支付。", unit: "GT-LDBZ" },
  { title: "宅基地界址争议", summary: "相邻两户因翻建房屋对宅基地界址存在争议。", unit: "GT-ZRZY" },
  { title: "邻里噪音纠纷", summary: "住户夜间噪音影响邻居休息，双方多次争吵。", unit: "community" },
  { title: "婚姻家庭纠纷", summary: "夫妻因家庭琐事长期矛盾，一方多次报警求助。", unit: "community" },
  { title: "物业费及停车纠纷", summary: "业主与物业公司就停车管理和物业费收取发生争议。", unit: "GT-CJWY" },
  { title: "消费退款纠纷", summary: "顾客预付卡消费后商家停业，要求退还余额。", unit: "GT-SCJG" },
  { title: "交通事故赔偿纠纷", summary: "两车轻微剐蹭，双方就赔偿金额协商不成。", unit: "GT-JJZD" },
  { title: "工伤赔偿争议", summary: "员工在厂内作业时受伤，就工伤认定和赔偿与厂方存在分歧。", unit: "GT-LDBZ" },
  { title: "赡养老人纠纷", summary: "兄弟姐妹之间就父母赡养费用分担产生矛盾。", unit: "community" },
  { title: "医疗费用争议", summary: "患者家属对诊所治疗效果及费用有异议。", unit: "GT-WJB" },
  { title: "房屋租赁押金纠纷", summary: "租客退租后房东拒不退还押金。", unit: "GT-SFS" },
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function demoCases(communityCodes: string[], count = 48): (DemoCase & { community: string })[] {
  const rand = prng(20261129);
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(rand() * xs.length)];
  const person = (role: DemoParty["role"]): DemoParty => {
    const year = 1950 + Math.floor(rand() * 55);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, "0");
    const first17 = `330282${year}${month}${day}${String(Math.floor(rand() * 1000)).padStart(3, "0")}`;
    return {
      name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ""),
      idNumber: first17 + idCheckDigit(first17),
      phone: `1${pick("3578")}${String(Math.floor(rand() * 1e9)).padStart(9, "0")}`,
      role,
    };
  };
  return Array.from({ length: count }, () => {
    const story = pick(STORIES);
    const community = pick(communityCodes);
    return {
      title: story.title,
      summary: story.summary,
      leadUnit: story.unit === "community" ? `CC-${community}` : story.unit,
      community,
      parties: [person("applicant"), person("respondent")],
    };
  });
}
