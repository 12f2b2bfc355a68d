// What a party is told when mediation ends without agreement: where to go, what to bring, the time limits.
// One short template per kind (and per kind of arbitration), and the body it goes to when no unit is named.
import type { ARBITRATION_KINDS } from "./views.js";

type ArbitrationKind = (typeof ARBITRATION_KINDS)[number];

export const GUIDANCE = {
  arbitration_labour: {
    target: "慈溪市劳动人事争议仲裁委员会",
    text: [
      "向慈溪市劳动人事争议仲裁委员会申请劳动仲裁。",
      "时效：劳动争议申请仲裁的时效期间为一年，自当事人知道或者应当知道其权利被侵害之日起计算；拖欠劳动报酬的，劳动关系终止之日起一年内提出。",
      "请携带：身份证原件及复印件；仲裁申请书（按被申请人人数提交副本）；劳动合同、工资条、考勤记录、工作证等证明劳动关系和诉求的材料；用人单位的名称、地址（营业执照信息）。",
      "劳动仲裁不收费；对仲裁裁决不服的，可自收到裁决书之日起十五日内向人民法院起诉。",
    ].join("\n"),
  },
  arbitration_commercial: {
    target: "宁波仲裁委员会",
    text: [
      "依据合同中的仲裁条款或双方书面仲裁协议，向约定的仲裁委员会申请仲裁（未约定仲裁的，应向人民法院起诉）。",
      "时效：一般为三年，自知道或者应当知道权利受到损害以及义务人之日起计算。",
      "请携带：仲裁协议（含仲裁条款的合同）；仲裁申请书；当事人身份证明或营业执照；证据材料及清单；按规定预交仲裁费。",
    ].join("\n"),
  },
  legal_aid: {
    target: "慈溪市法律援助中心",
    text: [
      "可向慈溪市法律援助中心或古塘司法所法律援助工作站申请法律援助（法律咨询、代写文书、代理仲裁或诉讼）。",
      "请携带：身份证；经济困难状况的个人诚信承诺；与所申请事项有关的材料（合同、欠条、工资记录、伤情鉴定等）。",
      "农民工请求支付劳动报酬、请求工伤事故人身损害赔偿的，不受经济困难条件限制。",
      "法律援助不影响仲裁、诉讼时效，请注意时效期间，尽早申请。",
    ].join("\n"),
  },
  litigation: {
    target: "慈溪市人民法院古塘人民法庭",
    text: [
      "可向慈溪市人民法院古塘人民法庭起诉；法庭可先行诉前调解。",
      "时效：民事诉讼时效一般为三年，自知道或者应当知道权利受到损害以及义务人之日起计算。",
      "请携带：起诉状（按被告人数提交副本）；原告身份证复印件；被告的姓名、住址或单位名称；证据材料及清单；按规定预交诉讼费（困难的可申请缓、减、免）。",
      "已达成调解协议的，可自协议生效之日起三十日内共同向人民法院申请司法确认。",
    ].join("\n"),
  },
} as const;

export function guidanceFor(kind: "arbitration" | "legal_aid" | "litigation", arbitrationKind: ArbitrationKind) {
  return kind === "arbitration" ? GUIDANCE[`arbitration_${arbitrationKind}`] : GUIDANCE[kind];
}
