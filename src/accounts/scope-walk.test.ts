// Walks every /api route as an account whose jurisdiction is another community: objects outside its scope
// must answer 404 (never 403, never the object), and no response may carry another community's personal data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "./schema.js";
import { loadIntakeDeps } from "../intake/deps.js";
import { createBatch, ingestChunk } from "../intake/ingest.js";
import { quarantinedRows } from "../intake/schema.js";
import { caseChanges, possibleDuplicates } from "../cases/schema.js";
import { notifications, unitWebhooks } from "../notifications/schema.js";
import { inTransaction } from "../server/context.js";
import { supervisionOrders } from "../supervision/schema.js";
import { openLeadTask } from "../tasks/open-lead-task.js";
import { workflowSteps } from "../tasks/schema.js";
import { extensionRequests } from "../deadlines/schema.js";
import { instantiateWorkflow } from "../routing/workflows.js";
import { agreements, judicialConfirmations, mediationSessions, mediatorRequests, mediators, referrals } from "../mediation/schema.js";
import { eq } from "drizzle-orm";
import { followUpRules, followUpVisits } from "../follow-ups/schema.js";
import { policeTransfers } from "../transfers/schema.js";
import { warningReceipts, warnings } from "../warnings/schema.js";
import { legalQuestions } from "../portal/schema.js";
import { sha256 } from "./sessions.js";
import { ROLES, type Role } from "./roles.js";
import { PERMISSIONS, type Action } from "./permissions.js";
import { createAccount, createCase, createPerson, createTestApp, login, regionId, unitId, type TestApp } from "../test/app.js";

const HOME = "330282006004"; // 团圈社区: where the walking accounts work
const AWAY = "330282006001"; // 上傅家社区: where the objects live

type Expectation = "not-found" | "allowed" | "token-only";
interface Probe {
  expect: Expectation;
  body?: (f: Fixture) => unknown;
  query?: string;
  contentType?: string;
}
interface Fixture {
  personId: number;
  caseId: number;
  accountId: number;
  unitId: number;
  tokenId: number;
  recordId: number;
  batchId: number;
  quarantineId: number;
  duplicateId: number;
  changeId: number;
  otherCaseId: number;
  taskId: number;
  orderId: number;
  notificationId: number;
  webhookId: number;
  stepId: number;
  mediatorId: number;
  sessionId: number;
  agreementId: number;
  confirmationId: number;
  referralId: number;
  requestId: number;
  extensionId: number;
  visitId: number;
  ruleId: number;
  warningId: number;
  questionId: number;
  secrets: string[];
}

