// 宁波 81890 求助服务: citizen service tickets, CSV in GBK.
import { CHANNEL_NAMES } from "../channels.js";
import { mapWith, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["服务单号", "求助时间", "求助人", "电话", "地址", "求助内容", "服务类别"];
const REQUIRED = ["服务单号", "求助时间", "求助内容"];

export const format81890: ChannelFormat = {
  code: "81890",
  name: CHANNEL_NAMES["81890"],
  container: "csv",
  encoding: "gb18030",
  idField: "服务单号",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "party", // 地址: the caller's, beside 求助人 and 电话
  map: (f) =>
    mapWith(f, REQUIRED, {}, () => ({
      externalId: text(f["服务单号"]) ?? "",
      reportedAt: raw(f["求助时间"]),
      people: people(person("reporter", { name: f["求助人"], phone: f["电话"] })),
      addressText: text(f["地址"]),
      narrative: text(f["求助内容"]) ?? "",
      categoryWords: words(f["服务类别"]),
      amount: null,
      peopleCount: null,
      extra: {},
    })),
};
