// 法律咨询: a citizen asks, an on-duty specialist answers once, the citizen sees the answer and is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, type Session, type TestApp } from "../test/app.js";
import type { LegalQuestionView } from "./views.js";

let h: TestApp;
let citizen: Session;
let other: Session;
let specialist: Session;
let specialistName: string;

const ask = (s: Session, payload: Record<string, unknown>) => h.app.inject({ method: "POST", url: "/api/portal/questions", headers: s.headers, payload });
const own = async (s: Session) => (await h.app.inject({ method: "GET", url: "/api/portal/questions", headers: s.headers })).json().items as LegalQuestionView[];
const queue = async (status: "open" | "answered") => {
  const res = await h.app.inject({ method: "GET", url: `/api/legal-questions?status=${status}`, headers: specialist.headers });
  expect(res.statusCode).toBe(200);
  return res.json().items as LegalQuestionView[];
};
const answer = (id: number, text: string, s = specialist) => h.app.inject({ method: "POST", url: `/api/legal-questions/${id}/answer`, headers: s.headers, payload: { answer: text } });

beforeAll(async () => {
  h = await createTestApp();
  citizen = await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username);
  other = await login(h.app, (await createAccount(h.t, "citizen", "330282006")).username);
  const account = await createAccount(h.t, "street_centre", "330282006");
  specialist = await login(h.app, account.username);
  specialistName = account.displayName;
});
afterAll(() => h.close());

describe("legal questions", () => {
  it("takes a question, refuses an empty one, and shows each citizen only their own", async () => {
    const res = await ask(citizen, { question: "房东不退押金，我可以起诉吗？需要准备什么材料？", category: "HT" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ category: "HT", answer: null, answeredAt: null });
    expect((await ask(citizen, { question: "  " })).statusCode).toBe(400);
    await ask(other, { question: "公司拖欠工资三个月，去哪里投诉？" });
    expect((await own(citizen)).map((q) => q.question)).toEqual(["房东不退押金，我可以起诉吗？需要准备什么材料？"]);
    expect((await own(other)).map((q) => q.question)).toEqual(["公司拖欠工资三个月，去哪里投诉？"]);
  });

  it("puts the longest-waiting question first for the specialist, and answers each once", async () => {
    const open = await queue("open");
    expect(open.map((q) => q.question)).toEqual(["房东不退押金，我可以起诉吗？需要准备什么材料？", "公司拖欠工资三个月，去哪里投诉？"]);
    const [first] = open;
    const res = await answer(first.id, "可以向法院起诉，请准备租赁合同、押金收据和沟通记录；也可先申请人民调解。");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first.id, answeredByName: specialistName, answeredAt: expect.any(String) });
    expect((await answer(first.id, "再答一次，应当被拒绝。")).statusCode).toBe(409);
    expect((await queue("open")).map((q) => q.id)).not.toContain(first.id);
    expect((await queue("answered")).map((q) => q.id)).toContain(first.id);

    const [mine] = await own(citizen);
    expect(mine.answer).toBe("可以向法院起诉，请准备租赁合同、押金收据和沟通记录；也可先申请人民调解。");
    const notes = await h.app.inject({ method: "GET", url: "/api/notifications", headers: citizen.headers });
    expect(JSON.stringify(notes.json())).toContain("您的法律咨询已有答复");
  });

  it("is closed to those it is not for, and audits asking, answering and reading the queue", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/legal-questions", headers: citizen.headers })).statusCode).toBe(403);
    expect((await ask(specialist, { question: "工作人员不能以群众身份提问。" })).statusCode).toBe(403);
    const grid = await login(h.app, (await createAccount(h.t, "grid_worker", "330282006")).username);
    expect((await answer(1, "网格员不是专科医生，不能答复。", grid)).statusCode).toBe(403);
    expect((await answer(999_999, "不存在的问题。")).statusCode).toBe(404);
    const { rows } = await h.t.db.$client.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'legal_question.%' GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toMatchObject({ "legal_question.ask": 2, "legal_question.answer": 1, "legal_question.read": expect.any(Number) });
  });
});
