// 110 接处警: police call records, CSV in GBK.
import { CHANNEL_NAMES } from "../channels.js";
import { extra, mapWith, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["接警编号", "报警时间", "报警人", "联系电话", "身份证号", "事发地址", "警情类别", "报警内容", "处警单位", "处警民警", "处警结果", "是否非警务"];
const REQUIRED = ["接警编号", "报警时间", "报警内容"];

export const format110: ChannelFormat = {
  code: "110",
  name: CHANNEL_NAMES["110"],
  container: "csv",
  encoding: "gb18030",
  idField: "接警编号",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "matter", // 事发地址
  map: (f) =>
    mapWith(f, REQUIRED, {}, () => ({
      externalId: text(f["接警编号"]) ?? "",
      reportedAt: raw(f["报警时间"]),
      people: people(person("reporter", { name: f["报警人"], phone: f["联系电话"], idNumber: f["身份证号"] })),
      addressText: text(f["事发地址"]),
      narrative: text(f["报警内容"]) ?? "",
      categoryWords: words(f["警情类别"]),
      amount: null,
      peopleCount: null,
      extra: extra(f, ["处警单位", "处警民警", "处警结果", "是否非警务"]),
    })),
};
