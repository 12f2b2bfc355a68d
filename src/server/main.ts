// `npm start`: the database (embedded unless DATABASE_URL), migrations, the demo on an empty database, the server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config.js";
import { createDb, closeDb } from "../db/client.js";
import { openDatabaseTarget } from "../db/database.js";
import { applyMigrations } from "../db/migrate.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demo/demo-accounts.js";
import { databaseIsEmpty, seedDemo } from "../demo/seed.js";
import { ROLE_NAMES } from "../accounts/roles.js";
import { createCipher, loadDataKey } from "../personal-data/cipher.js";
import { buildApp } from "./app.js";
import { startCaseFormer } from "../cases/formation/former.js";
import { startJobs, type Jobs } from "../jobs/boss.js";
import { deadlineSweep } from "../deadlines/sweep.js";
import { webhookSweep } from "../notifications/deliver.js";
import { claimDeadlineSweep, routeNewCases, routingSweep } from "../tasks/sweeps.js";
import { sessionReminderSweep } from "../mediation/sessions/reminders.js";
import { agreementPerformanceSweep } from "../mediation/agreements/performance-sweep.js";
import { WARNING_SWEEPS } from "../warnings/sweeps.js";
import { FOLLOW_UP_SWEEPS } from "../follow-ups/sweeps.js";
import { raiseDueWarnings } from "../warnings/raise-due.js";
import { seedFollowUpRules } from "../follow-ups/seed-rules.js";
import { riskRescoreSweep } from "../risk/sweeps.js";
import { seedCalendar } from "../deadlines/china-holidays.js";
import { seedDeadlineRules } from "../deadlines/default-rules.js";
import { seedRoutingMatrix } from "../routing/gutang-matrix.js";

const config = loadConfig();
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

const target = await openDatabaseTarget(config);
const db = createDb(target.url, 20);
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await app?.close().catch(() => undefined);
  former?.stop();
  await former?.idle();
  await jobs?.stop().catch(() => undefined);
  await closeDb(db).catch(() => undefined);
  await target.embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let former: ReturnType<typeof startCaseFormer> | undefined;
let jobs: Jobs | undefined;
try {
  await applyMigrations(db);
  const cipher = createCipher(loadDataKey(config.dataKey, config.dataDir));
  let seeded = false;
  if (config.seedDemo && (await databaseIsEmpty(db))) {
    await seedDemo(db, cipher, { disputes: config.demoDisputes });
    seeded = true;
  }
  // Reference data a database from before the handling area lacks (each seeds only what is missing).
  await seedRoutingMatrix(db);
  await seedDeadlineRules(db);
  await seedCalendar(db);
  await seedFollowUpRules(db);
  former = startCaseFormer(db, {
    onError: (err) => app?.log.error({ err }, "case formation failed"),
    // New cases are routed at once, and the warnings their risk makes due are raised.
    afterSweep: async () => {
      await routeNewCases({ db, cipher });
      await raiseDueWarnings({ db, cipher });
    },
  });
  // Timers in PostgreSQL: new cases routed, claim deadlines, deadline alerts, webhook deliveries.
  jobs = await startJobs({ db, cipher }, [routingSweep, claimDeadlineSweep, deadlineSweep, webhookSweep, sessionReminderSweep, agreementPerformanceSweep, riskRescoreSweep, ...WARNING_SWEEPS, ...FOLLOW_UP_SWEEPS], { onError: (err) => app?.log.error({ err }, "job failed") });
  former.trigger(); // records a crash left without a case
  app = await buildApp({ db, cipher, webDir, cases: former, secureCookies: config.secureCookies, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    "",
    `警情通办 Tongban 已启动 / running at ${url}`,
    `  数据库 database: ${target.embedded ? `embedded PostgreSQL (${target.embedded.dataDir}, port ${target.embedded.port})` : "DATABASE_URL"}${seeded ? "，已载入古塘演示数据 (demo seeded)" : ""}`,
    `  API 文档 OpenAPI: ${url}/docs`,
    `  演示账号 demo accounts (密码 password: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(10)} ${ROLE_NAMES[a.role]}`),
    "  Ctrl-C 停止 / stops everything",
    "",
  ];
  console.log(lines.join("\n"));
} catch (err) {
  console.error(err);
  await shutdown(1);
}
