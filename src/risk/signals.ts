// Risk signals in what people say: threats, weapons, self-harm, fight injuries, groups, and the softer signs of a
// quarrel heating up. Read per sentence from a record's matching text (Simplified, half-width), by patterns of the
// language rather than of any one phrasing. No database imports: pure and fast (every record is read once per score).

export const HARD_SIGNALS = ["threat", "weapon", "self_harm", "injury", "group"] as const;
export const SOFT_SIGNALS = ["pushing", "insult", "harassment", "petition_threat", "police_before"] as const;
export type HardSignal = (typeof HARD_SIGNALS)[number];
export type SoftSignal = (typeof SOFT_SIGNALS)[number];
export type Signal = HardSignal | SoftSignal | "emotion" | "elderly" | "disabled" | "pregnant" | "minor";

export const SIGNAL_NAMES: Record<Signal, string> = {
  threat: "威胁、扬言报复",
  weapon: "持械",
  self_harm: "扬言自伤、轻生",
  injury: "打架致伤",
  group: "10人以上聚集",
  pushing: "推搡拉扯",
  insult: "辱骂",
  harassment: "骚扰、堵门",
  petition_threat: "扬言上访、曝光",
  police_before: "此前已报警",
  emotion: "情绪激动",
  elderly: "70岁以上老人",
  disabled: "残疾人",
  pregnant: "孕妇",
  minor: "未成年人",
};

const WEAPONS = "(?:菜刀|砍刀|水果刀|尖刀|匕首|刀子|刀|铁棍|木棍|棍子|棍棒|钢管|铁管|榔头|锤子|铁锤|剪刀|斧头|斧子|铁锹|铁锨|锄头|扳手|砖头|石块|凶器|枪|硫酸|汽油|农具)";
const HOLD = "(?:持|拿|举|挥|抄起|拎着|拎起|握着|带着|携带|揣着|掏出|拿出|手持|提着|操起|抡起)";

