// 12345 政务热线 work orders: JSON Lines with pinyin-abbreviated keys.
import { CHANNEL_NAMES } from "../channels.js";
import { extra, joinText, mapWith, people, person, raw, text, words, type ChannelFormat } from "./format.js";

const HEADER = ["gdbh", "slsj", "ldr", "lxdh", "sqlx", "sqbt", "sqnr", "sfdz", "cbdw", "blsx"];
const REQUIRED = ["gdbh", "slsj"];
const LABELS = { gdbh: "gdbh（工单编号）", slsj: "slsj（受理时间）", narrative: "sqbt/sqnr（诉求标题/诉求内容）" };

export const format12345: ChannelFormat = {
  code: "12345",
  name: CHANNEL_NAMES["12345"],
  container: "jsonl",
  encoding: "utf8",
  idField: "gdbh",
  headerFields: HEADER,
  required: REQUIRED,
  addressMeans: "matter", // sfdz 事发地址
  map: (f) =>
    mapWith(f, REQUIRED, LABELS, () => ({
      externalId: text(f.gdbh) ?? "",
      reportedAt: raw(f.slsj),
      people: people(person("reporter", { name: f.ldr, phone: f.lxdh })),
      addressText: text(f.sfdz),
      narrative: joinText(f.sqbt, f.sqnr),
      categoryWords: words(f.sqlx),
      amount: null,
      peopleCount: null,
      extra: extra(f, ["cbdw", "blsx"]),
    })),
};
