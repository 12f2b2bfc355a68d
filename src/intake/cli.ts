// `tongban ingest <path>…`: files or folders of channel exports into the hub, with a progress line on a terminal
// and a summary table per channel. Exit 0 when it ran (quarantined rows included); non-zero only when it could not.
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { createDb, closeDb } from "../db/client.js";
import { openDatabaseTarget } from "../db/database.js";
import { applyMigrations } from "../db/migrate.js";
import { createCipher, loadDataKey } from "../personal-data/cipher.js";
import { CHANNEL_NAMES, isChannel, type ChannelCode } from "./channels.js";
import { loadIntakeDeps } from "./deps.js";
import { ingestPaths, type RunSummary } from "./run-files.js";
import { formationDeps, formPendingCases } from "../cases/formation/form-pending.js";
import { loadClassifier } from "../cases/classify-case.js";

export function registerIntakeCommands(program: Command) {
  program
    .command("ingest")
    .description("导入渠道数据文件或文件夹 (ingest channel files or folders)")
    .argument("<paths...>", "files or folders (channels/<code>/… or <code>/…)")
    .option("-c, --channel <code>", "the channel of every file given (otherwise told from the path or the content)")
    .option("--no-cases", "skip case formation (records wait for `tongban cases form`)")
    .option("-w, --workers <n>", "threads preparing records beside the main one (default for 16 MB or more: one per core, at most 2; else 0)")
    .action(async (paths: string[], options: { channel?: string; cases?: boolean; workers?: string }) => {
      if (options.channel && !isChannel(options.channel)) {
        console.error(`未知渠道 unknown channel: ${options.channel}`);
        process.exitCode = 2;
        return;
      }
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 16)) {
        console.error(`--workers 应为 0–16 的整数 must be a whole number from 0 to 16: ${options.workers}`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const target = await openDatabaseTarget(config);
      const db = createDb(target.url, 4);
      const started = Date.now();
      try {
        await applyMigrations(db);
        const deps = await loadIntakeDeps(db, createCipher(loadDataKey(config.dataKey, config.dataDir)));
        const tty = process.stderr.isTTY;
        let lastDraw = 0;
        const summary = await ingestPaths(deps, paths, {
          channel: options.channel as ChannelCode | undefined,
          actorLabel: "cli:ingest",
          workers,
          onProgress: ({ file, total }) => {
            if (!tty || Date.now() - lastDraw < 100) return;
            lastDraw = Date.now();
            const rate = Math.round(total.read / Math.max(0.001, (Date.now() - started) / 1000));
            process.stderr.write(`\r\x1b[K受理中 ${total.read} 行 (${rate}/s)  接收 ${total.accepted}  隔离 ${total.quarantined}  ${file.slice(-50)}`);
          },
        });
        if (tty) process.stderr.write("\r\x1b[K");
        printSummary(summary, (Date.now() - started) / 1000);
        if (options.cases !== false) {
          // Every new record joins a case before the command ends (the export that follows relies on it).
          const formed = await formPendingCases(db, await formationDeps(db, await loadClassifier()), {
            onProgress: (s) => tty && process.stderr.write(`\r\x1b[K归集案件 ${s.records} 条记录…`),
          });
          if (tty) process.stderr.write("\r\x1b[K");
          console.log(`案件归集 cases: ${formed.records} 条记录 records → ${formed.newCases} 新案件 new, ${formed.joined} 并入 joined, ${formed.recurrences} 复发 recurrences`);
        }
      } catch (err) {
        console.error(`导入失败 ingest failed: ${(err as Error).message}`);
        process.exitCode = 1;
      } finally {
        await closeDb(db);
        await target.embedded?.stop();
      }
    });
}

export function printSummary(summary: RunSummary, seconds: number) {
  const rows = [...summary.byChannel.entries()].sort(([a], [b]) => a.localeCompare(b));
  const head = ["渠道 channel", "读取 read", "接收 accepted", "重复推送 redelivered", "更正 corrected", "隔离 quarantined"];
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(i === 0 ? 22 : 12)).join(" ");
  console.log(line(head));
  for (const [channel, c] of rows) {
    const name = isChannel(channel) ? `${channel} ${CHANNEL_NAMES[channel]}` : "（未识别）";
    console.log(line([name, c.read, c.accepted, c.redelivered, c.corrected, c.quarantined]));
  }
  const t = summary.total;
  console.log(line(["合计 total", t.read, t.accepted, t.redelivered, t.corrected, t.quarantined]));
  console.log(`${summary.files} 个文件 files, ${seconds.toFixed(1)} s, ${Math.round(t.read / Math.max(seconds, 0.001))} 行/秒 rows/s`);
}
