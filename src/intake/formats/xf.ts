// 信访综合 letters and visits: CSV in UTF-8; the petitioner's home address is the only place given.
import { CHANNEL_NAMES } from "../channels.js";
import { extra, joinText, mapWith, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["编号", "日期", "方式", "信访人", "人数", "住址", "事由", "诉求"];
const REQUIRED = ["编号", "日期"];
const LABELS = { narrative: "事由/诉求" };

export const formatXf: ChannelFormat = {
  code: "xf",
  name: CHANNEL_NAMES.xf,
  container: "csv",
  encoding: "utf8",
  idField: "编号",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "party", // 住址: the petitioner's home
  map: (f) =>
    mapWith(f, REQUIRED, LABELS, () => ({
      externalId: text(f["编号"]) ?? "",
      reportedAt: raw(f["日期"]),
      people: people(person("applicant", { name: f["信访人"], address: f["住址"] })),
      addressText: text(f["住址"]),
      narrative: joinText(f["事由"], f["诉求"]),
      categoryWords: words(f["方式"]),
      amount: null,
      peopleCount: raw(f["人数"]),
      // 方式 is also where the source issues corrections, so it is kept as a field of its own.
      extra: extra(f, ["方式"]),
    })),
};
