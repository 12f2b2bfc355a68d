// The demo's warnings (demo/warning-history.ts): raised near their cases' time and found at every step of the loop.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WarningHistorySummary } from "./warning-history.js";
import { seedDemo } from "./seed.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";

describe("simulateWarningHistory", () => {
  let t: TestDatabase;
  let summary: WarningHistorySummary;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];

  beforeAll(async () => {
    t = await createTestDatabase();
    // The demo seed lives the warnings' year (simulateWarningHistory) after handling, mediation and follow-ups.
    summary = (await seedDemo(t.db, t.cipher, { disputes: 200 })).warnings!;
  }, 600_000);
  afterAll(() => t.close());

  it("leaves warnings at every step, older ones mostly closed, none in the future", async () => {
    const byStatus = await rows<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM warnings GROUP BY status`);
    const n = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    expect(summary.raised).toBeGreaterThan(10);
    for (const s of ["raised", "acknowledged", "feedback", "supervised", "closed"]) expect(n[s] ?? 0, s).toBeGreaterThan(0);
    const [{ old, closed }] = await rows<{ old: number; closed: number }>(
      sql`SELECT count(*)::int AS old, count(*) FILTER (WHERE status = 'closed')::int AS closed FROM warnings WHERE raised_at < now() - interval '30 days'`,
    );
    expect(closed).toBeGreaterThan(old / 2);
    expect(summary.escalated).toBeGreaterThan(0);
    const [{ future }] = await rows<{ future: number }>(sql`SELECT count(*)::int AS future FROM case_events WHERE kind LIKE 'warning_%' AND at > now()`);
    expect(future).toBe(0);
    // Raised near the case's time, not at the end of the year.
    const [{ late }] = await rows<{ late: number }>(sql`
      SELECT count(*)::int AS late FROM warnings w JOIN cases c ON c.id = w.case_id
       WHERE w.trigger = 'case_red' AND w.raised_at > c.first_reported_at + interval '2 days' AND c.first_reported_at < now() - interval '2 days'`);
    expect(late).toBe(0);
    // Closed ones carry their outcome; every closed one had feedback.
    const [{ bad }] = await rows<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM warnings WHERE status = 'closed' AND (outcome IS NULL OR first_feedback_at IS NULL)`);
    expect(bad).toBe(0);
  });
});
