// People's names as callers give them: stray spaces, Traditional characters, only a surname and a title (王先生,
// 老李, 周某某), an organisation in the name field, or nothing at all (匿名). The normalised name is what matches.
import { cleanText, toHalfWidth, toSimplified } from "./text.js";

export interface NameResult {
  /** The normalised name; null when anonymous or empty. A title form stays as it is ("王先生"). */
  name: string | null;
  /** Only a surname with a title or 老/小/某: it cannot identify a person on its own. */
  titleOnly: boolean;
  surname: string | null;
  isOrganisation: boolean;
  /** The input exactly as given ("" for null). */
  given: string;
}

const ANONYMOUS = new Set([
  "匿名", "无", "不详", "未知", "无名", "无名氏", "匿名者", "匿名用户", "匿名来电", "不愿透露", "保密", "未提供",
  "市民", "热心市民", "群众", "热心群众", "来电人", "-", "--", "/", "?", "??", "null", "none", "n/a", "na",
]);

// Two-character surnames that would otherwise be read as surname + given name.
const COMPOUND_SURNAMES = new Set([
  "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文",
  "端木", "轩辕", "南宫", "百里", "呼延", "澹台", "独孤", "万俟", "闻人", "申屠", "钟离", "第五",
]);

// Common surnames, for 老X / 小X. Surnames that are far more often given-name nicknames (小明, 小华, 小文, 小兰) are
// left out: 小明 is a person called 明, not someone of the 明 family.
const SURNAMES = new Set(
  ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
    "常温施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关焦俞左柳甘祝包尚符舒阮柯纪童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封钦")
    .split(""),
);

// Titles after a surname. Longest first so that 老板娘 is not read as 老板 + 娘.
const TITLES = [
  "老板娘", "老太太", "老先生", "老奶奶", "老爷爷", "先生", "女士", "小姐", "阿姨", "师傅", "老板", "大爷", "大妈",
  "大伯", "大叔", "大姐", "大哥", "大嫂", "阿婆", "阿公", "阿伯", "奶奶", "爷爷", "婆婆", "老师", "医生", "经理",
  "厂长", "店长", "主任", "书记", "村长", "组长", "队长", "会计", "律师", "警官", "同志", "老伯", "老太", "某某", "总",
  "工", "某", "姐", "哥", "叔", "伯", "婶",
];
const TITLE_FORM = new RegExp(`^(.{1,2}?)(${TITLES.join("|")})$`);

// Words that make a name field an organisation: anywhere in it, or (for the one-character ones) at its end.
// The one-character endings need a longer name before them: 王德行 is a person, 慈溪农商行 is not.
const ORGANISATION =
  /公司|有限|合作社|委员会|协会|商行|超市|医院|学校|中心|集团|事务所|工作室|幼儿园|物业|经营部|门市部|村委|居委|社区|街道|办事处|.{2,}[厂店馆]$|.{3,}[部社所行院]$/;
// A note after the name ("王先生（业主）") says who the person is, not what they are called.
const TRAILING_NOTE = /\s*[(（][^()（）]*[)）]$/;
// One-character titles (王工, 宋哥) need a known surname before them; otherwise the pair is likelier a given name.
const SHORT_TITLES = new Set(["总", "工", "某", "姐", "哥", "叔", "伯", "婶"]);
const TITLE_SET = new Set(TITLES);
// Not surnames but parts of a bare title: 老先生, 小姐姐, 阿姨, 大哥.
const TITLE_PREFIXES = new Set(["老", "小", "阿", "大"]);

const CJK = /^[\u3400-\u9fff\uf900-\ufaff·•]+$/;
const SPACE_NEAR_CJK = /(?<=[\u3400-\u9fff\uf900-\ufaff])\s+|\s+(?=[\u3400-\u9fff\uf900-\ufaff])/g;

function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
}

/** A name field → the normalised name, what kind of name it is, and its surname where one can be read. */
export function normaliseName(input: string | null | undefined): NameResult {
  const given = input ?? "";
  let s = cleanText(toHalfWidth(given));
  if (s.indexOf(" ") !== -1) s = s.replace(SPACE_NEAR_CJK, "");
  s = toSimplified(s);
  if (s === "" || ANONYMOUS.has(s.toLowerCase())) {
    return { name: null, titleOnly: false, surname: null, isOrganisation: false, given };
  }
  if (ORGANISATION.test(s)) return { name: s, titleOnly: false, surname: null, isOrganisation: true, given };
  if (s.length > 2 && TRAILING_NOTE.test(s)) s = s.replace(TRAILING_NOTE, "") || s;
  if (!CJK.test(s)) return { name: s, titleOnly: false, surname: null, isOrganisation: false, given };

  // A title alone (师傅, 老先生): a person, but no surname to go on.
  if (TITLE_SET.has(s) || (TITLE_PREFIXES.has(s[0]) && TITLE_SET.has(s.slice(1)))) {
    return { name: s, titleOnly: true, surname: null, isOrganisation: false, given };
  }
  // 老王, 小李: only when the second character is a known surname (小明 is a given name).
  if (s.length === 2 && (s[0] === "老" || s[0] === "小") && SURNAMES.has(s[1])) {
    return { name: s, titleOnly: true, surname: s[1], isOrganisation: false, given };
  }
  const t = TITLE_FORM.exec(s);
  if (t) {
    const surname = t[1];
    // A two-character "surname" must be a compound one (欧阳先生), else 王小明哥 would pass as a title form.
    const ok =
      surname.length === 1
        ? !TITLE_PREFIXES.has(surname) && (!SHORT_TITLES.has(t[2]) || SURNAMES.has(surname))
        : COMPOUND_SURNAMES.has(surname);
    if (ok) {
      return { name: s, titleOnly: true, surname, isOrganisation: false, given };
    }
  }
  // A full name: two to four characters (minority names with · run longer and keep no surname).
  if (s.length >= 2 && s.length <= 4) return { name: s, titleOnly: false, surname: surnameOf(s), isOrganisation: false, given };
  return { name: s, titleOnly: false, surname: null, isOrganisation: false, given };
}
