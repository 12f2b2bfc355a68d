// Case commands: `tongban export records`, `tongban eval <dir>`, `tongban cases form`.
import fs from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { createDb, closeDb } from "../db/client.js";
import { openDatabaseTarget } from "../db/database.js";
import { applyMigrations } from "../db/migrate.js";
import { exportRecords } from "./export-records.js";
import { evaluateDir } from "./eval/run-eval.js";
import { formationDeps, formPendingCases } from "./formation/form-pending.js";
import { loadClassifier } from "./classify-case.js";

export function registerCaseCommands(program: Command) {
  program
    .command("export")
    .description("导出 (export)")
    .command("records")
    .description("每条渠道记录一行 JSON：所属案件、类别、风险、村社区与网格、当事人")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const target = await openDatabaseTarget(config);
      const db = createDb(target.url, 2);
      const out: NodeJS.WritableStream = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
      try {
        await applyMigrations(db);
        for await (const r of exportRecords(db)) {
          if (!out.write(JSON.stringify(r) + "\n")) await new Promise<void>((res) => out.once("drain", () => res()));
        }
      } finally {
        if (opts.out) await new Promise<void>((res) => (out as fs.WriteStream).end(() => res()));
        await closeDb(db);
        await target.embedded?.stop();
      }
    });

  program
    .command("eval")
    .description("在临时数据库中导入 <dir>/channels，与 <dir>/truth 比对并打印指标")
    .argument("<dir>")
    .option("--model <file>", "用指定的分类模型文件（默认：随项目发布的模型）")
    .option("--misses <file>", "把属地或类别与真值不符的记录写成 JSON Lines")
    .action(async (dir: string, opts: { model?: string; misses?: string }) => {
      await evaluateDir(dir, { classify: await loadClassifier(opts.model), missesFile: opts.misses });
    });

  program
    .command("cases")
    .description("案件 (cases)")
    .command("form")
    .description("为尚未归集的记录形成案件")
    .action(async () => {
      const config = loadConfig();
      const target = await openDatabaseTarget(config);
      const db = createDb(target.url, 2);
      try {
        await applyMigrations(db);
        const s = await formPendingCases(db, await formationDeps(db, await loadClassifier()));
        console.log(`${s.records} records: ${s.newCases} new cases, ${s.joined} joined, ${s.recurrences} recurrences, ${s.corrections} corrections`);
      } finally {
        await closeDb(db);
        await target.embedded?.stop();
      }
    });
}
