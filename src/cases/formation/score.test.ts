// The evidence rules of scoreAgainstCase, one by one, on records built by hand (no database).
import { describe, expect, it } from "vitest";
import { scoreAgainstCase, THRESHOLDS, WEIGHTS, type Side, type SidePerson } from "./score.js";
import type { TreeIndex } from "./tree.js";

// Two communities (10, 20), each with one grid (11, 21) and two micro-grids (111, 112 / 211).
const parent: Record<number, number> = { 11: 10, 111: 11, 112: 11, 21: 20, 211: 21 };
const levels: Record<number, string> = { 10: "community", 20: "community", 11: "grid", 21: "grid", 111: "micro_grid", 112: "micro_grid", 211: "micro_grid" };
const up = (id: number | null, level: string): number | null => {
  let n = id;
  while (n != null && levels[n] !== level) n = parent[n] ?? null;
  return n;
};
const tree: TreeIndex = {
  streetId: 1,
  communityOf: (id) => up(id, "community"),
  gridOf: (id) => up(id, "grid"),
  gridNodes: (g) => [g, ...Object.keys(parent).map(Number).filter((k) => parent[k] === g)],
  level: (id) => (id == null ? null : (levels[id] ?? null)),
  code: (id) => (id == null ? null : String(id)),
};

let nextPerson = 1;
/** A person as a record names them: a full name (张建国), a title (张女士), or a company; with a phone unless told. */
function person(name: string, opts: { id?: number; phone?: boolean; company?: boolean } = {}): SidePerson {
  const title = /(先生|女士|某)$/.test(name);
  return {
    personId: opts.id ?? nextPerson++,
    strong: opts.phone ?? true,
    named: !title && !opts.company,
    company: Boolean(opts.company),
    fullName: title || opts.company ? null : name,
    nameKey: name,
    surname: opts.company ? null : name.slice(0, 1),
  };
}

let nextRecord = 1;
function record(text: string, people: SidePerson[], opts: { day?: number; place?: number | null; matter?: boolean } = {}): Side & { id: number } {
  return {
    id: nextRecord++,
    narrativeKey: text,
    regionNodeId: opts.place === undefined ? 111 : opts.place,
    placeIsMatter: opts.matter ?? true,
    reportedAt: new Date(Date.UTC(2025, 2, opts.day ?? 1)),
    categoryWords: [],
    people,
  };
}

const kinds = (s: { evidence: { kind: string; detail: string }[] }) => s.evidence.map((e) => `${e.kind}:${e.detail}`);

