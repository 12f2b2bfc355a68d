// The key index (关键指数) at a large street's scale: N cases (default 100,000) over two years written straight into a
// fresh database with what the formulas read (timelines, 110 records, tasks and deadlines, visits, warnings,
// transfers), then the street-wide table by community, grid and unit for this year against last, and a drill-down to
// the cases behind a figure, timed as a leader opens them. Prints p50/p95 each and, with --explain, the plan of the
// slowest table's sums.
//   npm run bench:key-index -- [--cases N] [--runs R] [--explain] [--keep]
// DATABASE_URL set: a fresh database on that server (dropped afterwards); otherwise an embedded PostgreSQL.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { keyIndexCases, keyIndexTable, sumsQuery } from "../src/key-index/compute.js";
import type { DatePeriod } from "../src/key-index/period.js";
import { createCipher } from "../src/personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { inTransaction, type Actor } from "../src/server/context.js";
import { seedUnits } from "../src/units/seed-units.js";
import { numberArg, openBenchDatabase, percentile } from "./fresh-database.js";

const DAY = 86_400_000;

async function main() {
  const n = numberArg("--cases", 100_000);
  const runs = numberArg("--runs", 5);
  const keep = process.argv.includes("--keep");
  const bench = await openBenchDatabase("keyindex");
  const { db } = bench;
  try {
    const cipher = createCipher(crypto.randomBytes(32));
    await inTransaction({ db, cipher }, { actor: { kind: "system", label: "bench" }, correlationId: "bench" }, async (ctx) => {
      await importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH));
      await seedUnits(ctx);
    });
    const started = performance.now();
    const now = new Date();
    await load(db, n, now);
    await db.execute(sql`ANALYZE`);
    console.log(`${n.toLocaleString("en-US")} cases over two years loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const counts = await db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM case_events)::int AS events, (SELECT count(*) FROM records)::int AS records,
             (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM follow_up_visits)::int AS visits,
             (SELECT count(*) FROM warnings)::int AS warnings, (SELECT count(*) FROM police_transfers)::int AS transfers`);
    console.log(Object.entries(counts.rows[0]).map(([k, v]) => `${k} ${Number(v).toLocaleString("en-US")}`).join(", "));

    const [street] = (await db.execute<{ id: number; path: string }>(sql`SELECT id, path FROM region_nodes WHERE level = 'street' LIMIT 1`)).rows;
    const leader: Actor = { kind: "account", id: 0, username: "bench", displayName: "bench", role: "leader", unitId: null, regionNodeId: street.id, regionPath: street.path, sessionId: null };
    const year = String(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear());
    const period: DatePeriod = { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` };

    const rows: string[][] = [["table", "p50 ms", "p95 ms", "max ms", "rows"]];
    let slowest = { ms: 0, group: "community" as "community" | "unit" };
    for (const group of ["community", "grid", "unit"] as const) {
      const times: number[] = [];
      let shown = 0;
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const table = await keyIndexTable(db, leader, { group, period });
        times.push(performance.now() - t0);
        shown = table.rows.length;
      }
      const p50 = percentile(times, 0.5);
      if (group !== "grid" && p50 > slowest.ms) slowest = { ms: p50, group };
      rows.push([`by ${group}, ${period.from.slice(0, 4)} vs last year`, p50.toFixed(0), percentile(times, 0.95).toFixed(0), Math.max(...times).toFixed(0), String(shown)]);
    }
    const drill: number[] = [];
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      total = (await keyIndexCases(db, leader, { group: "community", metric: "received", part: "num", period, limit: 50 })).total;
      drill.push(performance.now() - t0);
    }
    rows.push(["drill-down: the cases received, first 50", percentile(drill, 0.5).toFixed(0), percentile(drill, 0.95).toFixed(0), Math.max(...drill).toFixed(0), `50 of ${total}`]);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("   "));

    if (process.argv.includes("--explain")) {
      const depth = Number((await db.execute<{ d: number }>(sql`SELECT min(depth) AS d FROM region_nodes WHERE level = 'community'`)).rows[0].d);
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
        await tx.execute(sql`SET LOCAL jit = off`);
        return tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN (ANALYZE, BUFFERS) ${sumsQuery(leader, slowest.group, slowest.group === "community" ? depth : 0, null, period)}`);
      });
      console.log(`\nplan of the sums for "${slowest.group}":`);
      for (const line of plan.rows) console.log(line["QUERY PLAN"]);
    }
  } finally {
    await bench.close({ keep });
  }
}

/**
 * N cases spread evenly over the two years before `now` on the street's micro-grids, led by its units; 80% closed
 * after 1–40 days, 5% red and 20% yellow; each with the timeline, record, task and visit a real case leaves.
 */
