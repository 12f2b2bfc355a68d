// 人民调解 case register: JSON Lines; parties in dsr[], an organisation carrying its credit code in sfzh.
import { CHANNEL_NAMES } from "../channels.js";
import type { DraftPerson } from "../draft.js";
import { extra, mapWith, obj, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["ajbh", "slrq", "dsr", "jflx", "jyqk", "tjy", "tjjg", "xysbh"];
const REQUIRED = ["ajbh", "slrq", "jyqk"];
const LABELS = { ajbh: "ajbh（案件编号）", slrq: "slrq（受理日期）", jyqk: "jyqk（纠纷简要情况）" };

const ORG_WORDS = /公司|厂|店|馆|中心|合作社|委员会|集团|商行|超市|酒店|医院|学校|幼儿园|物业|工作室|经营部|门市/;
const ID_NUMBER = /^\d{17}[\dXx]$|^\d{15}$/;
/** GB 32100 credit code: 18 characters from digits and capitals without I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function looksLikeOrganisation(name: string | null, number: string | null): boolean {
  if (number && !ID_NUMBER.test(number) && (CREDIT_CODE.test(number) || (number.length === 18 && /[A-Za-z]/.test(number)))) return true;
  return name !== null && ORG_WORDS.test(name);
}

function party(v: unknown): DraftPerson | null {
  const p = obj(v);
  const role = text(p.js) === "申请人" ? "applicant" : text(p.js) === "被申请人" ? "respondent" : "other";
  const name = text(p.xm);
  const number = text(p.sfzh);
  if (looksLikeOrganisation(name, number)) return person(role, { companyName: name, creditCode: number, phone: p.dh });
  return person(role, { name, idNumber: number, phone: p.dh });
}

export const formatRmtj: ChannelFormat = {
  code: "rmtj",
  name: CHANNEL_NAMES.rmtj,
  container: "jsonl",
  encoding: "utf8",
  idField: "ajbh",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "none",
  map: (f) =>
    mapWith(f, REQUIRED, LABELS, () => ({
      externalId: text(f.ajbh) ?? "",
      reportedAt: raw(f.slrq),
      people: people(...(Array.isArray(f.dsr) ? f.dsr.map(party) : [])),
      // The register records no place of the matter.
      addressText: null,
      narrative: text(f.jyqk) ?? "",
      categoryWords: words(f.jflx),
      amount: null,
      peopleCount: null,
      extra: extra(f, ["tjy", "tjjg", "xysbh"]),
    })),
};
