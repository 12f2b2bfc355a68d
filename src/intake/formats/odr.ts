// 在线矛盾纠纷多元化解平台 (ODR): JSON Lines, nested applicant / respondent; a respondent may be a company.
import { CHANNEL_NAMES } from "../channels.js";
import { extra, mapWith, obj, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["caseNo", "createdAt", "applicant", "respondent", "disputeType", "description", "amount", "status"];
const REQUIRED = ["caseNo", "createdAt", "description"];
const LABELS = { caseNo: "caseNo（案件编号）", createdAt: "createdAt（创建时间）", description: "description（纠纷描述）" };

export const formatOdr: ChannelFormat = {
  code: "odr",
  name: CHANNEL_NAMES.odr,
  container: "jsonl",
  encoding: "utf8",
  idField: "caseNo",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "party", // the applicant's address
  map: (f) =>
    mapWith(f, REQUIRED, LABELS, () => {
      const a = obj(f.applicant);
      const r = obj(f.respondent);
      return {
        externalId: text(f.caseNo) ?? "",
        reportedAt: raw(f.createdAt),
        people: people(
          person("applicant", { name: a.name, idNumber: a.idCard, phone: a.phone, address: a.address }),
          person("respondent", { name: r.name, idNumber: r.idCard, companyName: r.companyName, creditCode: r.creditCode, phone: r.phone }),
        ),
        addressText: text(a.address),
        narrative: text(f.description) ?? "",
        categoryWords: words(f.disputeType),
        amount: raw(f.amount),
        peopleCount: null,
        extra: extra(f, ["status"]),
      };
    }),
};
