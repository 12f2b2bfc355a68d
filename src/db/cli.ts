// `tongban db migrate` and `tongban db init`: prepare the database for work — migrations, the street's registry,
// reference data (units) — without demo data.
import type { Command } from "commander";
import { seedRoutingMatrix } from "../routing/gutang-matrix.js";
import { seedDeadlineRules } from "../deadlines/default-rules.js";
import { seedCalendar } from "../deadlines/china-holidays.js";
import { seedMediators } from "../mediation/force/seed-mediators.js";
import { loadConfig } from "../config.js";
import { createCipher, loadDataKey } from "../personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../regions/import-registry.js";
import { inTransaction } from "../server/context.js";
import { seedUnits } from "../units/seed-units.js";
import { createDb, closeDb, type Db } from "./client.js";
import { openDatabaseTarget } from "./database.js";
import { applyMigrations } from "./migrate.js";

async function withDatabase(work: (db: Db) => Promise<void>) {
  const config = loadConfig();
  const target = await openDatabaseTarget(config);
  const db = createDb(target.url, 2);
  try {
    await work(db);
  } finally {
    await closeDb(db);
    await target.embedded?.stop();
  }
}

export function registerDbCommands(program: Command) {
  const db = program.command("db").description("数据库");
  db.command("migrate")
    .description("应用数据库迁移")
    .action(() =>
      withDatabase(async (handle) => {
        await applyMigrations(handle);
        console.log("迁移已应用 / migrations applied");
      }),
    );
  db.command("init")
    .description("准备数据库（迁移、标准地址库与网格、承办单位），不含演示数据")
    .option("--registry <file>", "the street's registry file (default: the shipped Gutang registry)")
    .action((opts: { registry?: string }) =>
      withDatabase(async (handle) => {
        await applyMigrations(handle);
        const config = loadConfig();
        const cipher = createCipher(loadDataKey(config.dataKey, config.dataDir));
        const summary = await inTransaction({ db: handle, cipher }, { actor: { kind: "system", label: "cli:db-init" }, correlationId: "db-init" }, async (ctx) => {
          const imported = await importRegistry(ctx, loadRegistryFile(opts.registry ?? SHIPPED_REGISTRY_PATH));
          const units = await seedUnits(ctx);
          await seedRoutingMatrix(ctx.tx);
          await seedDeadlineRules(ctx.tx);
          await seedCalendar(ctx.tx);
          await seedMediators(ctx);
          return { imported, units };
        });
        const t = summary.imported.totals;
        console.log(`区域树 region tree: ${t.communities} 村社区, ${t.grids} 网格 (${t.specialGrids} 专属), ${t.microGrids} 微网格`);
        console.log(`承办单位 units: ${summary.units} 新增`);
        console.log("数据库已就绪 / database ready");
      }),
    );
}
