// Frames that put a seed account into the registers cases arrive in: a court's findings, a mediation write-up, a
// police call, a hotline order. The same frames wrap every category, so the model learns that 原告, 调解员 or 报警人
// say how a case is told and not what it is about.
import { pick, type Random } from "./random.js";

const SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段".split("");
const GIVEN = ["建国", "秀英", "伟", "芳", "军", "丽娟", "志强", "海燕", "国华", "美玲", "阿根", "桂芬", "小明", "静", "永康", "雪梅"];

// Who people are, said of parties in every kind of dispute.
const ROLES = ["村民", "居民", "市民", "同村村民", "本村村民", "外来务工人员"];

function person(random: Random): string {
  const s = pick(SURNAMES, random);
  const r = random();
  const name = r < 0.5 ? `${s}某` : r < 0.75 ? `${s}某某` : r < 0.85 ? `${s}${random() < 0.5 ? "先生" : "女士"}` : `${s}${pick(GIVEN, random)}`;
  return random() < 0.3 ? `${pick(ROLES, random)}${name}` : name;
}

function date(random: Random): string {
  const y = 2012 + Math.floor(random() * 13);
  const m = 1 + Math.floor(random() * 12);
  return random() < 0.5 ? `${y}年${m}月` : `${y}年${m}月${1 + Math.floor(random() * 28)}日`;
}

type Frame = (x: string, r: Random) => string;

const COURT: Frame[] = [
  (x, r) => `经审理查明：${x}。`,
  (x, r) => `本院认定事实如下：${date(r)}，${x}。`,
  (x, r) => `原告${person(r)}向本院提出诉讼请求：依法判决。事实和理由：${x}。被告${person(r)}辩称，原告所述与事实不符。`,
  (x, r) => `${x}。上述事实，有当事人陈述及原告提交的证据在卷佐证，本院予以确认。`,
  (x, r) => `原告${person(r)}与被告${person(r)}纠纷一案，本院立案后依法适用简易程序公开开庭进行了审理。${x}。`,
  (x, r) => `${date(r)}，${x}。庭审中，被告对上述事实无异议。`,
  (x, r) => `${x}。被告经本院传票传唤，无正当理由拒不到庭参加诉讼。`,
  (x, r) => `本院经审理认定事实如下：${x}，故原告诉至本院。`,
];

const MEDIATION: Frame[] = [
  (x, r) => `申请人${person(r)}与被申请人${person(r)}纠纷。${x}。经调解员耐心劝说，双方达成调解协议。`,
  (x, r) => `${x}。调解员多次上门做双方工作，双方最终各让一步，当场履行完毕。`,
  (x, r) => `当事人${person(r)}到调委会反映：${x}。调委会受理后及时组织双方调解。`,
  (x, r) => `${date(r)}，${x}。村调委会了解情况后，召集双方当事人面对面协商。`,
  (x, r) => `${x}。经调解，双方自愿达成如下协议，纠纷得到化解。`,
  (x, r) => `纠纷简要情况：${x}。调解结果：调解成功。`,
];

const CALL: Frame[] = [
  (x, r) => `报警人${person(r)}称：${x}。请求民警到场处理。`,
  (x, r) => `来电人反映，${x}，希望有关部门尽快处理。`,
  (x, r) => `我要反映一个问题：${x}。谢谢！`,
  (x, r) => `${person(r)}来访称，${x}，要求给个说法。`,
  (x, r) => `${x}。已经反映过多次，一直没有解决，请相关部门重视。`,
  (x, r) => `网格员上报：${x}，已做好登记并跟进。`,
];