async function load(db: Awaited<ReturnType<typeof openBenchDatabase>>["db"], n: number, now: Date) {
  const from = new Date(now.getTime() - 730 * DAY);
  await db.execute(sql`
    INSERT INTO cases (code, title, region_node_id, lead_unit_id, status, first_reported_at, last_reported_at, opened_at, closed_at, risk_level, recurrence_of_id)
    SELECT 'KB-' || i, '指数压测案件 ' || i, mg.id, u.id,
           CASE WHEN i % 5 = 0 THEN 'open' ELSE 'closed' END,
           at, at, at,
           CASE WHEN i % 5 = 0 THEN NULL ELSE least(at + make_interval(days => 1 + i % 40), ${now}::timestamptz) END,
           CASE WHEN i % 20 = 0 THEN 'red' WHEN i % 5 = 1 THEN 'yellow' ELSE 'green' END,
           NULL
      FROM generate_series(1, ${n}) AS i
      CROSS JOIN LATERAL (SELECT ${from}::timestamptz + (i::float8 / ${n}) * interval '730 days' AS at) t
      JOIN LATERAL (SELECT id FROM region_nodes WHERE level = 'micro_grid' ORDER BY id OFFSET (i * 7919) % (SELECT count(*) FROM region_nodes WHERE level = 'micro_grid') LIMIT 1) mg ON true
      JOIN LATERAL (SELECT id FROM units ORDER BY id OFFSET i % (SELECT count(*) FROM units) LIMIT 1) u ON true`);
  // Every 50th case a recurrence of the one before it.
  await db.execute(sql`UPDATE cases c SET recurrence_of_id = c.id - 1 WHERE c.id % 50 = 0 AND c.id > 1`);
  // Timelines: routed, assigned, accepted, then closed (and for some reopened, or a satisfaction answer).
  await db.execute(sql`
    INSERT INTO case_events (case_id, kind, at, detail, actor_label)
    SELECT c.id, k.kind, c.opened_at + k.after, '{}'::jsonb, 'bench'
      FROM cases c CROSS JOIN (VALUES ('formed', interval '0'), ('routed', interval '1 hour'), ('assigned', interval '2 hours'), ('accepted', interval '5 hours'), ('note', interval '1 day')) k(kind, after)`);
  await db.execute(sql`
    INSERT INTO case_events (case_id, kind, at, detail, actor_label)
    SELECT c.id, 'closed', c.closed_at, '{}'::jsonb, 'bench' FROM cases c WHERE c.closed_at IS NOT NULL
    UNION ALL
    SELECT c.id, 'reopened', c.closed_at + interval '3 days', '{}'::jsonb, 'bench' FROM cases c WHERE c.closed_at IS NOT NULL AND c.id % 30 = 1
    UNION ALL
    SELECT c.id, 'satisfaction_recorded', c.closed_at + interval '1 day', jsonb_build_object('satisfied', c.id % 7 <> 0, 'score', 3 + c.id % 3), 'bench'
      FROM cases c WHERE c.closed_at IS NOT NULL AND c.id % 4 = 0`);
  // A 110 record for 40% of cases, a 12345 record for the rest; every 25th case a repeated call.
  await db.execute(sql`
    INSERT INTO records (raw_record_id, channel, external_id, version, is_current, reported_at, narrative, narrative_key, category_words, address_status, extra, case_id, region_node_id)
    SELECT 0, CASE WHEN c.id % 5 < 2 THEN '110' ELSE '12345' END, 'KB' || c.id || '-' || r, 1, true, c.first_reported_at + make_interval(days => r - 1),
           '压测警情', '压测警情', ARRAY['纠纷'], 'resolved', '{}'::jsonb, c.id, c.region_node_id
      FROM cases c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.id % 25 = 0 THEN 2 ELSE 1 END) r`);
  await db.execute(sql`
    INSERT INTO tasks (case_id, unit_id, role, level, state, resolved_at, closed_at, resolution)
    SELECT c.id, c.lead_unit_id, 'lead', 'community', CASE WHEN c.closed_at IS NULL THEN 'in_progress' ELSE 'closed' END, c.closed_at, c.closed_at, CASE WHEN c.closed_at IS NULL THEN NULL ELSE '已调解' END
      FROM cases c`);
  await db.execute(sql`
    INSERT INTO task_deadlines (task_id, stage, started_at, due_at, yellow_at, red_at, basis, done_at)
    SELECT t.id, 'handle', c.opened_at, c.opened_at + interval '30 days', c.opened_at + interval '25 days', c.opened_at + interval '30 days', '压测', t.resolved_at
      FROM tasks t JOIN cases c ON c.id = t.case_id`);
  await db.execute(sql`
    INSERT INTO follow_up_visits (case_id, closed_at, offset_days, due_at, assignee_kind, status, satisfaction, done_at)
    SELECT c.id, c.closed_at, 7, c.closed_at + interval '7 days', 'unit',
           CASE WHEN c.closed_at + interval '7 days' < ${now}::timestamptz THEN 'done' ELSE 'due' END,
           CASE WHEN c.closed_at + interval '7 days' < ${now}::timestamptz THEN 1 + c.id % 5 END,
           CASE WHEN c.closed_at + interval '7 days' < ${now}::timestamptz THEN c.closed_at + interval '7 days' END
      FROM cases c WHERE c.closed_at IS NOT NULL AND c.id % 2 = 0`);
  await db.execute(sql`
    INSERT INTO warnings (case_id, trigger, level, status, raised_at, ack_due_at, closed_at)
    SELECT c.id, 'case_red', 'red', CASE WHEN c.closed_at IS NULL THEN 'raised' ELSE 'closed' END, c.opened_at, c.opened_at + interval '2 hours', c.closed_at
      FROM cases c WHERE c.risk_level = 'red'`);
  await db.execute(sql`
    INSERT INTO police_transfers (record_id, case_id, basis, reported_at, transferred_at, police_unit_name, officer_name, police_result)
    SELECT r.id, r.case_id, 'flagged', r.reported_at, r.reported_at + interval '10 minutes', '古塘派出所', '张警官', '移交街道'
      FROM records r WHERE r.channel = '110' AND r.case_id % 3 = 0`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
