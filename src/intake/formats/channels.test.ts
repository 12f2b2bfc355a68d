// Each outside channel's map: native fields renamed into a draft, values kept as given (trimmed only).
import { describe, expect, it } from "vitest";
import type { MapResult, RecordDraft } from "../draft.js";
import { FORMATS } from "./index.js";

function draft(r: MapResult): RecordDraft {
  if (!r.ok) throw new Error(r.message);
  return r.draft;
}

describe("110", () => {
  const row = { 接警编号: " J1 ", 报警时间: "2025年3月5日14时05分", 报警人: " 王 小明", 联系电话: "+86 138 0000 1111", 身份证号: "", 事发地址: "示例小区3幢", 警情类别: "纠纷-邻里纠纷", 报警内容: "邻居装修噪音", 处警单位: "示例派出所", 处警民警: "民警甲", 处警结果: "已调解", 是否非警务: "是" };

  it("maps the caller, the place, the story and the handling", () => {
    expect(draft(FORMATS["110"].map(row))).toEqual({
      externalId: "J1",
      reportedAt: "2025年3月5日14时05分",
      people: [{ role: "reporter", name: "王 小明", phone: "+86 138 0000 1111", idNumber: null }],
      addressText: "示例小区3幢",
      narrative: "邻居装修噪音",
      categoryWords: ["纠纷-邻里纠纷"],
      amount: null,
      peopleCount: null,
      extra: { 处警单位: "示例派出所", 处警民警: "民警甲", 处警结果: "已调解", 是否非警务: "是" },
    });
  });

  it("names the missing fields in Chinese", () => {
    expect(FORMATS["110"].map({ ...row, 接警编号: "  ", 报警内容: "" })).toEqual({ ok: false, reason: "missing_required", message: "缺少必填字段：接警编号、报警内容" });
    expect(FORMATS["110"].map({})).toMatchObject({ ok: false, message: "缺少必填字段：接警编号、报警时间、报警内容" });
  });
});

describe("12345", () => {
  const row = { gdbh: "G1", slsj: "20250305140500", ldr: "李女士", lxdh: "0574-60000000", sqlx: "投诉", sqbt: "关于噪音的投诉", sqnr: "夜间施工扰民", sfdz: "示例路8号", cbdw: "示例局", blsx: 7 };

  it("joins title and body, keeps the handling unit and deadline", () => {
    const d = draft(FORMATS["12345"].map(row));
    expect(d).toMatchObject({ externalId: "G1", reportedAt: "20250305140500", narrative: "关于噪音的投诉\n夜间施工扰民", addressText: "示例路8号", categoryWords: ["投诉"], extra: { cbdw: "示例局", blsx: 7 } });
    expect(d.people).toEqual([{ role: "reporter", name: "李女士", phone: "0574-60000000" }]);
  });

  it("accepts a title alone, refuses no story at all", () => {
    expect(draft(FORMATS["12345"].map({ ...row, sqnr: "" })).narrative).toBe("关于噪音的投诉");
    expect(FORMATS["12345"].map({ ...row, sqbt: null, sqnr: " " })).toMatchObject({ ok: false, message: "缺少必填字段：sqbt/sqnr（诉求标题/诉求内容）" });
    expect(FORMATS["12345"].map({ ...row, gdbh: "" })).toMatchObject({ ok: false, message: "缺少必填字段：gdbh（工单编号）" });
  });
});

describe("81890", () => {
  it("maps the caller and the service category", () => {
    const d = draft(FORMATS["81890"].map({ 服务单号: "S1", 求助时间: "2025/3/5 14:05", 求助人: "赵一鸣", 电话: "１３９００００１１１１", 地址: "示例村5组", 求助内容: "楼上漏水", 服务类别: "邻里协调" }));
    expect(d).toMatchObject({ externalId: "S1", people: [{ role: "reporter", name: "赵一鸣", phone: "１３９００００１１１１" }], addressText: "示例村5组", categoryWords: ["邻里协调"] });
  });
});

describe("zlf", () => {
  it("maps the petitioner as applicant, both category words, the head count", () => {
    const d = draft(FORMATS.zlf.map({ xfjbh: "Z1", djsj: "2025-03-05 14:05:00", xfrxm: "钱二丽", zjhm: "330200********1234", lxdh: "13900001111", wtsd: "示例街道", nrfl: "城乡建设-房屋管理", xfmd: "求决", zyqq: "要求拆除违建", xfrs: 12 }));
    expect(d).toMatchObject({ people: [{ role: "applicant", name: "钱二丽", idNumber: "330200********1234", phone: "13900001111" }], addressText: "示例街道", categoryWords: ["城乡建设-房屋管理", "求决"], peopleCount: 12, extra: { xfmd: "求决" } });
  });
});

