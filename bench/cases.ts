// Case formation at scale: loads N cases (default 1,000,000, with a record and a person each) straight into a fresh
// PostgreSQL with set-based SQL, then ingests a generated month of real-looking records and forms their cases one
// by one, printing p50/p95 of forming one record; also p50/p95 of classifying one text.
//   npm run bench:cases -- [--cases N] [--disputes N]
// DATABASE_URL set: a fresh database on that server (dropped afterwards); otherwise an embedded PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { numberArg, openBenchDatabase, percentile } from "./fresh-database.js";
import { loadShippedModel, predict } from "../src/classifier/index.js";
import { formationDeps, formPendingCases } from "../src/cases/formation/form-pending.js";
import { loadClassifier } from "../src/cases/classify-case.js";
import { writeDemo } from "../src/demo/generator/generate.js";
import { loadIntakeDeps } from "../src/intake/deps.js";
import { ingestPaths } from "../src/intake/run-files.js";
import { createCipher } from "../src/personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { inTransaction } from "../src/server/context.js";
import { scoreCases } from "../src/risk/score-case.js";

const N = numberArg("--cases", 1_000_000);
const DISPUTES = numberArg("--disputes", 150);
const pct = percentile;

const bench = await openBenchDatabase("cases");
const db = bench.db;
try {
  const cipher = createCipher(crypto.randomBytes(32));
  await inTransaction({ db, cipher }, { actor: { kind: "system", label: "bench" }, correlationId: "bench" }, (ctx) => importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH)));

  // N existing cases spread over the micro-grids and two years, each with one record naming one person.
  let t0 = performance.now();
  await db.$client.query(`
    CREATE TEMP TABLE mg AS SELECT row_number() OVER () AS k, id FROM region_nodes WHERE level = 'micro_grid';
    INSERT INTO people (name, name_key, surname, phone_hash, community_id)
      SELECT '张' || g, '张' || g, '张', md5('p' || g), NULL FROM generate_series(1, ${N}) g;
    INSERT INTO cases (code, title, region_node_id, first_reported_at, last_reported_at, record_count, category)
      SELECT 'B-' || g, '纠纷' || g, (SELECT id FROM mg WHERE k = 1 + g % (SELECT count(*) FROM mg)),
             now() - (g % 730) * interval '1 day', now() - (g % 730) * interval '1 day', 1, 'LL'
        FROM generate_series(1, ${N}) g;
    INSERT INTO raw_records (channel, external_id, version, content_hash, raw_enc, batch_id)
      SELECT 'bench', 'B' || g, 1, md5('c' || g), 'x', 0 FROM generate_series(1, ${N}) g;
    INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words,
                         region_node_id, address_status, case_id)
      SELECT g, 'bench', 'B' || g, 1, c.first_reported_at, '邻居家装修噪音扰民' || g, '邻居家装修噪音扰民' || g, '{}',
             c.region_node_id, 'resolved', c.id
        FROM generate_series(1, ${N}) g JOIN cases c ON c.code = 'B-' || g;
    INSERT INTO record_people (record_id, role, name, name_key, phone_hash, phone_status, person_id)
      SELECT r.id, 'reporter', p.name, p.name_key, p.phone_hash, 'mobile', p.id
        FROM records r JOIN people p ON p.name_key = '张' || substr(r.external_id, 2) WHERE r.channel = 'bench';
    ANALYZE;`);
  // A street's million cases build up over years, with autovacuum keeping the visibility map current (what lets
  // the candidate lookups read the indexes alone); a bulk load has had no such chance, so it gets its VACUUM now.
  await db.$client.query("VACUUM ANALYZE records, record_people, cases, people, case_parties");
  console.log(`loaded ${N.toLocaleString()} cases with records and people in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // New records of a generated month, then formation one by one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-bench-demo-"));
  writeDemo(dir, { disputes: DISPUTES, from: new Date("2025-01-01T00:00:00+08:00"), to: new Date("2025-02-01T00:00:00+08:00") });
  await ingestPaths(await loadIntakeDeps(db, cipher), [path.join(dir, "channels")], { actorLabel: "bench" });
  fs.rmSync(dir, { recursive: true, force: true });
  t0 = performance.now();
  const formed = await formPendingCases(db, await formationDeps(db, await loadClassifier()));
  const t = formed.timings;
  console.log(`formed ${formed.records} new records against ${N.toLocaleString()} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`forming one record: p50 ${pct(t, 0.5).toFixed(1)} ms, p95 ${pct(t, 0.95).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms (target p95 < 20 ms)`);

  // Risk scoring of one case, as formation does before it commits (one transaction per case here).
  const { rows: formedCases } = await db.$client.query<{ id: number }>(`SELECT DISTINCT case_id AS id FROM records WHERE channel <> 'bench' AND case_id IS NOT NULL LIMIT 500`);
  const scoring: number[] = [];
  for (const c of formedCases) {
    const s = performance.now();
    await db.transaction((tx) => scoreCases(tx, [c.id], new Date()));
    scoring.push(performance.now() - s);
  }
  console.log(`risk-scoring one case: p50 ${pct(scoring, 0.5).toFixed(1)} ms, p95 ${pct(scoring, 0.95).toFixed(1)} ms (${scoring.length} cases)`);

  const model = loadShippedModel();
  if (model) {
    const { rows } = await db.$client.query<{ narrative: string }>(`SELECT narrative FROM records WHERE channel <> 'bench' LIMIT 1000`);
    const times: number[] = [];
    for (const r of rows) {
      const s = performance.now();
      predict(model, r.narrative);
      times.push(performance.now() - s);
    }
    console.log(`classifying one text: p50 ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms (${rows.length} texts)`);
  }
  console.log(`load average at the end: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
} finally {
  await bench.close({ keep: process.argv.includes("--keep") });
}
