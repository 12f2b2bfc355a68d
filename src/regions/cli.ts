// `tongban registry import <file>`: loads the street's address registry into the region tree.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { createDb, closeDb } from "../db/client.js";
import { openDatabaseTarget } from "../db/database.js";
import { applyMigrations } from "../db/migrate.js";
import { createCipher, loadDataKey } from "../personal-data/cipher.js";
import { inTransaction } from "../server/context.js";
import { importRegistry, loadRegistryFile, type ImportSummary } from "./import-registry.js";
import { RegistryFormatError, type Registry } from "./registry-format.js";
import { REGION_LEVELS } from "./schema.js";
import { REGION_LEVEL_NAMES } from "./views.js";

export function registerRegistryCommands(program: Command) {
  const registry =
    program.commands.find((c) => c.name() === "registry") ??
    program.command("registry").description("街道标准地址库与网格图 (the street's address registry)");
  registry
    .command("import")
    .description("import a registry file into the region tree (re-runnable: unchanged nodes stay untouched)")
    .argument("<file>", "registry JSON file, UTF-8")
    .action(async (file: string) => {
      process.exitCode = await importCommand(file);
    });
}

async function importCommand(file: string): Promise<number> {
  // Validate before starting a database, so that a bad file fails fast and touches nothing.
  let registry: Registry;
  try {
    registry = loadRegistryFile(file);
  } catch (e) {
    if (e instanceof RegistryFormatError) {
      console.error(`${file}: not a valid registry file`);
      for (const reason of e.reasons) console.error(`  - ${reason}`);
    } else {
      console.error(`${file}: ${(e as Error).message}`);
    }
    return 1;
  }

  const config = loadConfig();
  const target = await openDatabaseTarget(config);
  const db = createDb(target.url, 2);
  try {
    await applyMigrations(db);
    const cipher = createCipher(loadDataKey(config.dataKey, config.dataDir));
    const started = performance.now();
    const summary = await inTransaction(
      { db, cipher },
      { actor: { kind: "system", label: "cli" }, correlationId: `cli-registry-import-${Date.now()}` },
      (ctx) => importRegistry(ctx, registry),
    );
    console.log(formatSummary(summary));
    console.log(`imported in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } finally {
    await closeDb(db);
    await target.embedded?.stop();
  }
}

export function formatSummary(s: ImportSummary): string {
  const header = ["level", "created", "updated", "retired", "unchanged"];
  const rows = REGION_LEVELS.map((level) => {
    const c = s.levels[level];
    return [`${level} ${REGION_LEVEL_NAMES[level]}`, c.created, c.updated, c.retired, c.unchanged].map(String);
  });
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]))));
  const pad = (cell: string, i: number) => {
    const gap = " ".repeat(widths[i] - displayWidth(cell));
    return i === 0 ? cell + gap : gap + cell;
  };
  const t = s.totals;
  return [
    `street ${s.street}, registry version ${s.version}`,
    ...table.map((r) => r.map(pad).join("  ")),
    `totals: ${t.communities} communities, ${t.grids} grids (${t.specialGrids} special), ${t.microGrids} micro-grids`,
  ].join("\n");
}

/** Terminal columns: Chinese characters and full-width punctuation take two. */
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
}
