// The demo's year, lived through the real commands: every case routed, closed cases closed through verification,
// open ones carrying live deadlines, the ledger equal to the events that earned it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { listOwnQuestions } from "../portal/questions.js";
import { listSubmissions } from "../portal/submissions.js";
import { seedDemo } from "./seed.js";

describe("seedDemo", () => {
  let t: TestDatabase;
  let summary: Awaited<ReturnType<typeof seedDemo>>;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];

  beforeAll(async () => {
    t = await createTestDatabase();
    summary = await seedDemo(t.db, t.cipher, { disputes: 80 });
  }, 300_000);
  afterAll(() => t.close());

  it("routes every case and lives its handling up to the present", async () => {
    expect(summary.handling!.cases).toBeGreaterThan(50);
    const [{ unrouted }] = await rows<{ unrouted: number }>(sql`SELECT count(*)::int AS unrouted FROM cases WHERE merged_into_id IS NULL AND handling_level IS NULL`);
    expect(unrouted).toBe(0);
    // Old disputes are mostly closed, and each closed case went through verification.
    expect(summary.handling!.closed).toBeGreaterThan(summary.handling!.cases / 2);
    const [{ unverified }] = await rows<{ unverified: number }>(sql`
      SELECT count(*)::int AS unverified FROM cases c
       WHERE c.status = 'closed' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'verified')`);
    expect(unverified).toBe(0);
    // Nothing happened in the future.
    const [{ future }] = await rows<{ future: number }>(sql`SELECT count(*)::int AS future FROM case_events WHERE at > now()`);
    expect(future).toBe(0);
  });

  it("leaves open work with deadlines, and the ledger equal to its events", async () => {
    const [{ open }] = await rows<{ open: number }>(sql`SELECT count(*)::int AS open FROM tasks WHERE state NOT IN ('closed', 'returned')`);
    expect(open).toBeGreaterThan(0);
    const [{ missing }] = await rows<{ missing: number }>(sql`
      SELECT count(*)::int AS missing FROM tasks t
       WHERE t.state IN ('assigned', 'claimed', 'accepted', 'in_progress')
         AND NOT EXISTS (SELECT 1 FROM task_deadlines d WHERE d.task_id = t.id AND d.done_at IS NULL)`);
    expect(missing).toBe(0);
    const [{ orphans }] = await rows<{ orphans: number }>(sql`
      SELECT count(*)::int AS orphans FROM assessment_entries a
       WHERE a.source_kind = 'case_event' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.id = a.source_id)`);
    expect(orphans).toBe(0);
    const [{ entries }] = await rows<{ entries: number }>(sql`SELECT count(*)::int AS entries FROM assessment_entries`);
    expect(entries).toBeGreaterThan(0);
  });

  it("gives the demo citizen a filed dispute with its case, and legal questions answered and waiting", async () => {
    expect(summary.portal).toEqual({ submissions: 1, questions: 4, answered: 3 });
    const [{ id }] = await rows<{ id: number }>(sql`SELECT id FROM accounts WHERE username = 'qunzhong'`);
    const [filed] = await listSubmissions(t.db, id);
    expect(filed.case).not.toBeNull();
    expect(filed.progress).not.toBe("received");
    const questions = await listOwnQuestions(t.db, id);
    expect(questions.filter((q) => q.answer).length).toBe(3);
    expect(questions.every((q) => q.answeredAt == null || q.answeredAt <= new Date().toISOString())).toBe(true);
  });
});
