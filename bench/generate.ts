// A large multi-channel delivery in the sample's layout and formats (channels/<code>/<code>_<yyyymm>.<ext>): GBK CSV
// with CRLF for 110 and 81890, UTF-8 CSV with BOM for ldbz, plain CSV for xf, JSON Lines for 12345/odr/rmtj and one
// JSON array per file for zlf. Rows are written in slices as they are made, so memory stays flat at any size.
// About 1.5% of rows are redeliveries, 1% corrections (same id, one field changed) and 0.2% carry a broken time.
//   node --import tsx bench/generate.ts --records 1000000 --out /tmp/delivery
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import * as fake from "./fake.js";

type Fields = Record<string, unknown>;
type Container = "csv" | "jsonl" | "json-array";

interface Gen {
  rng: fake.Rng;
  addresses: string[];
  businesses: string[];
}

interface ChannelSpec {
  code: string;
  /** Share of all records, as in the sample (2,914 rows). */
  share: number;
  container: Container;
  ext: string;
  encoding: "gbk" | "utf8";
  bom?: true;
  eol: "\r\n" | "\n";
  header?: string[];
  id: (day: string, seq: number) => string;
  row: (g: Gen, id: string, t: BeijingTime) => Fields;
  /** A re-issue by the source system: the same id with one field changed. */
  correct: (row: Fields, g: Gen) => Fields;
  /** Where a broken time goes, for the few rows that must be quarantined. */
  timeField: string;
}

