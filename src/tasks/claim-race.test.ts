// 揭榜认领 under contention: 50 units' claims at the same instant, spread over two app processes on one PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../personal-data/cipher.js";
import { createAccount, TEST_PASSWORD } from "../test/app.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import { inTransaction } from "../server/context.js";
import { seedUnits } from "../units/seed-units.js";
import { units } from "../units/schema.js";
import { openLeadTask } from "./open-lead-task.js";
import { claimAttempts, tasks } from "./schema.js";
import { createCase } from "../test/app.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLAIMS = 50;

async function startProcess(url: string, key: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "test-support/app-process.ts")], {
    env: { ...process.env, TEST_APP_DB_URL: url, TEST_APP_KEY: key },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const port = JSON.parse(line).port as number;
    return { port, child };
  }
  throw new Error("app process ended before listening");
}

describe("claimTask across two app processes", () => {
  let t: TestDatabase;
  let procs: { port: number; child: ChildProcess }[] = [];
  const key = crypto.randomBytes(32);

  beforeAll(async () => {
    t = await createTestDatabase();
    t.cipher = createCipher(key);
    await seedRegionTree(t);
    await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "t" }, (ctx) => seedUnits(ctx));
    procs = await Promise.all([startProcess(t.url, key.toString("hex")), startProcess(t.url, key.toString("hex"))]);
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await t.close();
  });

  it("lets exactly one of 50 simultaneous claims win", async () => {
    const kase = await createCase(t, { region: "330282006004-G01", title: "公开认领的疑难纠纷" });
    const { taskId } = await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "t" }, (ctx) =>
      openLeadTask(ctx, { caseId: kase.id, unitId: null, level: "street", via: "claim" }),
    );
    // 50 claimants from the street's units (several accounts per unit), each logged in on one of the two processes.
    const all = await t.db.select({ code: units.code }).from(units);
    const sessions = await Promise.all(
      Array.from({ length: CLAIMS }, async (_, i) => {
        const account = await createAccount(t, "unit_handler", "330282006", all[i % all.length].code);
        const base = `http://127.0.0.1:${procs[i % 2].port}`;
        const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: account.username, password: TEST_PASSWORD }) });
        expect(res.status).toBe(200);
        const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
        return { base, headers: { cookie, "x-csrf-token": (await res.json()).csrfToken as string } };
      }),
    );
    const results = await Promise.all(sessions.map((s) => fetch(`${s.base}/api/tasks/${taskId}/claim`, { method: "POST", headers: s.headers })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CLAIMS - 1);

    const [task] = await t.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(task.state).toBe("claimed");
    const attempts = await t.db.select().from(claimAttempts).where(eq(claimAttempts.taskId, taskId));
    expect(attempts).toHaveLength(CLAIMS);
    expect(attempts.filter((a) => a.won)).toEqual([expect.objectContaining({ unitId: task.unitId })]);
  }, 120_000);
});
