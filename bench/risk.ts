// The live path, end to end: a 110 call pushed to the intake API in a running app is formed into a case, scored
// and (when red) raises a warning in the background. Prints p50/p95 of push → the case's colour and push → its
// warning, over calls that each make an existing dispute turn red (a later call voicing a threat).
//   npm run bench:risk -- [--calls N]
// DATABASE_URL set: a fresh database on that server (dropped afterwards); otherwise an embedded PostgreSQL.
import crypto from "node:crypto";
import os from "node:os";
import { numberArg, openBenchDatabase, percentile } from "./fresh-database.js";
import { sha256 } from "../src/accounts/sessions.js";
import { apiTokens } from "../src/accounts/schema.js";
import { startCaseFormer } from "../src/cases/formation/former.js";
import { createCipher } from "../src/personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { regionNodes } from "../src/regions/schema.js";
import { buildApp } from "../src/server/app.js";
import { inTransaction } from "../src/server/context.js";
import { seedUnits } from "../src/units/seed-units.js";
import { raiseDueWarnings } from "../src/warnings/raise-due.js";
import { eq } from "drizzle-orm";

const CALLS = numberArg("--calls", 40);
const bench = await openBenchDatabase("risk");
const db = bench.db;
const cipher = createCipher(crypto.randomBytes(32));
const former = startCaseFormer(db, { afterSweep: () => raiseDueWarnings({ db, cipher }) });
const app = await buildApp({ db, cipher, logger: false, cases: former });
try {
  await inTransaction({ db, cipher }, { actor: { kind: "system", label: "bench" }, correlationId: "bench" }, async (ctx) => {
    await importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH));
    await seedUnits(ctx);
  });
  await app.ready();
  const [street] = await db.select({ id: regionNodes.id }).from(regionNodes).where(eq(regionNodes.level, "street"));
  const token = `tb_bench${crypto.randomBytes(12).toString("hex")}`;
  await db.insert(apiTokens).values({ name: "bench", tokenHash: sha256(token), prefix: token.slice(0, 8), scopes: ["intake.push"], channel: "110", regionNodeId: street.id });
  const { rows: roads } = await db.$client.query<{ name: string }>(`SELECT name FROM region_nodes WHERE level = 'micro_grid' ORDER BY id LIMIT $1`, [CALLS]);

  const push = (fields: Record<string, string>) =>
    app.inject({ method: "POST", url: "/api/intake/110", headers: { authorization: `Bearer ${token}` }, payload: { records: [fields] } });
  const call = (i: number, n: number, text: string) => ({
    接警编号: `BR${i}-${n}`, 报警时间: new Date(Date.now() - (3 - n) * 86_400_000).toISOString().slice(0, 19).replace("T", " "),
    报警人: `韩${"一二三四五六七八九十"[i % 10]}${"甲乙丙丁戊己庚辛壬癸"[Math.floor(i / 10) % 10]}`, 联系电话: `1385${String(7_000_000 + i)}`, 身份证号: "",
    事发地址: `古塘街道${roads[i % roads.length]?.name ?? ""}`, 警情类别: "纠纷-邻里纠纷", 报警内容: text,
    处警单位: "古塘派出所", 处警民警: "民警", 处警结果: "现场调解", 是否非警务: "是",
  });
  const toColour: number[] = [];
  const toWarning: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    // The dispute's first call, formed and scored before the measured one.
    await push(call(i, 1, "报警人称邻居在楼道堆放杂物，沟通无果"));
    former.trigger();
    await former.idle();
    const started = performance.now();
    const res = await push(call(i, 2, "报警人称邻居又在楼道堆放杂物，对方扬言要找人收拾他"));
    if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
    let coloured: number | null = null;
    for (;;) {
      const { rows } = await db.$client.query<{ risk_level: string | null; warned: boolean }>(
        `SELECT c.risk_level, EXISTS (SELECT 1 FROM warnings w WHERE w.case_id = c.id) AS warned
           FROM records r JOIN cases c ON c.id = r.case_id WHERE r.channel = '110' AND r.external_id = $1`, [`BR${i}-2`]);
      if (rows[0]?.risk_level === "red" && coloured === null) coloured = performance.now() - started;
      if (rows[0]?.warned) {
        toWarning.push(performance.now() - started);
        break;
      }
      if (performance.now() - started > 30_000) throw new Error(`call ${i}: no red warning after 30 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    toColour.push(coloured!);
  }
  const f = (xs: number[], p: number) => percentile(xs, p).toFixed(0);
  console.log(`${CALLS} calls pushed to POST /api/intake/110, each turning its dispute red`);
  console.log(`push → case red (formed and scored):   p50 ${f(toColour, 0.5)} ms, p95 ${f(toColour, 0.95)} ms, max ${Math.max(...toColour).toFixed(0)} ms (target: within a second)`);
  console.log(`push → warning raised:                 p50 ${f(toWarning, 0.5)} ms, p95 ${f(toWarning, 0.95)} ms`);
  console.log(`load average at the end: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
} finally {
  former.stop();
  await app.close();
  await bench.close({ keep: process.argv.includes("--keep") });
}