interface BeijingTime {
  ms: number;
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const p2 = (n: number) => String(n).padStart(2, "0");
const dateText = (t: BeijingTime) => `${t.y}-${p2(t.mo)}-${p2(t.d)}`;
const timeText = (t: BeijingTime) => `${dateText(t)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
const compact = (t: BeijingTime) => `${t.y}${p2(t.mo)}${p2(t.d)}${p2(t.h)}${p2(t.mi)}${p2(t.s)}`;

function beijing(ms: number): BeijingTime {
  const d = new Date(ms + 8 * 3600_000);
  return { ms, y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** The three ways 110 and 81890 exports write a time. */
function looseTime(g: Gen, t: BeijingTime, seconds: boolean): string {
  const r = g.rng();
  if (r < 0.6) return seconds ? timeText(t) : `${dateText(t)} ${p2(t.h)}:${p2(t.mi)}`;
  if (r < 0.9) return `${t.y}/${t.mo}/${t.d} ${t.h}:${p2(t.mi)}`;
  return `${t.y}年${t.mo}月${t.d}日${t.h}时${p2(t.mi)}分`;
}

function story(g: Gen, reporter: string) {
  const s = fake.pick(g.rng, fake.STORIES);
  let other = fake.personName(g.rng);
  if (other === reporter) other = `${other.slice(0, 1)}某`;
  const body = s.text({ other, amount: fake.amount(g.rng), place: fake.pick(g.rng, g.businesses), n: fake.int(g.rng, 2, 15) });
  return { category: s.category, other, body, demand: s.demand };
}

const SPECS: ChannelSpec[] = [
  {
    code: "110", share: 0.2831, container: "csv", ext: "csv", encoding: "gbk", eol: "\r\n", timeField: "报警时间",
    header: ["接警编号", "报警时间", "报警人", "联系电话", "身份证号", "事发地址", "警情类别", "报警内容", "处警单位", "处警民警", "处警结果", "是否非警务"],
    id: (day, seq) => `330282${day}${String(seq).padStart(5, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      return {
        接警编号: id, 报警时间: looseTime(g, t, true), 报警人: name, 联系电话: fake.phone(g.rng),
        身份证号: g.rng() < 0.1 ? fake.idNumber(g.rng) : "", 事发地址: fake.pick(g.rng, g.addresses),
        警情类别: `纠纷-${s.category}纠纷`, 报警内容: `${fake.pick(g.rng, ["报警人反映：", "接报：", "报警人称"])}${s.body}${s.demand}`,
        处警单位: "古塘派出所", 处警民警: fake.pick(g.rng, ["徐立、叶凯", "王建军", "王建军、张伟"]),
        处警结果: fake.pick(g.rng, ["民警到场后对双方进行劝解，双方情绪平稳。", "已告知报警人向相关部门反映。", "已通知交警到场处理。"]),
        是否非警务: g.rng() < 0.5 ? "是" : "否",
      };
    },
    correct: (r) => ({ ...r, 处警结果: `${r["处警结果"]}（已补充）` }),
  },
  {
    code: "12345", share: 0.2382, container: "jsonl", ext: "jsonl", encoding: "utf8", eol: "\n", timeField: "slsj",
    id: (day, seq) => `NB${day.slice(2)}${String(seq).padStart(6, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      return {
        gdbh: id, slsj: g.rng() < 0.5 ? timeText(t).replace(" ", "T") : compact(t), ldr: name, lxdh: fake.phone(g.rng),
        sqlx: fake.pick(g.rng, ["投诉", "求助", "咨询", "举报", "建议"]), sqbt: `关于${s.category}问题的反映`,
        sqnr: `来电人反映：${s.body}${s.demand}`, sfdz: fake.pick(g.rng, g.addresses),
        cbdw: fake.pick(g.rng, ["古塘街道社会治理中心", "慈溪市市场监督管理局", "慈溪市住房和城乡建设局"]), blsx: fake.int(g.rng, 3, 15),
      };
    },
    correct: (r) => ({ ...r, blsx: Number(r.blsx) + 5 }),
  },
  {
    code: "81890", share: 0.0697, container: "csv", ext: "csv", encoding: "gbk", eol: "\r\n", timeField: "求助时间",
    header: ["服务单号", "求助时间", "求助人", "电话", "地址", "求助内容", "服务类别"],
    id: (day, seq) => `SF${day}${String(seq).padStart(4, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      return {
        服务单号: id, 求助时间: looseTime(g, t, false), 求助人: name, 电话: fake.phone(g.rng), 地址: fake.pick(g.rng, g.addresses),
        求助内容: `来电人称${s.body}请求帮助：${s.demand}`, 服务类别: fake.pick(g.rng, ["邻里协调", "家政维修", "便民求助"]),
      };
    },
    correct: (r) => ({ ...r, 服务类别: r["服务类别"] === "便民求助" ? "邻里协调" : "便民求助" }),
  },
  {
    code: "zlf", share: 0.0851, container: "json-array", ext: "json", encoding: "utf8", eol: "\n", timeField: "djsj",
    id: (day, seq) => `ZJXF${day}${String(seq).padStart(5, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      return {
        xfjbh: id, djsj: timeText(t), xfrxm: name, zjhm: fake.idNumber(g.rng), lxdh: fake.phone(g.rng),
        wtsd: g.rng() < 0.5 ? "宁波市慈溪市古塘街道" : `宁波市慈溪市${fake.pick(g.rng, g.addresses).replace(/^.*慈溪市/, "")}`,
        nrfl: fake.pick(g.rng, ["城乡建设-房屋管理", "自然资源-土地权属", "市场监管-消费维权", "劳动社保-工资福利"]),
        xfmd: fake.pick(g.rng, ["申诉", "求决", "建议"]), zyqq: `${s.body}${s.demand}`, xfrs: g.rng() < 0.9 ? 1 : fake.int(g.rng, 2, 20),
      };
    },
    correct: (r) => ({ ...r, xfmd: r.xfmd === "求决" ? "申诉" : "求决" }),
  },
  {
    code: "odr", share: 0.1016, container: "jsonl", ext: "jsonl", encoding: "utf8", eol: "\n", timeField: "createdAt",
    id: (day, seq) => `ODR${day}${String(seq).padStart(5, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      const company = g.rng() < 0.2;
      const amount = g.rng() < 0.6 ? fake.amount(g.rng) : null;
      return {
        caseNo: id, createdAt: t.ms,
        applicant: { name, idCard: fake.idNumber(g.rng), phone: fake.phone(g.rng), address: fake.pick(g.rng, g.addresses) },
        respondent: company
          ? { companyName: fake.pick(g.rng, g.businesses), creditCode: fake.creditCode(g.rng), phone: fake.phone(g.rng) }
          : { name: s.other, idCard: g.rng() < 0.5 ? fake.idNumber(g.rng) : null, phone: g.rng() < 0.7 ? fake.phone(g.rng) : null },
        disputeType: fake.pick(g.rng, ["neighbor", "family", "labor", "loan", "contract", "traffic", "property", "consumer"]),
        description: `事情经过：${s.body}诉求：${s.demand}`, amount, status: fake.pick(g.rng, ["pending", "mediating", "failed", "success"]),
      };
    },
    correct: (r) => ({ ...r, status: r.status === "success" ? "failed" : "success" }),
  },
  {
    code: "ldbz", share: 0.0343, container: "csv", ext: "csv", encoding: "utf8", bom: true, eol: "\n", timeField: "投诉日期",
    header: ["投诉编号", "投诉日期", "投诉人", "身份证", "电话", "被投诉单位", "统一社会信用代码", "单位地址", "涉及人数", "欠薪金额(元)", "投诉事项"],
    id: (day, seq) => `LDJC${day}${String(seq).padStart(4, "0")}`,
    row: (g, id, t) => {
      const company = fake.pick(g.rng, g.businesses);
      const owed = g.rng() < 0.7 ? fake.amount(g.rng) : "";
      return {
        投诉编号: id, 投诉日期: dateText(t), 投诉人: fake.personName(g.rng), 身份证: fake.idNumber(g.rng), 电话: fake.phone(g.rng),
        被投诉单位: company, 统一社会信用代码: fake.creditCode(g.rng), 单位地址: fake.pick(g.rng, g.addresses), 涉及人数: fake.int(g.rng, 1, 12),
        "欠薪金额(元)": owed, 投诉事项: `我是${company}的员工，老板${owed ? `拖欠工资${owed}元` : "一直没给我交社保"}。请劳动监察部门督促解决。`,
      };
    },
    correct: (r) => ({ ...r, 涉及人数: Number(r["涉及人数"]) + 1 }),
  },
  {
    code: "xf", share: 0.0443, container: "csv", ext: "csv", encoding: "utf8", eol: "\n", timeField: "日期",
    header: ["编号", "日期", "方式", "信访人", "人数", "住址", "事由", "诉求"],
    id: (day, seq) => `GTXF-${day}-${String(seq).padStart(4, "0")}`,
    row: (g, id, t) => {
      const name = fake.personName(g.rng);
      const s = story(g, name);
      return {
        编号: id, 日期: dateText(t), 方式: fake.pick(g.rng, ["来信", "来访", "网上信访"]), 信访人: name, 人数: g.rng() < 0.9 ? 1 : fake.int(g.rng, 2, 30),
        住址: fake.pick(g.rng, g.addresses), 事由: `信访人反映${s.body}`, 诉求: s.demand,
      };
    },
    correct: (r) => ({ ...r, 方式: r["方式"] === "来访" ? "来信" : "来访" }),
  },
  {
    code: "rmtj", share: 0.1438, container: "jsonl", ext: "jsonl", encoding: "utf8", eol: "\n", timeField: "slrq",
    id: (day, seq) => `GTTJ${day}${String(seq).padStart(4, "0")}`,
    row: (g, id, t) => {
      const a = fake.personName(g.rng);
      const s = story(g, a);
      const orgRespondent = g.rng() < 0.2;
      const outcome = fake.pick(g.rng, ["调解成功", "调解不成", "调解中"]);
      return {
        ajbh: id, slrq: dateText(t),
        dsr: [
          { xm: a, sfzh: fake.idNumber(g.rng), dh: fake.phone(g.rng), js: "申请人" },
          orgRespondent
            ? { xm: fake.pick(g.rng, g.businesses), sfzh: fake.creditCode(g.rng), dh: fake.phone(g.rng), js: "被申请人" }
            : { xm: s.other, sfzh: g.rng() < 0.6 ? fake.idNumber(g.rng) : "", dh: g.rng() < 0.6 ? fake.phone(g.rng) : "", js: "被申请人" },
        ],
        jflx: `${s.category}纠纷`, jyqk: `当事人${a}与${s.other}发生纠纷。${s.body}申请人向调委会申请调解，${s.demand}`,
        tjy: fake.pick(g.rng, ["胡秀娟（银发调解队）", "徐海燕（城北社区调委会）", "马德明（律师）"]), tjjg: outcome,
        xysbh: outcome === "调解成功" ? `慈古调〔${t.y}〕第${fake.int(g.rng, 1, 9999)}号` : "",
      };
    },
    correct: (r) => ({ ...r, tjjg: r.tjjg === "调解中" ? "调解成功" : "调解中" }),
  },
];

const csvCell = (v: unknown) => {
  const s = v == null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Buffers rows and writes them in ~1 MB slices, encoding as the channel's format requires. */
class ChannelFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  rows = 0;

  constructor(file: string, private spec: ChannelSpec) {
    this.fd = fs.openSync(file, "w");
    if (spec.bom) this.put("\uFEFF");
    if (spec.header) this.put(spec.header.join(",") + spec.eol);
    if (spec.container === "json-array") this.put("[\n");
  }

  add(row: Fields) {
    const { spec } = this;
    let text: string;
    if (spec.container === "csv") text = spec.header!.map((h) => csvCell(row[h])).join(",") + spec.eol;
    else text = (spec.container === "json-array" && this.rows > 0 ? ",\n" : "") + JSON.stringify(row) + (spec.container === "jsonl" ? "\n" : "");
    this.rows++;
    this.put(text);
  }

  close() {
    if (this.spec.container === "json-array") this.put("\n]\n");
    this.flush();
    fs.closeSync(this.fd);
  }

  private put(s: string) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 512 * 1024) this.flush();
  }