// One line per route. A new route fails the walk until it is listed here.
const PROBES: Record<string, Probe> = {
  "GET /api/auth/me": { expect: "allowed" },
  "POST /api/auth/logout": { expect: "allowed" },
  "GET /api/accounts": { expect: "allowed" },
  "POST /api/accounts": { expect: "not-found", body: () => ({ username: "walker_new", displayName: "越权", role: "grid_worker", regionCode: `${AWAY}-G01`, password: "long-enough-1" }) },
  "PATCH /api/accounts/:id": { expect: "not-found", body: () => ({ displayName: "改名" }) },
  "POST /api/accounts/:id/password": { expect: "not-found", body: () => ({ password: "long-enough-2" }) },
  "GET /api/tokens": { expect: "allowed" },
  "POST /api/tokens": { expect: "not-found", body: () => ({ name: "越权令牌", scopes: ["regions.read"], regionCode: AWAY }) },
  "DELETE /api/tokens/:id": { expect: "not-found" },
  "GET /api/regions/root": { expect: "allowed" },
  "GET /api/regions/:code": { expect: "not-found" },
  "GET /api/units": { expect: "allowed" },
  "POST /api/units": { expect: "not-found", body: () => ({ code: "X-WALK", name: "越权单位", kind: "community_centre", regionCode: AWAY }) },
  "PATCH /api/units/:id": { expect: "not-found", body: () => ({ name: "改名单位" }) },
  "GET /api/people": { expect: "allowed", query: "?q=沈" },
  "GET /api/people/:id": { expect: "not-found" },
  "GET /api/people/:id/history": { expect: "not-found" },
  "POST /api/people/:id/reveal": { expect: "not-found", body: () => ({ reason: "越权查看" }) },
  "GET /api/cases": { expect: "allowed" },
  "GET /api/risk/cases": { expect: "allowed" },
  "GET /api/risk/people": { expect: "allowed" },
  "GET /api/risk/summary": { expect: "allowed" },
  "GET /api/warnings": { expect: "allowed" },
  "GET /api/warnings/:id": { expect: "not-found" },
  "POST /api/warnings/:id/acknowledge": { expect: "not-found", body: () => ({}) },
  "POST /api/warnings/:id/feedback": { expect: "not-found", body: () => ({ measures: "已上门化解" }) },
  "POST /api/warnings/:id/supervise": { expect: "not-found", body: (f) => ({ unitId: f.unitId, demand: "限期化解", dueAt: new Date(Date.now() + 86_400_000).toISOString() }) },
  "POST /api/warnings/:id/close": { expect: "not-found", body: () => ({ outcome: "已化解，销号" }) },
  "GET /api/follow-ups/mine": { expect: "allowed" },
  "GET /api/follow-ups": { expect: "allowed" },
  "GET /api/follow-ups/:id": { expect: "not-found" },
  "GET /api/cases/:id/follow-ups": { expect: "not-found" },
  "POST /api/follow-ups/:id/record": { expect: "not-found", body: () => ({ contact: "phone", partiesState: "双方已和好", satisfaction: 5, settled: true }) },
  "POST /api/follow-ups/:id/reassign": { expect: "not-found", body: (f) => ({ unitId: f.unitId }) },
  "GET /api/follow-up-rules": { expect: "allowed" },
  "POST /api/follow-up-rules": { expect: "allowed", body: () => ({ category: "LL", riskLevel: null, offsetsDays: [5, 20] }) },
  "PATCH /api/follow-up-rules/:id": { expect: "allowed", body: () => ({ active: true }) },
  "GET /api/transfers": { expect: "allowed" },
  "GET /api/key-index": { expect: "allowed" },
  "GET /api/key-index/cases": { expect: "allowed", query: "?metric=received" },
  "GET /api/cases/:id": { expect: "not-found" },
  "GET /api/audit": { expect: "allowed" },
  "POST /api/intake/upload": { expect: "not-found", query: "?fileName=x.jsonl&channel=12345", contentType: "application/octet-stream", body: () => Buffer.from('{"gdbh":"W1"}\n') },
  "GET /api/intake/batches": { expect: "not-found" },
  "GET /api/intake/batches/:id": { expect: "not-found" },
  "GET /api/intake/quarantine": { expect: "not-found" },
  "POST /api/intake/quarantine/:id/resubmit": { expect: "not-found", body: () => ({ text: "{}" }) },
  "POST /api/intake/quarantine/:id/dismiss": { expect: "not-found", body: () => ({ note: "越权作废" }) },
  "GET /api/intake/addresses/unresolved": { expect: "not-found" },
  "POST /api/intake/addresses/place": { expect: "not-found", body: () => ({ addressText: "某地", regionCode: `${AWAY}-G01` }) },
  "GET /api/records": { expect: "allowed" },
  "GET /api/records/:id": { expect: "not-found" },
  "POST /api/intake/forms/:channel": { expect: "allowed", body: () => ({ narrative: "窗口登记测试" }) },
  "POST /api/intake/:channel": { expect: "token-only" },
  "GET /api/case-duplicates": { expect: "allowed" },
  "POST /api/case-duplicates/:id/decide": { expect: "not-found", body: () => ({ decision: "confirm", reason: "越权合并" }) },
  "POST /api/cases/:id/merge": { expect: "not-found", body: (f) => ({ intoCaseId: f.otherCaseId, reason: "越权合并" }) },
  "POST /api/cases/:id/split": { expect: "not-found", body: (f) => ({ recordIds: [f.recordId], reason: "越权拆分" }) },
  "POST /api/cases/:id/category": { expect: "not-found", body: () => ({ category: "LL", reason: "越权更正" }) },
  "POST /api/case-changes/:id/undo": { expect: "not-found" },
  "GET /api/tasks": { expect: "allowed" },
  "GET /api/claim-board": { expect: "allowed" },
  "GET /api/tasks/:id": { expect: "not-found" },
  "GET /api/cases/:id/tasks": { expect: "not-found" },
  "GET /api/cases/:id/timeline": { expect: "not-found" },
  "POST /api/cases/:id/post": { expect: "not-found", body: () => ({ eligibleKinds: [], reason: "越权揭榜" }) },
  "POST /api/tasks/:id/claim": { expect: "not-found" },
  "POST /api/tasks/:id/assign": { expect: "not-found", body: (f) => ({ unitId: f.unitId }) },
  "POST /api/tasks/:id/accept": { expect: "not-found", body: () => ({}) },
  "POST /api/tasks/:id/start": { expect: "not-found", body: () => ({}) },
  "POST /api/tasks/:id/report": { expect: "not-found", body: () => ({ report: "越权反馈" }) },
  "POST /api/tasks/:id/resolve": { expect: "not-found", body: () => ({ resolution: "越权办结" }) },
  "POST /api/tasks/:id/return": { expect: "not-found", body: () => ({ reason: "越权退回" }) },
  "POST /api/tasks/:id/verify": { expect: "not-found", body: () => ({ approve: true }) },
  "POST /api/tasks/:id/close": { expect: "not-found", body: () => ({}) },
  "POST /api/cases/:id/supervision": { expect: "not-found", body: (f) => ({ unitId: f.unitId, demand: "越权督办", dueAt: new Date(Date.now() + 86_400_000).toISOString() }) },
  "GET /api/supervision": { expect: "allowed" },
  "GET /api/supervision/stats": { expect: "allowed" },
  "GET /api/supervision/:id": { expect: "not-found" },
  "POST /api/supervision/:id/respond": { expect: "not-found", body: () => ({ response: "越权回复" }) },
  "POST /api/supervision/:id/close": { expect: "not-found", body: () => ({ note: "越权办结" }) },
  "POST /api/supervision/:id/escalate": { expect: "not-found", body: () => ({ note: "越权升级" }) },
  "GET /api/assessment/rules": { expect: "allowed" },
  "GET /api/assessment/entries": { expect: "allowed" },
  "GET /api/assessment/totals": { expect: "allowed" },
  "GET /api/assessment/export.xlsx": { expect: "allowed" },
  "GET /api/notifications": { expect: "allowed" },
  "POST /api/notifications/:id/read": { expect: "not-found", body: () => ({}) },
  "POST /api/notifications/read-all": { expect: "allowed", body: () => ({}) },
  "GET /api/units/:id/webhooks": { expect: "not-found" },
  "POST /api/units/:id/webhooks": { expect: "not-found", body: () => ({ url: "https://example.com/walk" }) },
  "PATCH /api/webhooks/:id": { expect: "not-found", body: () => ({ active: false }) },
  "DELETE /api/webhooks/:id": { expect: "not-found" },
  "POST /api/webhooks/:id/test": { expect: "not-found", body: () => ({}) },
  "GET /api/webhooks/:id/deliveries": { expect: "not-found" },
  "GET /api/routing/matrix": { expect: "allowed" },
  "GET /api/routing/matrix/versions": { expect: "allowed" },
  "POST /api/routing/matrix": { expect: "not-found", body: () => ({ note: "越权修改", rules: [{ leadUnitKind: "community_centre", level: "community" }] }) },
  "GET /api/cases/:id/routing": { expect: "not-found" },
  "POST /api/cases/:id/route": { expect: "not-found", body: () => ({}) },
  "POST /api/cases/:id/reroute": { expect: "not-found", body: () => ({ unitId: null, reason: "越权改派" }) },
  "POST /api/cases/:id/escalate": { expect: "not-found", body: () => ({ reason: "越权上提" }) },
  "POST /api/cases/:id/push-down": { expect: "not-found", body: () => ({ reason: "越权下沉" }) },
  "GET /api/cases/:id/workflow": { expect: "not-found" },
  "POST /api/workflow-steps/:id/complete": { expect: "not-found", body: () => ({}) },
  "GET /api/calendar": { expect: "allowed", query: "?year=2026" },
  "PUT /api/calendar/:day": { expect: "allowed", body: () => ({ kind: "holiday", name: "巡检" }) },
  "DELETE /api/calendar/:day": { expect: "allowed" },
  "GET /api/deadline-rules": { expect: "allowed" },
  "PUT /api/deadline-rules": { expect: "allowed", body: () => ({ rules: [{ stage: "handle", amount: 5, unit: "working_days" }] }) },
  "POST /api/tasks/:id/extensions": { expect: "not-found", body: () => ({ stage: "handle", workingDays: 2, reason: "越权延期" }) },
  "GET /api/extensions": { expect: "allowed" },
  "POST /api/extensions/:id/decide": { expect: "not-found", body: () => ({ approve: true, note: "越权" }) },
  "GET /api/mediators": { expect: "allowed" },
  "GET /api/mediators/:id": { expect: "allowed" },
  "POST /api/mediators": { expect: "not-found", body: () => ({ name: "越权调解员", kind: "volunteer", homeCommunityCode: AWAY }) },
  "PATCH /api/mediators/:id": { expect: "not-found", body: () => ({ bio: "越权修改" }) },
  "GET /api/cases/:id/mediation-stage": { expect: "not-found" },
  "POST /api/cases/:id/mediation-stage": { expect: "not-found", body: () => ({ to: "evaluation", reason: "越权推进" }) },
  "GET /api/cases/:id/sessions": { expect: "not-found" },
  "POST /api/cases/:id/sessions": { expect: "not-found", body: () => ({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), place: "越权调解室" }) },
  "PATCH /api/sessions/:id": { expect: "not-found", body: () => ({ place: "越权改地点" }) },
  "POST /api/sessions/:id/record": { expect: "not-found", body: () => ({ attended: [], record: "越权笔录", outcome: "adjourned" }) },
  "GET /api/mediation/my-sessions": { expect: "allowed" },
  "GET /api/cases/:id/agreements": { expect: "not-found" },
  "POST /api/cases/:id/agreements": { expect: "not-found", body: () => ({}) },
  "GET /api/agreements/:id": { expect: "not-found" },
  "PATCH /api/agreements/:id": { expect: "not-found", body: () => ({ terms: "越权条款" }) },
  "POST /api/agreements/:id/confirm": { expect: "not-found", body: () => ({ partyIndex: 0 }) },
  "POST /api/agreements/:id/performance": { expect: "not-found", body: () => ({ result: "performed" }) },
  "GET /api/agreements/:id/pdf": { expect: "not-found" },
  "POST /api/agreements/:id/judicial-confirmation": { expect: "not-found", body: () => ({}) },
  "POST /api/judicial-confirmations/:id/decide": { expect: "not-found", body: () => ({ status: "accepted" }) },
  "GET /api/cases/:id/referrals": { expect: "not-found" },
  "POST /api/cases/:id/referrals": { expect: "not-found", body: () => ({ kind: "legal_aid" }) },
  "PATCH /api/referrals/:id": { expect: "not-found", body: () => ({ status: "accepted" }) },
  "GET /api/referrals/:id/dossier": { expect: "not-found" },
  "GET /api/cases/:id/team-proposal": { expect: "not-found" },
  "GET /api/cases/:id/team": { expect: "not-found" },
  "POST /api/cases/:id/team": { expect: "not-found", body: (f) => ({ members: [{ mediatorId: f.mediatorId, role: "lead" }] }) },
  "DELETE /api/cases/:id/team": { expect: "not-found", query: "?reason=越权解散" },
  "POST /api/cases/:id/mediator-requests": { expect: "not-found", body: (f) => ({ mediatorId: f.mediatorId, onBehalfOf: "越权" }) },
  "GET /api/mediator-requests": { expect: "allowed" },
  "GET /api/portal/submissions": { expect: "allowed" },
  "POST /api/portal/questions": { expect: "allowed", body: () => ({ question: "离婚后孩子抚养费怎么计算？" }) },
  "GET /api/portal/questions": { expect: "allowed" },
  "GET /api/legal-questions": { expect: "allowed" },
  "POST /api/legal-questions/:id/answer": { expect: "allowed", body: () => ({ answer: "可以先协商，协商不成可申请人民调解或起诉。" }) },
  "POST /api/mediator-requests/:id/decide": { expect: "not-found", body: () => ({ accept: true }) },
};

