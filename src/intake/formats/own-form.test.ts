import { describe, expect, it } from "vitest";
import { FORMATS } from "./index.js";

const form = {
  id: "H1",
  reportedAt: "2025-03-05T14:05:00+08:00",
  reporterName: "王小明",
  reporterPhone: "13900001111",
  address: "示例小区3幢",
  narrative: "楼上漏水",
  category: "邻里",
  parties: [{ role: "respondent", name: "李大伟" }, { role: "boss", companyName: "示例物业公司" }],
  amount: 5000,
  peopleCount: 2,
};

describe("the hub's own forms", () => {
  it("map the reporter and the parties, unknown roles as other", () => {
    const r = FORMATS.portal.map(form);
    expect(r).toMatchObject({ ok: true, draft: { externalId: "H1", addressText: "示例小区3幢", categoryWords: ["邻里"], amount: 5000, peopleCount: 2, extra: {} } });
    if (r.ok) expect(r.draft.people.map((p) => [p.role, p.name ?? p.companyName])).toEqual([["reporter", "王小明"], ["respondent", "李大伟"], ["other", "示例物业公司"]]);
  });

  it("keep who took the report", () => {
    expect(FORMATS.grid.map({ ...form, gridWorker: "网格员甲" })).toMatchObject({ ok: true, draft: { extra: { gridWorker: "网格员甲" } } });
    expect(FORMATS.window.map({ ...form, receptionist: "窗口甲" })).toMatchObject({ ok: true, draft: { extra: { receptionist: "窗口甲" } } });
  });

  it("refuse a form without id, time or story", () => {
    expect(FORMATS.grid.map({ ...form, id: "", narrative: " " })).toMatchObject({ ok: false, reason: "missing_required", message: "缺少必填字段：id（编号）、narrative（事项描述）" });
  });
});
