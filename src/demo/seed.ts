// The Gutang demo: region tree from the shipped registry, the street's units, one account per role and a few
// dozen invented cases. Runs only on an empty database (no accounts yet).
import { eq, sql } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { hashPassword } from "../accounts/passwords.js";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../regions/import-registry.js";
import { regionNodes } from "../regions/schema.js";
import { inTransaction } from "../server/context.js";
import { seedUnits, unitIdByCode } from "../units/seed-units.js";
import { units } from "../units/schema.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, gridWorkerAccount } from "./demo-accounts.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadIntakeDeps } from "../intake/deps.js";
import { ingestPaths } from "../intake/run-files.js";
import { DEFAULT_SEED, resolveSpan, writeDemo } from "./generator/generate.js";
import { seedRoutingMatrix } from "../routing/gutang-matrix.js";
import { seedDeadlineRules } from "../deadlines/default-rules.js";
import { seedCalendar } from "../deadlines/china-holidays.js";
import { loadClassifier } from "../cases/classify-case.js";
import { formationDeps, formPendingCases } from "../cases/formation/form-pending.js";
import { simulateHandlingHistory } from "./handling-history.js";
import { simulateMediationHistory } from "./mediation-history.js";
import { seedMediators } from "../mediation/force/seed-mediators.js";
import { seedFollowUpRules } from "../follow-ups/seed-rules.js";
import { simulateFollowUpHistory } from "./follow-up-history.js";
import { simulateWarningHistory } from "./warning-history.js";
import { simulatePortalHistory } from "./portal-history.js";
import { routeNewCases } from "../tasks/sweeps.js";

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  return row.n === 0;
}

/**
 * The Gutang demo: the tree, the units, the accounts, then two years of records from every channel made by the
 * project's own generator, ingested through the same pipeline as real deliveries (quarantine included): the year to
 * date, and the year before it with somewhat more disputes, so that the key index has last year to compare against
 * (the article reports incidents down 13.6% year on year). Cases are formed, then the handling is lived through the
 * real commands (demo/handling-history.ts).
 */
export async function seedDemo(db: Db, cipher: Cipher, opts: { disputes?: number; handling?: boolean } = {}) {
  const base = await seedReference(db, cipher);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-demo-"));
  try {
    const total = opts.disputes ?? 1200;
    const lastYear = Math.round(total * 0.54);
    const thisYear = resolveSpan({});
    await writeDemo(path.join(dir, "last-year"), { disputes: lastYear, seed: DEFAULT_SEED + 1, from: new Date(oneYearBefore(thisYear.fromMs)), to: new Date(thisYear.fromMs) });
    await writeDemo(path.join(dir, "this-year"), { disputes: total - lastYear });
    const summary = await ingestPaths(await loadIntakeDeps(db, cipher), [path.join(dir, "last-year", "channels"), path.join(dir, "this-year", "channels")], { actorLabel: "demo-seed", source: "demo" });
    // Cases formed now (not in the background) so that the year's handling can be lived through them.
    await formPendingCases(db, await formationDeps(db, await loadClassifier()));
    // On the live path a non-police call is transferred as it arrives; the demo's year arrived all at once today,
    // so its transfers are dated a few minutes after each call, as they would have been.
    await db.execute(sql`UPDATE police_transfers SET transferred_at = reported_at + ((record_id % 20) + 3) * interval '1 minute'`);
    await db.execute(sql`UPDATE case_events e SET at = t.transferred_at FROM police_transfers t
                          WHERE e.kind = 'police_transfer' AND (e.detail->>'recordId')::bigint = t.record_id`);
    const handling = opts.handling === false ? null : await simulateHandlingHistory(db, cipher);
    const mediation = opts.handling === false ? null : await simulateMediationHistory(db, cipher);
    const followUps = opts.handling === false ? null : await simulateFollowUpHistory(db, cipher);
    const warnings = opts.handling === false ? null : await simulateWarningHistory(db, cipher);
    const portal = opts.handling === false ? null : await simulatePortalHistory(db, cipher);
    if (portal) {
      // The citizen's dispute came in today, after the year was lived: formed and routed as the live sweeps would.
      await formPendingCases(db, await formationDeps(db, await loadClassifier()));
      await routeNewCases({ db, cipher });
    }
    return { ...base, records: summary.total, handling, mediation, followUps, warnings, portal };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same instant one calendar year earlier. */
function oneYearBefore(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

async function seedReference(db: Db, cipher: Cipher) {
  return inTransaction({ db, cipher }, { actor: { kind: "system", label: "demo-seed" }, correlationId: "demo-seed" }, async (ctx) => {
    await importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH));
    await seedUnits(ctx);
    await seedRoutingMatrix(ctx.tx);
    await seedDeadlineRules(ctx.tx);
    await seedCalendar(ctx.tx);
    await seedFollowUpRules(ctx.tx);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const covered = new Set(DEMO_ACCOUNTS.filter((a) => a.role === "grid_worker").map((a) => a.region));
    const grids = await ctx.tx.select({ code: regionNodes.code }).from(regionNodes).where(eq(regionNodes.level, "grid")).orderBy(regionNodes.code);
    const gridWorkers = grids.filter((g) => !covered.has(g.code)).map((g, i) => gridWorkerAccount(g.code, i));
    for (const a of [...DEMO_ACCOUNTS, ...gridWorkers]) {
      const unitId = a.unit ? await unitIdByCode(ctx, a.unit) : null;
      const regionCode = a.region ?? (await ctx.tx.select({ code: regionNodes.code }).from(units).innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId)).where(eq(units.id, unitId!)))[0].code;
      const [node] = await ctx.tx.select({ id: regionNodes.id }).from(regionNodes).where(eq(regionNodes.code, regionCode));
      await ctx.tx.insert(accounts).values({ username: a.username, displayName: a.displayName, role: a.role, unitId, regionNodeId: node.id, passwordHash });
    }
    await seedMediators(ctx);

    return { accounts: DEMO_ACCOUNTS.length + gridWorkers.length };
  });
}
