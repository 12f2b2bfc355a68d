// Team formation at scale: 10,000 mediators (the force's generator) and a few thousand cases with a history of teams
// and agreements in a fresh PostgreSQL, then a team proposed for 500 cases one by one; prints p50/p95 of one proposal.
//   npm run bench:teams -- [--mediators N] [--cases N] [--proposals N] [--keep]   (--keep: leave the database for EXPLAIN)
// DATABASE_URL set: a fresh database on that server (dropped afterwards); otherwise an embedded PostgreSQL.
import crypto from "node:crypto";
import os from "node:os";
import { numberArg, openBenchDatabase, percentile } from "./fresh-database.js";
import { CATEGORIES } from "../src/cases/categories.js";
import { generateMediators, insertMediators } from "../src/mediation/force/seed-mediators.js";
import { proposeTeam } from "../src/mediation/teams/propose.js";
import { createCipher } from "../src/personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { inTransaction } from "../src/server/context.js";
import { seedUnits } from "../src/units/seed-units.js";

const MEDIATORS = numberArg("--mediators", 10_000);
const CASES = numberArg("--cases", 5_000);
const PROPOSALS = numberArg("--proposals", 500);
const pct = percentile;

// A sentence per type, so that specialties and elderly/vulnerable fit have words to find.
const TEXTS: Record<string, string> = {
  HY: "儿子不履行赡养义务，八旬老人生活困难，婆媳矛盾激化", LL: "楼上漏水渗到楼下，邻居噪音扰民多次协商未果", FW: "翻建房屋宅基地界址不清",
  TD: "承包地土地流转费用争议", ZD: "征地补偿款分配不均", HT: "借款到期不还，借条在手", SC: "货款拖欠，合同违约", LD: "拖欠工资，工伤赔偿未到位",
  SH: "打架推搡致人受伤索赔", YL: "手术后出现并发症，家属质疑医院误诊", JT: "电动车与轿车剐蹭交通事故", WY: "物业费上涨，业委会与物业公司争执",
  XF: "商家拒绝退款，质量问题投诉", HJ: "工厂排污噪音影响居民", QT: "其他矛盾纠纷",
};