// Sentences that tell how a case went, not what it is about: a register's filler. Two or three of them around an
// account make it as long as a real write-up, and teach the model to look past them.
const COURT_PROCESS = [
  "本院依法组成合议庭，公开开庭进行了审理",
  "原告为证明其主张，向本院提交了相关证据",
  "被告对原告提交证据的真实性无异议，但对其证明目的有异议",
  "对当事人无异议的证据，本院予以确认并在卷佐证",
  "庭审中，原告明确了其诉讼请求",
  "被告未到庭，亦未提交书面答辩意见",
  "以上事实，有当事人的陈述及庭审笔录等证据证实",
  "诉讼过程中，经本院主持调解，双方未能达成一致",
  "原告为维护其合法权益，遂诉至本院",
  "被告辩称，其不应承担责任，请求驳回原告的诉讼请求",
  "本院认为，当事人对自己提出的主张，有责任提供证据",
];
const MEDIATION_PROCESS = [
  "调解员接到申请后，第一时间与双方当事人取得联系，分别了解情况",
  "调解员先采取背对背的方式，分别听取双方的意见和诉求",
  "调解员从情、理、法三个方面对双方进行耐心细致的劝导",
  "调解员向双方讲解了相关法律法规，指出各自存在的问题",
  "经过多轮协商，双方的分歧逐渐缩小",
  "调解员引导双方换位思考，互谅互让",
  "双方一度各执一词，互不相让，调解陷入僵局",
  "调解员多次电话沟通并上门走访，做通了当事人的思想工作",
  "调解员邀请村干部和双方的亲属一同参与调解",
  "为防止矛盾激化，调解员及时介入，稳定了双方的情绪",
  "在调解员的主持下，双方握手言和",
  "最终双方自愿达成调解协议，并当场签字",
  "调委会事后进行了回访，双方均表示对结果满意",
  "该纠纷涉及金额不大，但双方积怨较深",
  "调解员建议双方从长远考虑，以和为贵",
  "经调解员释法明理，当事人认识到了自己的不足",
];
const CALL_PROCESS = [
  "民警到场后对双方进行了劝说",
  "双方情绪激动，在现场争吵不休",
  "请求有关部门协调处理",
  "已告知当事人可以向人民调解委员会申请调解",
  "来电人情绪较为激动，要求尽快答复",
  "社区工作人员已上门了解情况",
];

function fill(sentences: readonly string[], random: Random): string[] {
  const n = Math.floor(random() * 4); // 0–3
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(sentences, random));
  return out;
}

/** The account in a randomly chosen frame of a randomly chosen register, with some of its filler around it. */
export function frame(text: string, random: Random): string {
  const r = random();
  const [frames, process] = r < 0.4 ? [COURT, COURT_PROCESS] : r < 0.7 ? [MEDIATION, MEDIATION_PROCESS] : [CALL, CALL_PROCESS];
  const core = pick(frames, random)(text.replace(/[。；，\s]+$/, ""), random);
  const before = random() < 0.5 ? fill(process, random) : [];
  const after = fill(process, random);
  return [...before.map((x) => `${x}。`), core, ...after.map((x) => `${x}。`)].join("");
}

// ---- injuries ---------------------------------------------------------------------------------------------------

const INJURIES = ["左胫骨骨折", "多根肋骨骨折", "头皮裂伤", "腰椎压缩性骨折", "脑震荡", "全身多处软组织挫伤", "右桡骨远端骨折", "颅脑损伤", "锁骨骨折", "面部挫裂伤"];
const HOSPITALS = ["当地人民医院", "市中医院", "第一人民医院", "镇卫生院", "市第二医院"];

/**
 * What follows an injury in any account of one, whatever caused it (a fight, a fall, a car, a dog, a machine, a
 * doctor): treatment, costs, disability. Added to accounts of several categories so that it tells none of them.
 */
export function injuryNote(random: Random): string {
  const days = 3 + Math.floor(random() * 40);
  const cost = 1000 + Math.floor(random() * 90000);
  const notes = [
    () => `受伤后被送往${pick(HOSPITALS, random)}治疗，诊断为${pick(INJURIES, random)}，住院${days}天`,
    () => `经${pick(HOSPITALS, random)}诊断为${pick(INJURIES, random)}，共花去医疗费${cost}元`,
    () => `经司法鉴定，构成${pick(["十", "九", "八", "七"], random)}级伤残，误工期${days * 3}日，护理期${days}日，营养期${days}日`,
    () => `出院医嘱建议休息${1 + Math.floor(random() * 6)}个月，加强营养，定期复查`,
    () => `住院期间需一人护理，要求赔偿医疗费、护理费、误工费、交通费共计${cost}元`,
    () => `伤者家属情绪激动，要求对方承担全部医疗费用`,
    () => `经抢救无效死亡，死者家属要求赔偿死亡赔偿金和丧葬费`,
  ];
  return pick(notes, random)();
}

/** A claim for money, as nearly every account of any category ends. */
export function claimNote(random: Random): string {
  const amount = 500 + Math.floor(random() * 200000);
  const notes = [
    () => `要求对方赔偿损失${amount}元`,
    () => `造成经济损失约${amount}元，双方为赔偿数额争执不下`,
    () => `一方要求赔偿${amount}元，另一方只愿意承担一部分`,
    () => `请求判令对方支付${amount}元并承担本案诉讼费用`,
    () => `经协商，对方同意一次性补偿${amount}元`,
  ];
  return pick(notes, random)();
}