function fillUrl(url: string, f: Fixture): string {
  if (url === "/api/intake/forms/:channel") return "/api/intake/forms/window";
  const id = url.startsWith("/api/people") ? f.personId
    : url.startsWith("/api/case-duplicates") ? f.duplicateId
    : url.startsWith("/api/case-changes") ? f.changeId
    : url.startsWith("/api/records") ? f.recordId
    : url.startsWith("/api/intake/batches") ? f.batchId
    : url.startsWith("/api/intake/quarantine") ? f.quarantineId
    : url.startsWith("/api/tasks") ? f.taskId
    : url.startsWith("/api/workflow-steps") ? f.stepId
    : url.startsWith("/api/mediators") ? f.mediatorId
    : url.startsWith("/api/sessions") ? f.sessionId
    : url.startsWith("/api/agreements") ? f.agreementId
    : url.startsWith("/api/judicial-confirmations") ? f.confirmationId
    : url.startsWith("/api/referrals") ? f.referralId
    : url.startsWith("/api/mediator-requests") ? f.requestId
    : url.startsWith("/api/extensions") ? f.extensionId
    : url.startsWith("/api/follow-ups") ? f.visitId
    : url.startsWith("/api/warnings") ? f.warningId
    : url.startsWith("/api/legal-questions") ? f.questionId
    : url.startsWith("/api/follow-up-rules") ? f.ruleId
    : url.startsWith("/api/supervision") ? f.orderId
    : url.startsWith("/api/notifications") ? f.notificationId
    : url.startsWith("/api/webhooks") ? f.webhookId
    : url.startsWith("/api/cases") ? f.caseId
    : url.startsWith("/api/accounts") ? f.accountId
    : url.startsWith("/api/units") ? f.unitId
    : url.startsWith("/api/tokens") ? f.tokenId
    : undefined;
  return url.replace(":id", String(id)).replace(":code", AWAY).replace(":day", "2030-01-02");
}