describe("odr", () => {
  const base = { caseNo: "O1", createdAt: 1741154700000, applicant: { name: "孙三强", idCard: "330200199001011234", phone: "13900001111", address: "示例小区5幢" }, disputeType: "labor", description: "拖欠工资", amount: 36000, status: "mediating" };

  it("maps a person respondent", () => {
    const d = draft(FORMATS.odr.map({ ...base, respondent: { name: "李大伟", idCard: null, phone: "13900002222" } }));
    expect(d).toMatchObject({ reportedAt: 1741154700000, addressText: "示例小区5幢", amount: 36000, categoryWords: ["labor"], extra: { status: "mediating" } });
    expect(d.people[1]).toMatchObject({ role: "respondent", name: "李大伟", idNumber: null, phone: "13900002222" });
  });

  it("maps a company respondent", () => {
    const d = draft(FORMATS.odr.map({ ...base, amount: null, respondent: { companyName: "示例制衣有限公司", creditCode: "91330200MA2XXXXX1A", phone: null } }));
    expect(d.amount).toBeNull();
    expect(d.people[1]).toMatchObject({ role: "respondent", companyName: "示例制衣有限公司", creditCode: "91330200MA2XXXXX1A" });
  });
});

describe("ldbz", () => {
  const row = { 投诉编号: "L1", 投诉日期: "2025-03-05", 投诉人: "周五华", 身份证: "330200199001011234", 电话: "13900001111", 被投诉单位: "示例制衣厂", 统一社会信用代码: "91330200MA2XXXXX1A", 单位地址: "示例路8号", 涉及人数: "12", "欠薪金额(元)": "36000", 投诉事项: "拖欠三个月工资" };

  it("maps the worker and the employer, with the factory as the place", () => {
    const d = draft(FORMATS.ldbz.map(row));
    expect(d.people).toEqual([
      { role: "applicant", name: "周五华", idNumber: "330200199001011234", phone: "13900001111" },
      { role: "respondent", companyName: "示例制衣厂", creditCode: "91330200MA2XXXXX1A", address: "示例路8号" },
    ]);
    expect(d).toMatchObject({ addressText: "示例路8号", amount: "36000", peopleCount: "12", categoryWords: ["欠薪"] });
  });

  it("says 欠薪 only when an amount is given", () => {
    expect(draft(FORMATS.ldbz.map({ ...row, "欠薪金额(元)": "" }))).toMatchObject({ amount: null, categoryWords: [] });
  });
});

describe("xf", () => {
  it("maps the petitioner with the home address, and joins cause and request", () => {
    const d = draft(FORMATS.xf.map({ 编号: "X-1", 日期: "2025-03-05", 方式: "来访", 信访人: "钱二丽", 人数: "1", 住址: "示例村5组", 事由: "邻居占道", 诉求: "要求恢复通行" }));
    expect(d).toMatchObject({ people: [{ role: "applicant", name: "钱二丽", address: "示例村5组" }], addressText: "示例村5组", narrative: "邻居占道\n要求恢复通行", categoryWords: ["来访"], peopleCount: "1" });
    expect(FORMATS.xf.map({ 编号: "X-1", 日期: "2025-03-05", 事由: "", 诉求: "" })).toMatchObject({ ok: false, message: "缺少必填字段：事由/诉求" });
  });
});

describe("rmtj", () => {
  const row = { ajbh: "T1", slrq: "2025-03-05", jflx: "合同纠纷", jyqk: "拖欠货款", tjy: "调解员甲", tjjg: "调解中", xysbh: "" };

  it("maps parties by role, telling organisations by their credit code or name", () => {
    const d = draft(
      FORMATS.rmtj.map({
        ...row,
        dsr: [
          { xm: "示例家电有限公司", sfzh: "91330200MA2XXXXX1A", dh: "", js: "申请人" },
          { xm: "示例喷涂厂", sfzh: "", dh: "0574-60000000", js: "被申请人" },
          { xm: "王小明", sfzh: "330200199001011234", dh: "13900001111", js: "被申请人" },
          { xm: "李大伟", sfzh: "33020019900101123x", dh: "", js: "证人" },
        ],
      }),
    );
    expect(d.people).toEqual([
      { role: "applicant", companyName: "示例家电有限公司", creditCode: "91330200MA2XXXXX1A", phone: null },
      { role: "respondent", companyName: "示例喷涂厂", creditCode: null, phone: "0574-60000000" },
      { role: "respondent", name: "王小明", idNumber: "330200199001011234", phone: "13900001111" },
      { role: "other", name: "李大伟", idNumber: "33020019900101123x", phone: null },
    ]);
    expect(d).toMatchObject({ addressText: null, narrative: "拖欠货款", categoryWords: ["合同纠纷"], extra: { tjy: "调解员甲", tjjg: "调解中" } });
  });

  it("takes a missing dsr as no parties", () => {
    expect(draft(FORMATS.rmtj.map(row)).people).toEqual([]);
  });
});
