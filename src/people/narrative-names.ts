// People a narrative names besides the reporting party: "与对门邻居朱思琪因…", "司机俞菊芬追尾", "张玉兰家阳台",
// "被申请人张美娟". A full name is recognised only after a word that introduces a person (邻居, 司机, 被申请人 …) or
// before one that follows a person (家, 说, 称 …), and only when it starts with a common surname — a narrow net that
// prefers missing a name to inventing one.
const SURNAMES = new Set(
  ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
    "俞应茅项岑柴裘楼虞舒葛倪童翁施胡鲁褚章屠洪单杭岳黄甘车").split(""),
);
const BEFORE = ["对门邻居", "隔壁邻居", "楼上邻居", "楼下邻居", "邻居", "住户", "司机", "被申请人", "申请人", "当事人", "老板", "房东", "租客", "业主", "买家", "卖家", "丈夫", "妻子", "前夫", "前妻", "儿子", "女儿", "父亲", "母亲", "同事", "朋友", "工友", "包工头", "承包人", "与", "和", "同", "：", "，", "称", "反映"];
const AFTER = ["与", "和", "家", "说", "称", "因", "在", "把", "将", "一直", "经常", "拒", "不肯", "不还", "追尾", "驾驶", "系", "之间", "发生", "签"];
const NAME_RE = new RegExp(`(?:${BEFORE.join("|")})([\\u4e00-\\u9fa5]{2,3}?)(?=${AFTER.join("|")}|[，。、；：,.;:！!？?\\s]|$)`, "g");

/** Full names (2–3 characters) the text mentions as people, in order, without duplicates. */
export function namesInNarrative(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_RE)) {
    const name = m[1];
    if (!SURNAMES.has(name[0]) || /某|先生|女士|师傅|阿姨|大爷|老板|家|的|说|称/.test(name)) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
