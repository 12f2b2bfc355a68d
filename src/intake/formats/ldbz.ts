// 劳动保障监察 complaints: CSV in UTF-8 with BOM; the respondent is an employer with its credit code.
import { CHANNEL_NAMES } from "../channels.js";
import { mapWith, people, person, raw, text, type ChannelFormat } from "./format.js";

const HEADER = ["投诉编号", "投诉日期", "投诉人", "身份证", "电话", "被投诉单位", "统一社会信用代码", "单位地址", "涉及人数", "欠薪金额(元)", "投诉事项"];
const REQUIRED = ["投诉编号", "投诉日期", "投诉事项"];

export const formatLdbz: ChannelFormat = {
  code: "ldbz",
  name: CHANNEL_NAMES.ldbz,
  container: "csv",
  encoding: "utf8",
  idField: "投诉编号",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "matter", // 单位地址: the employer's, where the work was
  map: (f) =>
    mapWith(f, REQUIRED, {}, () => {
      const amount = raw(f["欠薪金额(元)"]);
      return {
        externalId: text(f["投诉编号"]) ?? "",
        reportedAt: raw(f["投诉日期"]),
        people: people(
          person("applicant", { name: f["投诉人"], idNumber: f["身份证"], phone: f["电话"] }),
          person("respondent", { companyName: f["被投诉单位"], creditCode: f["统一社会信用代码"], address: f["单位地址"] }),
        ),
        addressText: text(f["单位地址"]),
        narrative: text(f["投诉事项"]) ?? "",
        // The form has no category; a wage amount is what marks a wage-arrears complaint.
        categoryWords: amount !== null ? ["欠薪"] : [],
        amount,
        peopleCount: raw(f["涉及人数"]),
        extra: {},
      };
    }),
};
