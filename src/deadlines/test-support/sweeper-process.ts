// A process that runs the deadline timers as the app does (pg-boss, the sweep on its one-minute cron) against the
// database given on the command line, and, so a test need not wait for the cron, also sweeps every 200 ms: both
// go through the same idempotent claim. The restart test kills it with SIGKILL mid-run and starts it again.
//   node --import tsx src/deadlines/test-support/sweeper-process.ts postgres://…/db
import crypto from "node:crypto";
import { createDb } from "../../db/client.js";
import { startJobs } from "../../jobs/boss.js";
import { createCipher } from "../../personal-data/cipher.js";
import { deadlineSweep } from "../sweep.js";

const url = process.argv[2];
if (!url) throw new Error("usage: sweeper-process.ts <database url>");
const services = { db: createDb(url, 4), cipher: createCipher(crypto.randomBytes(32)) };
const report = (err: unknown) => console.error(`sweeper: ${err instanceof Error ? err.message : String(err)}`);
const jobs = await startJobs(services, [deadlineSweep], { pollingIntervalSeconds: 0.5, onError: report });
console.log("ready");

let tick = 0;
for (;;) {
  if (tick++ % 5 === 0) await jobs.runNow(deadlineSweep.name).catch(report);
  await deadlineSweep.run(services, new Date()).catch(report);
  await new Promise((r) => setTimeout(r, 200));
}
