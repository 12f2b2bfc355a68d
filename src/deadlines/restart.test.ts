// The restart test: the deadline timers run in a child process (pg-boss and the sweep, as the app runs them), which
// is killed with SIGKILL in the middle of a run and started again. Every alert that was due fires exactly once:
// one claim, one timeline event, its notifications, its supervision order or escalation, none twice, none lost.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "../cases/schema.js";
import { createAccount, createCase, createTestApp, unitId, type TestApp } from "../test/app.js";
import { createTaskWithDeadline, tiersEndingAt } from "./test-support/fixtures.js";
import { eq } from "drizzle-orm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCRIPT = "src/deadlines/test-support/sweeper-process.ts";
const COMMUNITY = "330282006004";
const HANDLE_TASKS = 40; // overdue handle stages: each escalates its case
const ACCEPT_TASKS = 60; // overdue accept stages: the leader hears, no escalation
const N = HANDLE_TASKS + ACCEPT_TASKS;

function startSweeper(url: string): { child: ChildProcess; ready: Promise<void>; log: string[] } {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, url], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      log.push(b.toString());
      if (b.toString().includes("ready")) resolve();
    });
    child.stderr!.on("data", (b: Buffer) => log.push(b.toString()));
    child.on("exit", (code) => reject(new Error(`sweeper exited (${code}) before it was ready:\n${log.join("")}`)));
  });
  return { child, ready, log };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("deadline timers across a restart", () => {
  let h: TestApp;
  const children: ChildProcess[] = [];
  const one = async (q: ReturnType<typeof sql>) => Number((await h.t.db.execute<{ n: number }>(q)).rows[0].n);
  const alerts = () => one(sql`SELECT count(*)::int AS n FROM deadline_alerts`);
  const deadlineEvents = () => one(sql`SELECT count(*)::int AS n FROM case_events WHERE kind IN ('deadline_yellow', 'deadline_red', 'deadline_overdue')`);

  beforeAll(async () => {
    h = await createTestApp();
    const unit = await unitId(h.t, `CC-${COMMUNITY}`);
    await createAccount(h.t, "unit_handler", COMMUNITY, `CC-${COMMUNITY}`);
    await createAccount(h.t, "unit_leader", COMMUNITY, `CC-${COMMUNITY}`);
    // Every tier of every deadline is already past by the wall clock.
    const due = new Date(Date.now() - 60_000);
    for (let i = 0; i < N; i++) {
      const c = await createCase(h.t, { region: `${COMMUNITY}-G01`, unit: `CC-${COMMUNITY}`, title: `超期纠纷 ${i}` });
      await h.t.db.update(cases).set({ category: "LL" }).where(eq(cases.id, c.id));
      const handle = i < HANDLE_TASKS;
      await createTaskWithDeadline(h.t.db, { caseId: c.id, unitId: unit, stage: handle ? "handle" : "accept", state: handle ? "in_progress" : "assigned", ...tiersEndingAt(due) });
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of children) await killed(c);
    await h.close();
  });

  it("fires every due alert exactly once when the process is killed mid-run and restarted", async () => {
    const first = startSweeper(h.t.url);
    children.push(first.child);
    await first.ready;
    // Kill it once it has fired some alerts, well before it has fired them all.
    const deadline = Date.now() + 60_000;
    while ((await alerts()) < 20) {
      if (Date.now() > deadline) throw new Error(`no alerts fired:\n${first.log.join("")}`);
      await sleep(10);
    }
    await killed(first.child);
    const atKill = await alerts();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill, "killed after the run had finished: not a mid-run kill").toBeLessThan(3 * N);
    // Each claim committed with its act, never without it.
    expect(await deadlineEvents()).toBe(atKill);

    const second = startSweeper(h.t.url);
    children.push(second.child);
    await second.ready;
    const until = Date.now() + 90_000;
    while ((await alerts()) < 3 * N) {
      if (Date.now() > until) throw new Error(`only ${await alerts()} of ${3 * N} alerts fired:\n${second.log.join("")}`);
      await sleep(100);
    }
    await sleep(1500); // more sweeps (the loop and pg-boss): nothing further may fire
    await killed(second.child);

    expect(await alerts()).toBe(3 * N);
    expect(await one(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM deadline_alerts GROUP BY task_id, stage, tier, due_at HAVING count(*) > 1) d`)).toBe(0);
    const kinds = (await h.t.db.execute<{ kind: string; n: number }>(sql`SELECT kind, count(*)::int AS n FROM case_events WHERE kind LIKE 'deadline_%' OR kind IN ('escalated', 'supervision_issued') GROUP BY kind ORDER BY kind`)).rows;
    expect(kinds).toEqual([
      { kind: "deadline_overdue", n: N },
      { kind: "deadline_red", n: N },
      { kind: "deadline_yellow", n: N },
      { kind: "escalated", n: HANDLE_TASKS },
      { kind: "supervision_issued", n: N },
    ]);
    // Every case has each event once, not some twice and others none.
    expect(await one(sql`SELECT count(*)::int AS n FROM (SELECT case_id, kind FROM case_events WHERE kind LIKE 'deadline_%' GROUP BY case_id, kind HAVING count(*) <> 1) d`)).toBe(0);
    expect(await one(sql`SELECT count(*)::int AS n FROM supervision_orders WHERE source = 'deadline'`)).toBe(N);
    const notes = (await h.t.db.execute<{ kind: string; n: number }>(sql`SELECT kind, count(*)::int AS n FROM notifications WHERE kind LIKE 'deadline_%' GROUP BY kind ORDER BY kind`)).rows;
    expect(notes).toEqual([
      { kind: "deadline_overdue", n: N }, // the unit leader
      { kind: "deadline_yellow", n: 2 * N }, // the unit's handler and leader
    ]);
    expect(await one(sql`SELECT count(*)::int AS n FROM cases WHERE handling_level = 'street'`)).toBe(HANDLE_TASKS);
  }, 240_000);
});
