// The demo citizen's side of the hub: a dispute filed through the portal (through the same intake path as the live
// form, so it forms a case like any record) and a few legal questions, most answered by the demo's specialists.
// Written for the demo, deterministic, dated in the last weeks.
import { eq, inArray } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import type { Db } from "../db/client.js";
import { loadIntakeDeps } from "../intake/deps.js";
import { createBatch, finishBatch, ingestChunk } from "../intake/ingest.js";
import type { Cipher } from "../personal-data/cipher.js";
import { answerQuestion, askQuestion } from "../portal/questions.js";
import { regionNodes } from "../regions/schema.js";
import { inTransaction, type Actor } from "../server/context.js";
import type { CategoryCode } from "../cases/categories.js";

const DAY = 86_400_000;

interface DemoQuestion {
  daysAgo: number;
  category?: CategoryCode;
  question: string;
  /** Who answers (a demo username) and what, a day later; none: still waiting. */
  answer?: { by: string; text: string };
}

const QUESTIONS: DemoQuestion[] = [
  {
    daysAgo: 20,
    category: "HT",
    question: "朋友借了我三万块钱，只有微信转账记录没有借条，现在不还，我还能要回来吗？",
    answer: { by: "tiaojie", text: "微信转账记录加上聊天中对方承认借款的内容，可以作为借贷关系的证据。建议先保存好记录，协商不成可申请人民调解，调解不成可向法院起诉，诉讼时效一般为三年。" },
  },
  {
    daysAgo: 12,
    category: "LL",
    question: "楼上邻居家空调外机正对我家窗户，噪音和热风很大，沟通几次都没用，应该找谁？",
    answer: { by: "zhongxin", text: "可以先向所在社区或网格员反映，由社区组织双方协商；也可以在“我要反映”提交诉求，街道会分派社区调解。安装位置若违反小区管理规约，物业也有责任协调。" },
  },
  {
    daysAgo: 5,
    category: "LD",
    question: "在厂里干了半年没签劳动合同，现在被辞退了，可以要求赔偿吗？",
    answer: { by: "tiaojie", text: "用人单位自用工之日起超过一个月不满一年未订立书面劳动合同的，应当向劳动者每月支付二倍工资。被辞退还可能涉及经济补偿。可向劳动保障所投诉或申请劳动仲裁，请准备工资记录、考勤等证据。" },
  },
  { daysAgo: 1, category: "HY", question: "老人有三个子女，其中一个一直不出赡养费，其他子女可以怎么办？" },
];

const SUBMISSION = {
  daysAgo: 3,
  narrative: "我家住在楼下，楼上住户装修时把卫生间防水层破坏了，现在我家卫生间天花板一直渗水，墙面发霉。找过对方两次，对方说不是他家的问题，物业也说协调不了，希望社区帮忙调解。",
  address: "古塘街道上傅路66号",
  category: "矛盾纠纷调解",
  reporterName: "群众演示账号",
  reporterPhone: "13805740066",
};

async function actorsByUsername(db: Db, usernames: string[]): Promise<Map<string, Actor>> {
  const rows = await db.select({ a: accounts, path: regionNodes.path }).from(accounts).innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId)).where(inArray(accounts.username, usernames));
  return new Map(
    rows.map(({ a, path }) => [
      a.username,
      { kind: "account", id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, regionNodeId: a.regionNodeId, regionPath: path, sessionId: null } satisfies Actor,
    ]),
  );
}

export async function simulatePortalHistory(db: Db, cipher: Cipher, now = new Date()): Promise<{ submissions: number; questions: number; answered: number }> {
  const actors = await actorsByUsername(db, ["qunzhong", ...new Set(QUESTIONS.flatMap((q) => (q.answer ? [q.answer.by] : [])))]);
  const citizen = actors.get("qunzhong");
  if (!citizen || citizen.kind !== "account") return { submissions: 0, questions: 0, answered: 0 };
  const services = { db, cipher };

  let answered = 0;
  for (const [i, q] of QUESTIONS.entries()) {
    const askedAt = new Date(now.getTime() - q.daysAgo * DAY);
    const id = await inTransaction(services, { actor: citizen, correlationId: `demo-question-${i}` }, (ctx) => askQuestion({ ...ctx, now: askedAt }, citizen.id, q));
    const by = q.answer && actors.get(q.answer.by);
    if (!q.answer || !by || by.kind !== "account") continue;
    const answeredAt = new Date(askedAt.getTime() + DAY);
    await inTransaction(services, { actor: by, correlationId: `demo-answer-${i}` }, (ctx) => answerQuestion({ ...ctx, now: answeredAt }, by.id, id, q.answer!.text));
    answered++;
  }

  const reportedAt = new Date(now.getTime() - SUBMISSION.daysAgo * DAY);
  const fields = { ...SUBMISSION, id: `PORTAL-DEMO-${reportedAt.toISOString().slice(0, 10).replace(/-/g, "")}`, reportedAt: reportedAt.toISOString() };
  const batchId = await createBatch(db, { source: "form", channel: "portal", actorLabel: `${citizen.displayName} (${citizen.username})` });
  await ingestChunk(await loadIntakeDeps(db, cipher), batchId, [{ channel: "portal", origin: { index: 0 }, text: JSON.stringify(fields), fields }], {
    kind: "account",
    id: citizen.id,
    label: `${citizen.displayName} (${citizen.username})`,
    correlationId: "demo-portal",
  });
  await finishBatch(db, batchId, "done");
  return { submissions: 1, questions: QUESTIONS.length, answered };
}
