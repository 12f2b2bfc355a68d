// Times each normaliser over 100k varied, made-up inputs and prints µs per call.
// Run: node --import tsx src/intake/normalise/bench.ts
import { idCheckDigit } from "../../personal-data/id-number.js";
import { extractAmount, extractPeopleCount, parseAmount } from "./amount.js";
import { creditCodeCheckChar, normaliseCreditCode } from "./credit-code.js";
import { normaliseIdNumber } from "./id-number.js";
import { normaliseName } from "./name.js";
import { normalisePhone } from "./phone.js";
import { parseBeijingTime } from "./time.js";
import { cleanText, containsMarkup, matchKey, toHalfWidth, toSimplified } from "./text.js";

const N = 100_000;
let seed = 42;
function rand(n: number): number {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff; // deterministic, so runs compare
  return seed % n;
}
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => rand(10)).join("");
const wide = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pad = (n: number) => String(n).padStart(2, "0");

function phone(): string {
  const m = `1${pick([..."3456789"])}${digits(9)}`;
  const l = `6${digits(7)}`;
  return pick([
    () => m, () => m, () => m, () => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, () => `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    () => wide(m), () => `0574-${l}`, () => l, () => `(0574)${l}`, () => digits(7), () => "",
  ])();
}
function idNumber(): string {
  const body = `330282${1940 + rand(60)}${pad(1 + rand(12))}${pad(1 + rand(28))}${digits(3)}`;
  const id = body + idCheckDigit(body);
  return pick([
    () => id, () => id, () => id, () => id.toLowerCase(), () => `${id.slice(0, 6)}${id.slice(8, 17)}`,
    () => `${id.slice(0, 6)}********${id.slice(14)}`, () => id.slice(0, 17) + ((+id[17] + 1) % 10), () => wide(id), () => "",
  ])();
}
const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function creditCode(): string {
  const body = `91330282${Array.from({ length: 9 }, () => pick([...CODE_CHARS])).join("")}`;
  const code = body + creditCodeCheckChar(body);
  return pick([() => code, () => code, () => code.toLowerCase(), () => ` ${code} `, () => `${body}0`])();
}
function time(): string | number {
  const y = 2023 + rand(3), mo = 1 + rand(12), d = 1 + rand(28), h = rand(24), mi = rand(60);
  return pick<() => string | number>([
    () => `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`, () => `${y}/${mo}/${d} ${h}:${pad(mi)}`,
    () => `${y}年${mo}月${d}日${h}时${pad(mi)}分`, () => `${y}${pad(mo)}${pad(d)}${pad(h)}${pad(mi)}00`,
    () => 1_700_000_000_000 + rand(1e9) * 100, () => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+08:00`, () => `${y}-02-30`,
  ])();
}
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙沈钱胡"];
const GIVEN = [..."小明晓华建国秀英丽娟志强海燕伟芳"];
function name(): string {
  const s = pick(SURNAMES);
  const full = s + pick(GIVEN) + (rand(2) ? pick(GIVEN) : "");
  return pick([
    () => full, () => full, () => full, () => [...full].join(" "), () => `${s}${pick(["先生", "女士", "阿姨", "师傅", "某某"])}`,
    () => `老${s}`, () => "陳國華", () => `慈溪市${pick(GIVEN)}${pick(GIVEN)}电器有限公司`, () => "匿名",
  ])();
}
const FRAGMENTS = [
  "古塘街道某小区3幢2单元501室住户反映", "楼上卫生间漏水导致天花板渗水", "多次协商未果，双方发生争执", "要求社区协调处理",
  "太屺村5组村民反映邻居违章搭建", "金桥社区菜场对面夜间施工噪音扰民", "被拖欠工资2.9万元", "借款6100块至今未还",
  "10多名工人到厂门口讨薪", "联系电话13957412345", "装修款8.9万元未结清", "20余人聚集", "三万元押金不退", "事发时间3月5日14时",
];
const TRAD = ["樓上衛生間漏水", "雙方發生爭執", "鄰居違章搭建", "裝修款未結清"];
function narrative(): string {
  const parts = Array.from({ length: 3 + rand(5) }, () => (rand(20) === 0 ? pick(TRAD) : pick(FRAGMENTS)));
  if (rand(50) === 0) parts.push("<script>alert(1)</script>");
  if (rand(10) === 0) parts.push("  \u200b ");
  return parts.join(rand(3) ? "，" : " ") + "。";
}
function amountField(): string | number | null {
  return pick<() => string | number | null>([() => 1000 + rand(90000), () => `${1 + rand(9)}.${rand(10)}万`, () => `${rand(90)},${digits(3)}元`, () => "三万元", () => null])();
}

function make<T>(gen: () => T): T[] {
  return Array.from({ length: N }, gen);
}
let sink = 0; // keeps results alive so the work is not optimised away
function time1<T>(label: string, inputs: T[], fn: (x: T) => unknown): void {
  const k = inputs.length;
  for (let i = 0; i < 20_000; i++) fn(inputs[i % k]); // warm-up, and builds lazy tables
  // CPU time, best of five rounds: other processes share the cores, and waiting for them is not our cost.
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < N; i++) if (fn(inputs[i % k]) != null) sink++;
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / N);
  }
  console.log(`${label.padEnd(34)} ${best.toFixed(3).padStart(8)} µs/call`);
}

const narratives = make(narrative);
const simplifiedOnly = narratives.filter((s) => s === toSimplified(s)).slice(0, N);
const traditional = make(() => `${pick(TRAD)}，${pick(FRAGMENTS)}`);
const cleaned = narratives.map(cleanText);

console.log(`${N} inputs per function (made up); Node ${process.version}`);
time1("normalisePhone", make(phone), normalisePhone);
time1("normaliseIdNumber", make(idNumber), normaliseIdNumber);
time1("normaliseCreditCode", make(creditCode), normaliseCreditCode);
time1("parseBeijingTime", make(time), parseBeijingTime);
time1("normaliseName", make(name), normaliseName);
time1("cleanText (narrative)", narratives, cleanText);
time1("toHalfWidth (narrative)", narratives, (s) => toHalfWidth(s));
time1("toSimplified (mixed, 5% Trad.)", narratives, toSimplified);
time1("toSimplified (Simplified only)", simplifiedOnly, toSimplified);
time1("toSimplified (Traditional)", traditional, toSimplified);
time1("matchKey (narrative)", narratives, matchKey);
time1("containsMarkup (narrative)", narratives, containsMarkup);
time1("parseAmount", make(amountField), parseAmount);
time1("extractAmount (narrative)", cleaned, extractAmount);
time1("extractPeopleCount (narrative)", cleaned, extractPeopleCount);

// Roughly what standardise() asks of these functions for one record with two people.
const records = Array.from({ length: N }, () => ({
  t: time(), text: narratives[rand(N)], a: name(), b: name(), pa: phone(), pb: phone(), id: idNumber(),
}));
time1("per record (all of the above)", records, (r) => {
  const n = cleanText(r.text);
  const a = normaliseName(r.a);
  const b = normaliseName(r.b);
  return [
    parseBeijingTime(r.t), matchKey(n), containsMarkup(n), extractAmount(n), extractPeopleCount(n), normalisePhone(r.pa),
    normalisePhone(r.pb), normaliseIdNumber(r.id), a.name && matchKey(a.name), b.name && matchKey(b.name),
  ];
});
console.log(`(${sink} results)`);
