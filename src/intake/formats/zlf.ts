// 浙里访 online petitions: one JSON array per file, pinyin keys.
import { CHANNEL_NAMES } from "../channels.js";
import { extra, mapWith, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["xfjbh", "djsj", "xfrxm", "zjhm", "lxdh", "wtsd", "nrfl", "xfmd", "zyqq", "xfrs"];
const REQUIRED = ["xfjbh", "djsj", "zyqq"];
const LABELS = { xfjbh: "xfjbh（信访件编号）", djsj: "djsj（登记时间）", zyqq: "zyqq（主要诉求）" };

export const formatZlf: ChannelFormat = {
  code: "zlf",
  name: CHANNEL_NAMES.zlf,
  container: "json-array",
  encoding: "utf8",
  idField: "xfjbh",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "matter", // wtsd 问题属地: the area the problem belongs to, often only the street or community
  map: (f) =>
    mapWith(f, REQUIRED, LABELS, () => ({
      externalId: text(f.xfjbh) ?? "",
      reportedAt: raw(f.djsj),
      people: people(person("applicant", { name: f.xfrxm, idNumber: f.zjhm, phone: f.lxdh })),
      addressText: text(f.wtsd),
      narrative: text(f.zyqq) ?? "",
      categoryWords: words(f.nrfl, f.xfmd),
      amount: null,
      peopleCount: raw(f.xfrs),
      extra: extra(f, ["xfmd"]),
    })),
};
