// How alike two narratives are about the matter itself: content bigrams after dropping the frames channels wrap
// every report in (报警人称, 来电人反映, 要求…) and digits, compared by the Dice coefficient.
const FRAMES = [
  "报警人称", "报警人反映", "报警称", "接报", "来电人反映", "来电人称", "来电反映", "市民反映", "信访人反映", "信访人称", "来信反映",
  "当事人", "申请人", "被申请人", "请民警", "民警到场", "要求民警", "请求帮助", "希望社区", "希望", "要求", "请求", "反映", "称其",
  "帮忙", "协调", "处理", "解决", "调解", "处置", "前往", "经多次协商未果", "多次协商", "协商未果", "现申请", "在线调解", "您好", "谢谢",
  "我是", "我家", "其家", "对方", "发生", "纠纷", "问题", "情况", "目前", "已经", "一直",
];
const FRAME_RE = new RegExp(FRAMES.sort((a, b) => b.length - a.length).join("|"), "g");
const NOISE_RE = /[\s\d０-９.,，。、:：;；!！?？"“”'‘’()（）【】\[\]<>《》\-—_/\\]+/g;

export function contentBigrams(narrativeKey: string): Set<string> {
  const text = narrativeKey.replace(FRAME_RE, "|").replace(NOISE_RE, "|");
  const out = new Set<string>();
  for (const part of text.split("|")) {
    for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}
