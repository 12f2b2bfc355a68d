// How each channel's clerk (or the citizen, where they type it themselves) wraps a story: the 110 operator's
// 报警人称…, the hotline agent's 来电人反映…, the petition office's 信访人反映…, the mediation register's
// 当事人…系…关系. {core} is the story's fact, {ask} the demand, {extra} the signals of this report, {name} the
// reporter as written in the record.
import type { SourceChannel } from "./categories.js";

/** 其 in an operator's note, 我 in a citizen's own words, 申请人 in the mediation register. */
export type Voice = "third" | "first" | "register";

export interface Frame {
  voice: Voice;
  text: string;
}

const third = (text: string): Frame => ({ voice: "third", text });
const first = (text: string): Frame => ({ voice: "first", text });

export const FRAMES: Record<Exclude<SourceChannel, "rmtj">, Frame[]> = {
  "110": [
    third("报警人称{core}。{extra}{ask}。"),
    third("{name}报警称：{core}，{extra}{ask}。"),
    third("接报：{core}。{extra}报警人{ask}。"),
    third("报警人反映{core}，{extra}请求民警到场处理。"),
    third("来电称{core}。{extra}"),
    third("报警人来电：{core}，双方协商不成。{extra}报警人{ask}。"),
    third("群众报警：{core}。{extra}现场需民警处置。"),
  ],
  "12345": [
    third("来电人反映：{core}。{extra}现{ask}。"),
    third("市民来电称{core}，{extra}{ask}，请相关部门处理。"),
    first("我想反映个事情：{core}。{extra}{ask}，麻烦尽快安排人处理。"),
    first("{core}。{extra}{ask}，麻烦派人来看一下。"),
    third("来电反映：{core}。{extra}诉求：{ask}。"),
    third("市民{name}来电，{core}。{extra}来电人{ask}，请属地核实处理。"),
  ],
  "81890": [
    third("求助人称{core}。{extra}{ask}。"),
    third("来电求助：{core}，{extra}{ask}，请联系相关单位协调。"),
    third("市民{name}来电，{core}。{extra}希望帮忙联系相关部门。"),
    third("求助内容：{core}。{extra}求助人{ask}。"),
  ],
  zlf: [
    first("{core}。{extra}{ask}。"),
    first("我要反映的问题是：{core}。{extra}{ask}。"),
    first("{core}，{extra}多次找有关部门都没有结果。{ask}。"),
    first("本人反映：{core}。{extra}恳请领导重视，{ask}。"),
  ],
  odr: [
    first("纠纷经过：{core}。{extra}调解请求：{ask}。"),
    third("申请人称{core}。{extra}申请人{ask}。"),
    first("{core}，{extra}现申请在线调解，{ask}。"),
    first("纠纷情况：{core}。{extra}希望调解员帮忙，{ask}。"),
  ],
  ldbz: [
    third("投诉人称{core}。{extra}{ask}。"),
    third("投诉人反映{core}，{extra}要求单位依法处理。"),
    first("{core}，{extra}请求劳动保障监察部门介入。"),
    third("投诉事由：{core}。{extra}投诉人{ask}。"),
  ],
  // By 方式: 0-1 any, 2 来访, 3 来信, 4 网上信访.
  xf: [
    third("信访人反映{core}。{extra}"),
    third("信访人称{core}，{extra}"),
    third("{name}来访反映{core}。{extra}"),
    third("来信反映：{core}。{extra}"),
    third("信访人网上反映：{core}。{extra}"),
  ],
};

/** The mediation register's 纠纷简要情况: parties and relation, the story, the application, the outcome. */
export const REGISTER_FRAMES = [
  "当事人{nameA}与{nameB}{relation}。{core}。{extra}申请人请求人民调解委员会居中调解，{ask}。{result}",
  "申请人{nameA}、被申请人{nameB}{relation}，{core}。{extra}经协商未果，申请人来调委会登记调解，{ask}。{result}",
  "{core}。{extra}{nameA}与{nameB}到调委会登记调解，申请人{ask}。{result}",
  "{nameA}与{nameB}{relation}。{core}，{extra}由村（社区）调委会移送街道调委会调解。{result}",
];

/** Story relations that are not a relationship between people: the register names the matter instead. */
export const NOT_A_RELATION = new Set(["交通事故", "侵权", "消费", "其他", "相邻关系"]);

export const REGISTER_RESULTS: Record<"调解成功" | "调解不成" | "调解中", string[]> = {
  调解成功: ["调解员分别做了双方工作，最终达成协议，{resolution}。", "经过两轮调解，双方同意各让一步，{resolution}。"],
  调解不成: ["双方对金额和责任各执一词，调解终结，已引导当事人依法起诉。", "调解员多次组织协商，双方立场差距过大，未能达成协议。"],
  调解中: ["调解工作正在推进中。", "已排期组织双方面对面调解。"],
};

export const RESOLUTIONS = ["约定一个月内履行完毕", "对方当场履行", "约定分期履行", "双方握手言和", "对方书面道歉并承诺整改"];

/** What the other party wants when they are the one reporting. */
export const COUNTER_ASKS = ["希望有关部门公正处理", "要求对方不要再无理纠缠", "希望通过调解解决", "请求帮忙说明情况"];

/** The 12345 title (诉求标题) by request type. */
export const HOTLINE_TITLES: Record<string, string[]> = {
  投诉: ["关于{topic}的投诉", "投诉{topic}问题", "{topic}"],
  求助: ["{topic}求助", "请求协调{topic}", "反映{topic}"],
  咨询: ["咨询{topic}相关问题", "{topic}咨询"],
  举报: ["举报{topic}", "关于{topic}的举报"],
  建议: ["关于{topic}的建议"],
};

export const POLICE_RESULTS = [
  "民警到场调解，双方暂时平息。", "已告知双方通过民事途径解决。", "已移交古塘街道社治中心处理。", "现场调解不成，建议至司法所申请调解。",
  "已联系社区网格员跟进。", "双方经劝说后离开，民警已做好登记。", "建议报警人拨打12345热线反映。",
];

export const PETITION_AIMS = ["求决", "求决", "求决", "申诉", "建议"] as const;
export const VISIT_MODES = ["来信", "来访", "来访", "网上信访"] as const;
/** Which 信访 frames fit a 方式. */
export const VISIT_FRAMES: Record<(typeof VISIT_MODES)[number], number[]> = { 来信: [0, 1, 3], 来访: [0, 1, 2, 2], 网上信访: [0, 1, 4] };
export const ODR_STATUSES = ["pending", "accepted", "mediating", "mediating", "closed-success", "closed-failed", "withdrawn"] as const;
export const MEDIATION_OUTCOMES = ["调解成功", "调解成功", "调解成功", "调解不成", "调解中"] as const;
export const MEDIATORS_STUDIOS = ["老兵说事厅", "乡音调解室", "银发调解队", "古塘街道人民调解委员会", "{village}调委会"];