/** The first role that may call the route (any account for routes without a permission). */
function roleFor(permission: Action | null): Role | undefined {
  if (!permission) return "unit_handler";
  return ROLES.find((r) => PERMISSIONS[permission][r]);
}

describe("jurisdiction scope across every route", () => {
  let h: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    h = await createTestApp();
    const phone = "13957412345";
    const idNumber = "330282198803127716";
    const person = await createPerson(h.t, { name: "沈秘密", idNumber, phone, regionNodeId: await regionId(h.t, `${AWAY}-G01`) });
    const kase = await createCase(h.t, { region: `${AWAY}-G01`, unit: `CC-${AWAY}`, title: "上傅家绝密纠纷", people: [person.id] });
    // Red, so that the risk lists would show it to anyone they leaked to.
    await h.t.db.$client.query(`UPDATE cases SET risk_level = 'red', risk_score = 40, risk_factors = '[]' WHERE id = $1`, [kase.id]);
    const account = await createAccount(h.t, "grid_worker", `${AWAY}-G01`, `CC-${AWAY}`, "away_grid_worker");
    const [token] = await h.t.db
      .insert(apiTokens)
      .values({ name: "away-token", tokenHash: sha256("tb_away"), prefix: "tb_away", scopes: ["regions.read"], regionNodeId: await regionId(h.t, AWAY) })
      .returning();
    const deps = await loadIntakeDeps(h.t.db, h.t.cipher);
    const batchId = await createBatch(h.t.db, { source: "api", channel: "12345", actorLabel: "test" });
    const secretOrder = { gdbh: "WALK-1", slsj: "2025-03-05T14:05:00", ldr: "沈秘密", lxdh: phone, sqlx: "投诉", sqbt: "上傅家绝密纠纷", sqnr: "上傅家绝密纠纷的经过", sfdz: "上傅家社区" };
    const badOrder = { gdbh: "WALK-2", slsj: "明天", ldr: "沈秘密", lxdh: phone, sqnr: "上傅家绝密纠纷" };
    const [accepted, quarantined] = await ingestChunk(deps, batchId, [secretOrder, badOrder].map((fields, index) => ({ channel: "12345" as const, origin: { index }, text: JSON.stringify(fields), fields })));
    const [q] = await h.t.db.select({ id: quarantinedRows.id }).from(quarantinedRows);
    expect(accepted.status).toBe("accepted");
    expect(quarantined.status).toBe("quarantined");
    const other = await createCase(h.t, { region: `${AWAY}-G02`, unit: `CC-${AWAY}`, title: "上傅家另一纠纷" });
    const [dup] = await h.t.db.insert(possibleDuplicates).values({ recordId: accepted.recordId!, caseId: kase.id, candidateCaseId: other.id, score: 0.5 }).returning();
    const [change] = await h.t.db.insert(caseChanges).values({ kind: "split", fromCaseId: kase.id, toCaseId: other.id, recordIds: [], reason: "fixture", actorLabel: "test" }).returning();
    const awayUnit = await unitId(h.t, `CC-${AWAY}`);
    const { taskId } = await inTransaction({ db: h.t.db, cipher: h.t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "walk" }, (ctx) =>
      openLeadTask(ctx, { caseId: kase.id, unitId: awayUnit, level: "community", via: "route" }),
    );
    const [order] = await h.t.db.insert(supervisionOrders).values({ caseId: kase.id, taskId, unitId: awayUnit, demand: "上傅家绝密纠纷限期办结", dueAt: new Date(Date.now() + 86_400_000), source: "manual", issuedByLabel: "test" }).returning();
    const [note] = await h.t.db.insert(notifications).values({ accountId: account.id, kind: "task.assigned", title: "上傅家绝密纠纷" }).returning();
    const webhookSecret = "whsec_walk_secret_0001";
    const [hook] = await h.t.db.insert(unitWebhooks).values({ unitId: awayUnit, url: "https://away.example/hook", secretEnc: h.t.cipher.encrypt(webhookSecret) }).returning();
    await inTransaction({ db: h.t.db, cipher: h.t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "walk" }, (ctx) => instantiateWorkflow(ctx, kase.id, "LD"));
    const [step] = await h.t.db.select().from(workflowSteps).where(eq(workflowSteps.caseId, kase.id)).limit(1);
    const [extension] = await h.t.db.insert(extensionRequests).values({ taskId, stage: "accept", workingDays: 2, reason: "上傅家绝密纠纷需延期", requestedByLabel: "away" }).returning();
    const [mediator] = await h.t.db.insert(mediators).values({ name: "上傅家调解员", kind: "cadre", homeRegionNodeId: await regionId(h.t, AWAY) }).returning();
    const [session] = await h.t.db.insert(mediationSessions).values({ caseId: kase.id, scheduledAt: new Date(Date.now() + 86_400_000), place: "上傅家调解室", createdByLabel: "test" }).returning();
    const [agreement] = await h.t.db.insert(agreements).values({ caseId: kase.id, number: "古塘调〔2099〕第0001号", facts: "上傅家绝密纠纷事实", terms: "条款", createdByLabel: "test", parties: [{ name: "沈秘密", role: "applicant" }, { name: "对方", role: "respondent" }] }).returning();
    const [confirmation] = await h.t.db.insert(judicialConfirmations).values({ agreementId: agreement.id, courtUnitId: await unitId(h.t, "GT-RMFT"), requestedByLabel: "test" }).returning();
    const [referral] = await h.t.db.insert(referrals).values({ caseId: kase.id, kind: "legal_aid", targetName: "慈溪市法律援助中心", guidance: "携带材料", createdByLabel: "test" }).returning();
    const [request] = await h.t.db.insert(mediatorRequests).values({ caseId: kase.id, mediatorId: mediator.id, requestedByLabel: "上傅家当事人" }).returning();
    const [visit] = await h.t.db.insert(followUpVisits).values({ caseId: kase.id, closedAt: new Date(), offsetDays: 7, dueAt: new Date(Date.now() + 7 * 86_400_000), assigneeAccountId: account.id, assigneeKind: "grid_worker" }).returning();
    const [rule] = await h.t.db.insert(followUpRules).values({ category: "HY", riskLevel: "red", offsetsDays: [1, 7] }).returning();
    await h.t.db.insert(policeTransfers).values({ recordId: accepted.recordId!, caseId: kase.id, basis: "flagged", reportedAt: new Date("2025-03-05T06:05:00Z"), officerName: "上傅家绝密民警" });
    const [warning] = await h.t.db.insert(warnings).values({ caseId: kase.id, trigger: "case_red", level: "red", reasons: [{ factor: "threat", label: "威胁", detail: "上傅家绝密纠纷中的威胁", points: 30, hard: true }], ackDueAt: new Date(Date.now() + 7_200_000) }).returning();
    await h.t.db.insert(warningReceipts).values({ warningId: warning.id, unitId: awayUnit, ackDueAt: warning.ackDueAt });
    // Legal questions are the street's, not a community's: any specialist answers any citizen's question.
    const asker = await createAccount(h.t, "citizen", AWAY);
    const [question] = await h.t.db.insert(legalQuestions).values({ askedBy: asker.id, question: "邻居的树挡住我家采光，可以要求砍掉吗？" }).returning();
    f = {
      questionId: question.id,
      warningId: warning.id,
      visitId: visit.id,
      ruleId: rule.id,
      requestId: request.id,
      sessionId: session.id,
      agreementId: agreement.id,
      confirmationId: confirmation.id,
      referralId: referral.id,
      mediatorId: mediator.id,
      stepId: step.id,
      extensionId: extension.id,
      taskId,
      orderId: order.id,
      notificationId: note.id,
      webhookId: hook.id,
      duplicateId: dup.id,
      changeId: change.id,
      otherCaseId: other.id,
      recordId: accepted.recordId!,
      batchId,
      quarantineId: q.id,
      personId: person.id,
      caseId: kase.id,
      accountId: account.id,
      unitId: await unitId(h.t, `CC-${AWAY}`),
      tokenId: token.id,
      secrets: [webhookSecret, phone, idNumber, "沈秘密", "上傅家绝密纠纷", "away_grid_worker", "上傅家绝密民警", person.phoneMasked!, person.idNumberMasked!],
    };
  });
  afterAll(() => h.close());

  it("lists a probe for every route", () => {
    const missing = h.app.routeTable
      .filter((r) => r.url.startsWith("/api/") && r.auth && !("public" in r.auth))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !PROBES[k]);
    expect(missing, "add these routes to PROBES").toEqual([]);
  });

  it("answers 404 outside scope and never leaks the other community's personal data", async () => {
    const results: string[] = [];
    for (const route of h.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const probe = PROBES[key];
      if (!probe || probe.expect === "token-only" || !route.auth || "public" in route.auth) continue;
      const role = roleFor(route.auth.permission);
      if (!role) continue; // token-only actions
      const walker = await createAccount(h.t, role, HOME, `CC-${HOME}`);
      const s = await login(h.app, walker.username);
      const res = await h.app.inject({
        method: route.method as "GET",
        url: fillUrl(route.url, f) + (probe.query ? encodeURI(probe.query) : ""),
        headers: probe.contentType ? { ...s.headers, "content-type": probe.contentType } : s.headers,
        ...(probe.body ? { payload: probe.body(f) as object } : {}),
      });
      const expected = probe.expect === "not-found" ? 404 : 200;
      results.push(`${key} as ${role}: ${res.statusCode}`);
      expect(res.statusCode, `${key} as ${role}: ${res.body.slice(0, 200)}`).toBe(expected);
      for (const secret of f.secrets) expect(res.body, `${key} leaked ${secret}`).not.toContain(secret);
    }
    expect(results.length).toBe(Object.values(PROBES).filter((p) => p.expect !== "token-only").length);
  });

  it("the same routes do answer for an account whose scope covers the objects", async () => {
    const police = await createAccount(h.t, "police", "330282006", "GT-PCS");
    const s = await login(h.app, police.username);
    for (const url of [`/api/people/${f.personId}`, `/api/cases/${f.caseId}`, `/api/regions/${AWAY}`]) {
      const res = await h.app.inject({ method: "GET", url, headers: s.headers });
      expect(res.statusCode, url).toBe(200);
    }
    const list = await h.app.inject({ method: "GET", url: "/api/cases", headers: s.headers });
    expect(list.body).toContain("上傅家绝密纠纷");
  });

  it("a unit sees the cases assigned to it even outside its region", async () => {
    const handler = await createAccount(h.t, "unit_handler", HOME, `CC-${AWAY}`);
    const s = await login(h.app, handler.username);
    const res = await h.app.inject({ method: "GET", url: `/api/cases/${f.caseId}`, headers: s.headers });
    expect(res.statusCode).toBe(200);
  });
});