  private flush() {
    const text = this.parts.join("");
    const buf = this.spec.encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
}

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ y: 2024 + Math.floor((10 + i) / 12), m: ((10 + i) % 12) + 1 }));
const monthStart = (y: number, m: number) => Date.UTC(y, m - 1, 1) - 8 * 3600_000;

export interface GenerateSummary {
  records: number;
  bytes: number;
  files: number;
  byChannel: Record<string, number>;
}

/** Writes `records` rows into `dir/channels/<code>/…`; returns what it wrote. */
export function generateDelivery(dir: string, opts: { records: number; seed?: number }): GenerateSummary {
  const rng = fake.createRng(opts.seed ?? 1);
  const registry = loadRegistryFile(SHIPPED_REGISTRY_PATH);
  const g: Gen = { rng, addresses: fake.addressPool(registry, rng), businesses: fake.businessNames(registry) };
  const counts = SPECS.map((s) => Math.floor(opts.records * s.share));
  counts[0] += opts.records - counts.reduce((a, b) => a + b, 0);
  const summary: GenerateSummary = { records: 0, bytes: 0, files: 0, byChannel: {} };

  SPECS.forEach((spec, c) => {
    const folder = path.join(dir, "channels", spec.code);
    fs.mkdirSync(folder, { recursive: true });
    for (let m = 0; m < MONTHS.length; m++) {
      const n = Math.floor(counts[c] / 12) + (m < counts[c] % 12 ? 1 : 0);
      if (!n) continue;
      const { y, m: mo } = MONTHS[m];
      const file = new ChannelFile(path.join(folder, `${spec.code}_${y}${p2(mo)}.${spec.ext}`), spec);
      const start = monthStart(y, mo);
      const span = monthStart(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1) - start;
      const recent: Fields[] = [];
      let day = "";
      let seq = 0;
      for (let k = 0; k < n; k++) {
        const r = rng();
        if (recent.length > 8 && r < 0.015) file.add(recent[Math.floor(rng() * recent.length)]);
        else if (recent.length > 8 && r < 0.025) file.add(spec.correct(recent[Math.floor(rng() * recent.length)], g));
        else {
          // Times rise through the file, as exports are sorted by delivery time.
          const t = beijing(Math.floor(start + ((k + rng()) * span) / n));
          const today = `${t.y}${p2(t.mo)}${p2(t.d)}`;
          seq = today === day ? seq + 1 : 1;
          day = today;
          const row = spec.row(g, spec.id(day, seq), t);
          if (r > 0.998) row[spec.timeField] = `${t.y}-13-45 25:61`;
          file.add(row);
          recent.push(row);
          if (recent.length > 64) recent.shift();
        }
      }
      file.close();
      summary.records += file.rows;
      summary.bytes += file.bytes;
      summary.files++;
      summary.byChannel[spec.code] = (summary.byChannel[spec.code] ?? 0) + file.rows;
    }
  });
  return summary;
}

function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = value("--out");
  if (!out) {
    console.error("usage: node --import tsx bench/generate.ts --out DIR [--records N] [--seed S]");
    process.exit(2);
  }
  const summary = generateDelivery(out, { records: Number(value("--records") ?? 1_000_000), seed: Number(value("--seed") ?? 1) });
  console.log(JSON.stringify(summary));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