const PATTERNS: Record<Exclude<Signal, "group" | "elderly">, RegExp[]> = {
  threat: [
    /威胁|恐吓|放狠话|放话|扬言(?!.{0,4}(?:跳|喝农药|自杀|轻生|寻短见|死给|上访|去市|去省|曝光|起诉|投诉|举报))/,
    /(?:弄死|打死|砍死|捅死|杀了|杀死|宰了|废了|弄残|要.{0,2}命|同归于尽|血债|以命抵命)/,
    /(?:找|叫|喊|带)(?:人|几个|一帮|一伙|一群|兄弟|社会上的人).{0,8}(?:收拾|教训|算账|打|砸|上门)/,
    /(?:收拾|教训|修理)(?:你|我|他|她|我们|你们|他们|一顿)|上门收拾/,
    /(?:报复|算账|走着瞧|让.{0,6}(?:好看|出不了门|不得安宁|付出代价|吃不了兜着走))/,
  ],
  weapon: [new RegExp(`${HOLD}.{0,6}${WEAPONS}`), new RegExp(`${WEAPONS}.{0,4}(?:挥舞|乱砍|砍向|砍伤|捅|刺|威胁|相逼|对峙)`), /持械|动刀|泼汽油|泼硫酸/],
  self_harm: [
    /跳楼|跳河|跳下去|喝农药|服毒|吃药自杀|自杀|寻短见|轻生|不想活|活不下去|死给.{0,6}看|割腕|上吊|自残|一死了之|寻死|以死相逼|死在.{0,6}(?:门口|面前|这里)/,
  ],
  injury: [
    /打伤|打破|打骨折|打断|打肿|砍伤|捅伤|打成轻伤|打成重伤|头破血流|被打住院/,
    /(?:打架|斗殴|殴打|互殴|扭打|动手|打了起来|打起来|厮打|被.{0,4}打|挨打|推倒)[^。！？；]{0,24}(?:受伤|伤|骨折|缝了|缝针|淤青|流血|出血|验伤|住院|急诊)/,
    /(?:受伤|骨折|缝了|缝针|淤青|流血|验伤)[^。！？；]{0,16}(?:打架|斗殴|殴打|互殴|扭打|被.{0,4}打)/,
  ],
  pushing: [/推搡|推了|推倒|推开|拉扯|撕扯|扯破|揪住|抓伤|撕打|肢体冲突/],
  insult: [/辱骂|谩骂|骂人|骂得|大骂|对骂|破口大骂|指桑骂槐|骂.{0,4}(?:难听|脏话)|脏话|侮辱|人身攻击/],
  harassment: [/骚扰|滋扰|纠缠|堵.{0,6}门|堵在|跟踪|乱涂|乱画|泼粪|打砸|砸(?:门|窗|车)|砸(?:烂|碎)了?.{0,3}(?:门|窗|车|玻璃)|(?:半夜|深夜|凌晨).{0,6}(?:敲门|打电话|砸门)|天天.{0,4}上门|上门(?:吵闹|闹事|闹|骂|滋事)/],
  petition_threat: [
    /上访|越级|进京|(?:去|到)北京|(?:去|到)(?:市|省|北京|区|县).{0,6}(?:反映|讨说法|上访|信访|政府)|市政府|省政府|找媒体|曝光|发到网上|发抖音|拉横幅|堵路/,
  ],
  police_before: [/报过警|出过警|(?:带至|带到|带去|闹到|闹去|进了|去过)派出所|已经报警|已报警|此前.{0,6}报警|之前.{0,6}(?:报警|110)|多次报警|派出所.{0,8}(?:处理过|调解过|出警)|民警.{0,8}(?:调解过|处理过|来过)/],
  emotion: [/情绪(?:非常|十分|很|特别|极其|极为)?(?:激动|失控|崩溃|激愤|低落)|崩溃|哭诉|哭着|哭了|哭喊|大哭|痛哭|忍无可忍|受不了了|实在受不了|气愤|愤怒|激愤|怒不可遏|火冒三丈|气得|急得|无法忍受|要疯了|大喊大叫|声泪俱下/],
  disabled: [/残疾|残障|残疾证|瘫痪|偏瘫|智力障碍|智障|精神(?:病|障碍|残疾)|失明|盲人|聋哑|截肢|坐轮椅/],
  pregnant: [/怀孕|孕妇|怀着孕|身孕|孕期|有孕|待产|临产/],
  minor: [/未成年|小学生|初中生|幼儿|婴儿|(?:孩子|儿子|女儿|小孩).{0,3}(?:才|只有|刚)?[一二三四五六七八九十\d]{1,2}岁/],
};

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese or Arabic count up to the thousands: "37", "十几" (→ 10), "二十多" (→ 20), "三百" … ; null when not a number. */
export function parseCount(s: string): number | null {
  const t = s.replace(/[多余来]+$/, "");
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (!t || !/^[零〇一二两三四五六七八九十百千几]+$/.test(t)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch === "几") digit = total > 0 ? 1 : 2; // 十几 ≥ 11, 几十 ≈ 20, 几个 ≈ 2
    else if (ch in DIGITS) digit = DIGITS[ch];
    else {
      const unit = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const COUNT = "(\\d+[多余来]*|[零〇一二两三四五六七八九十百千几]+[多余来]*)";
const GROUP_NOUNS = "(?:名|个|位|户|家|余人|多人|人)";
/** "二十多名工人聚集", "十几户村民", "37人", "上百人". */
const GROUP_RE = new RegExp(`${COUNT}${GROUP_NOUNS}`, "g");
const GROUP_CONTEXT = /聚集|围观|围堵|对峙|一起|集体|联名|讨薪|讨说法|上门|堵|到场|起哄|涌|闹/;

/** The largest group of people a text speaks of as gathering or acting together (0 when none). */
export function groupSize(text: string): number {
  let best = 0;
  if (/上百人|数百人|几百人|成百上千/.test(text)) best = 100;
  if (/几十(?:名|个|位|户|人)|数十(?:名|个|位|户|人)/.test(text)) best = Math.max(best, 20);
  for (const sentence of text.split(/[。！？；;!?\n]/)) {
    if (!GROUP_CONTEXT.test(sentence)) continue;
    for (const m of sentence.matchAll(GROUP_RE)) {
      const n = parseCount(m[1]);
      // A count followed by time or money words is not people ("三个月", "两万").
      const after = sentence.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2);
      if (n !== null && !/^[月天年小]/.test(after)) best = Math.max(best, n);
    }
  }
  return best;
}

/** An age of 70 or more in the text ("今年78岁", "年过七十", "八旬老人"). */
export function elderlyIn(text: string): boolean {
  if (/年过(?:七|八|九)十|(?:七|八|九)旬|古稀|耄耋|高龄老人|孤寡老人/.test(text)) return true;
  for (const m of text.matchAll(/(\d{2,3}|[七八九]十[一二三四五六七八九]?)(?:多)?岁/g)) {
    const n = parseCount(m[1]);
    if (n !== null && n >= 70 && n < 120) return true;
  }
  return false;
}

const MONEY_RE = /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千几]+)\s*(多|余|来)?\s*(万|千|百)?\s*(元|块)/g;
const WAN_RE = /(\d+(?:\.\d+)?|[一二两三四五六七八九十百几]+[多余来]?)\s*万/g;

/** The largest sum of money, in yuan, a text names ("12万元", "十几万", "80000元"); null when none. */
export function moneyIn(text: string): number | null {
  let best: number | null = null;
  const take = (n: number | null) => {
    if (n !== null && Number.isFinite(n)) best = Math.max(best ?? 0, n);
  };
  for (const m of text.matchAll(WAN_RE)) {
    const n = parseCount(m[1]);
    take(n === null ? null : n * 10_000);
  }
  for (const m of text.matchAll(MONEY_RE)) {
    if (m[3] === "万") continue; // counted above
    const n = parseCount(m[1]);
    const unit = m[3] === "千" ? 1000 : m[3] === "百" ? 100 : 1;
    take(n === null ? null : n * unit);
  }
  return best;
}

/** Every signal a text voices. `peopleCount` is the channel's own count of people, when it gives one. */
export function signalsIn(text: string, peopleCount: number | null = null): Set<Signal> {
  const found = new Set<Signal>();
  for (const [signal, patterns] of Object.entries(PATTERNS) as [Signal, RegExp[]][]) {
    if (patterns.some((p) => p.test(text))) found.add(signal);
  }
  if (Math.max(peopleCount ?? 0, groupSize(text)) >= 10) found.add("group");
  if (elderlyIn(text)) found.add("elderly");
  return found;
}

export function isHard(s: Signal): s is HardSignal {
  return (HARD_SIGNALS as readonly string[]).includes(s);
}

export function isEscalation(s: Signal): boolean {
  return isHard(s) || (SOFT_SIGNALS as readonly string[]).includes(s);
}