describe("scoreAgainstCase", () => {
  it("does not join two villagers' complaints about one village committee on the shared committee alone", () => {
    const committee = person("石桥头村村民委员会", { company: true });
    const first = record("申请人申请宅基地建房已经五个月，村委会一直不给审批，要求尽快审批宅基地", [person("姚益芬"), committee]);
    const second = record("申请人申请宅基地建房已经半年，村委会一直不给审批，要求尽快审批宅基地", [person("胡雪芬"), committee], { day: 4 });
    const s = scoreAgainstCase(second, [first], tree);
    expect(kinds(s)).toContain("conflict:双方当事人均不相同");
    // The committee adds nothing once the people differ: alike as the stories are, staff decide (possible duplicate).
    expect(kinds(s).some((k) => k.startsWith("credit_code"))).toBe(false);
    expect(s.score).toBeLessThan(THRESHOLDS.join);
  });

  it("joins the other side's report that names the first caller by surname and a title", () => {
    const hu = person("胡朝阳");
    const first = record("报警人称邻居家电瓶车充电起火，把其家的门和墙熏坏了，损失4.1万", [hu]);
    const other = record("来电人称起火原因还没定，邻居胡某要其全赔不合理，请求帮助", [person("周先生")], { day: 3 });
    const s = scoreAgainstCase({ ...other, category: "SH" }, [first], tree, "SH");
    expect(kinds(s)).toContain("name_address:一方的叙述中以姓氏称呼另一方当事人");
    expect(kinds(s).some((k) => k.startsWith("conflict"))).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(THRESHOLDS.join);
  });

  it("weighs two stories that name each other above one that names the other", () => {
    const first = record("报称徐某在屋后养了几十只鸡鸭，臭味很大", [person("岑宇轩")]);
    const oneWay = record("报称其家鸡鸭都关在笼子里每天打扫，不臭", [person("徐林华")], { day: 2 });
    const mutual = record("报称岑某说其家鸡鸭臭，其实都关在笼子里每天打扫", [person("徐林华")], { day: 2 });
    const a = scoreAgainstCase(oneWay, [first], tree);
    const b = scoreAgainstCase(mutual, [first], tree);
    expect(kinds(b)).toContain("name_address:一方的叙述中以姓氏称呼另一方当事人（双方互指）");
    expect(kinds(a)).toContain("name_address:一方的叙述中以姓氏称呼另一方当事人");
    expect(b.score - a.score).toBeGreaterThanOrEqual(WEIGHTS.bothMentioned);
  });

  it("does not read the caller's own title in the story as naming the other side", () => {
    const first = record("楼上卫生间漏水渗到天花板", [person("张建国")]);
    const other = record("张女士报警称楼上卫生间漏水", [person("张女士")], { day: 2 });
    const s = scoreAgainstCase(other, [first], tree);
    expect(kinds(s).some((k) => k.includes("姓氏称呼"))).toBe(false);
  });

  it("counts the same full name under two person ids as evidence, not as a conflict", () => {
    const first = record("当事人马静与前夫因抚养费发生纠纷，对方欠了2.9万元", [person("马静", { id: 501 })], { place: null });
    const petition = record("来信反映其和前夫离婚时约定对方每月付抚养费，现在欠了29000元", [person("马静", { id: 502, phone: false })], { day: 20 });
    const s = scoreAgainstCase(petition, [first], tree);
    expect(kinds(s)).toContain("name_address:双方有同名当事人");
    expect(kinds(s).some((k) => k.startsWith("conflict"))).toBe(false);
  });

  it("lets a title with the surname of the other side's full name stand for that person", () => {
    const first = record("报警人来电称面馆扣着其身份证不还，还要其交600元才给", [person("刘女士")]);
    const petition = record("信访人反映面馆招工时收了其600元押金，现在离职了不退", [person("刘蓉", { phone: false })], { day: 30 });
    const s = scoreAgainstCase(petition, [first], tree);
    expect(kinds(s).some((k) => k.startsWith("conflict"))).toBe(false);
  });

  it("tells one caller's quarrel with another neighbour apart by the neighbour each story names", () => {
    const liu = person("刘磊");
    const first = record("称其和邻居冯某因为晾衣服滴水吵了起来，双方都不肯让步", [liu]);
    const mediation = record("金一诺与刘磊因空调外机发生纠纷，楼上空调冷凝水一直滴在雨棚上", [person("金一诺"), liu], { day: 4, place: null });
    const s = scoreAgainstCase({ ...mediation, category: "LL" }, [first], tree, "LL");
    expect(kinds(s)).toContain("conflict:对方当事人不同");
    expect(s.score).toBeLessThan(THRESHOLDS.join);
  });

  it("does not hold a home address in another community against a case", () => {
    const driver = person("马璐");
    const first = record("马璐追尾了我的车，说好私了赔2900元，后来又反悔", [person("戚琳倩"), driver], { place: 211, matter: false });
    const report = record("报警人反映：司机戚某急刹车才追尾的，其不同意全责", [driver], { day: 5, place: 111 });
    expect(kinds(scoreAgainstCase(report, [first], tree)).some((k) => k.includes("不在同一村"))).toBe(false);
    const placed = record("交叉口追尾，对方不同意全责", [driver], { place: 211 });
    expect(kinds(scoreAgainstCase(report, [placed], tree))).toContain("place:不在同一村（社区）");
  });
});