const bench = await openBenchDatabase("teams");
const db = bench.db;
const system = { actor: { kind: "system" as const, label: "bench" }, correlationId: "bench" };
try {
  const cipher = createCipher(crypto.randomBytes(32));
  await inTransaction({ db, cipher }, system, (ctx) => importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH)));
  await inTransaction({ db, cipher }, system, (ctx) => seedUnits(ctx));

  let t0 = performance.now();
  const { rows: communities } = await db.$client.query<{ code: string; kind: string | null }>(
    `SELECT code, kind FROM region_nodes WHERE level = 'community' AND retired_at IS NULL ORDER BY code`,
  );
  await inTransaction({ db, cipher }, system, (ctx) => insertMediators(ctx, generateMediators(MEDIATORS, 20260306, { communities, asOf: new Date() })));
  // Every mediator is a person in the index (conflicts are looked up through it).
  await db.$client.query(`
    WITH ins AS (INSERT INTO people (name, name_key, surname, phone_hash)
                 SELECT m.name, 'MED' || m.id, left(m.name, 1), md5('m' || m.id) FROM mediators m RETURNING id, name_key)
    UPDATE mediators SET person_id = ins.id FROM ins WHERE ins.name_key = 'MED' || mediators.id`);
  console.log(`loaded ${MEDIATORS.toLocaleString()} mediators in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Cases over the micro-grids and the 15 types, two parties and two records each; teams on 70% of them (a fifth
  // still active), agreements on 60% of those with a team.
  t0 = performance.now();
  const texts = CATEGORIES.map((c) => `('${c}', '${TEXTS[c]}')`).join(", ");
  await db.$client.query(`
    CREATE TEMP TABLE mg AS SELECT row_number() OVER () AS k, id FROM region_nodes WHERE level = 'micro_grid';
    CREATE TEMP TABLE cat AS SELECT row_number() OVER () - 1 AS k, c, t FROM (VALUES ${texts}) v(c, t);
    INSERT INTO cases (code, title, region_node_id, category, status, first_reported_at, last_reported_at, record_count)
      SELECT 'TB-' || g, cat.t, (SELECT id FROM mg WHERE k = 1 + g % (SELECT count(*) FROM mg)), cat.c,
             CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'open' END, now() - (g % 365) * interval '1 day', now(), 2
        FROM generate_series(1, ${CASES}) g JOIN cat ON cat.k = (g * 7) % 15;
    INSERT INTO people (name, name_key, surname, phone_hash, region_node_id)
      SELECT '当事人' || c.id || '-' || s, '当事人' || c.id || '-' || s, '当', md5('p' || c.id || '-' || s), c.region_node_id
        FROM cases c CROSS JOIN generate_series(1, 2) s;
    INSERT INTO case_parties (case_id, person_id, role)
      SELECT c.id, p.id, CASE WHEN p.name_key LIKE '%-1' THEN 'applicant' ELSE 'respondent' END
        FROM cases c JOIN people p ON p.name_key IN ('当事人' || c.id || '-1', '当事人' || c.id || '-2');
    INSERT INTO raw_records (channel, external_id, version, content_hash, raw_enc, batch_id)
      SELECT 'bench', c.code || '-' || s, 1, md5(c.code || s), 'x', 0 FROM cases c CROSS JOIN generate_series(1, 2) s;
    INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words, region_node_id, address_status, case_id)
      SELECT r.id, 'bench', r.external_id, 1, now(), c.title || '，当事人多次反映', c.title, '{}', c.region_node_id, 'resolved', c.id
        FROM raw_records r JOIN cases c ON r.external_id IN (c.code || '-1', c.code || '-2') WHERE r.channel = 'bench';
    INSERT INTO mediation_teams (case_id, status, formed_by, formed_by_label, formed_at, released_at)
      SELECT c.id, CASE WHEN c.status = 'open' AND c.id % 5 = 0 THEN 'active' ELSE 'released' END, 'proposal', 'bench',
             now() - interval '30 days', CASE WHEN c.status = 'open' AND c.id % 5 = 0 THEN NULL ELSE now() END
        FROM cases c WHERE c.id % 10 < 7;
    INSERT INTO mediation_team_members (team_id, mediator_id, role, score)
      SELECT t.id, m.id, CASE WHEN m.rn = 1 THEN 'lead' ELSE 'member' END, 0.5
        FROM mediation_teams t JOIN cases c ON c.id = t.case_id
        CROSS JOIN LATERAL (SELECT id, row_number() OVER () AS rn FROM mediators
                             WHERE fields && ARRAY[c.category] AND id % 37 = (t.id % 37) LIMIT 3) m;
    INSERT INTO agreements (case_id, number, facts, terms, status, created_by_label, signed_at)
      SELECT t.case_id, 'A-' || t.case_id, '事实', '条款', 'signed', 'bench', now() FROM mediation_teams t WHERE t.id % 5 < 3;
    ANALYZE;`);
  const { rows: counts } = await db.$client.query(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM mediation_teams) AS teams,
    (SELECT count(*) FROM mediation_team_members) AS members, (SELECT count(*) FROM agreements) AS agreements`);
  console.log(`loaded ${counts[0].cases} cases, ${counts[0].teams} teams (${counts[0].members} memberships), ${counts[0].agreements} agreements in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { rows: picked } = await db.$client.query<{ id: number }>(`SELECT id FROM cases ORDER BY md5(id::text) LIMIT ${PROPOSALS}`);
  for (const { id } of picked.slice(0, 20)) await proposeTeam(db, id); // warm-up: connections, plans, JIT
  const times: number[] = [];
  let considered = 0;
  let full = 0;
  for (const { id } of picked) {
    const s = performance.now();
    const p = await proposeTeam(db, id);
    times.push(performance.now() - s);
    considered += p.candidatesConsidered;
    if (p.members.length === p.size) full++;
  }
  console.log(`proposing a team among ${MEDIATORS.toLocaleString()} mediators: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} cases (target p95 < 50 ms)`);
  console.log(`candidates scored per case: ${(considered / picked.length).toFixed(0)} on average; full teams: ${full}/${picked.length}`);
  console.log(`load average at the end: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
} finally {
  await bench.close({ keep: process.argv.includes("--keep") });
}
