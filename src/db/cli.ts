// `tongban db init`: prepare the database (migrations; demo data unless --empty).
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { openDatabaseTarget } from "./database.js";
import { createDb, closeDb } from "./client.js";
import { applyMigrations } from "./migrate.js";

export function registerDbCommands(program: Command) {
  const db = program.command("db").description("数据库");
  db.command("migrate")
    .description("应用数据库迁移")
    .action(async () => {
      const config = loadConfig();
      const target = await openDatabaseTarget(config);
      const handle = createDb(target.url, 2);
      try {
        await applyMigrations(handle);
        console.log("迁移已应用 / migrations applied");
      } finally {
        await closeDb(handle);
        await target.embedded?.stop();
      }
    });
}
