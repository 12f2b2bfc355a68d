// A throwaway database for a benchmark: on DATABASE_URL's server when set, else on an embedded PostgreSQL in a
// temporary folder; migrated; dropped at the end unless kept (--keep).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, createDb, type Db } from "../src/db/client.js";
import { startEmbedded, type EmbeddedServer } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";

export interface BenchDatabase {
  db: Db;
  name: string;
  close: (opts?: { keep?: boolean }) => Promise<void>;
}

export async function openBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `tongban_bench_${label}_${crypto.randomBytes(3).toString("hex")}`;
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tongban-bench-${label}-`));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbedded({ dataDir });
    adminUrl = embedded.url("postgres");
  }
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = createDb(u.toString(), 4);
  await applyMigrations(db);
  return {
    db,
    name,
    close: async ({ keep = false } = {}) => {
      await closeDb(db);
      if (keep) console.log(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A numeric command-line option (`--name N`), or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The p-quantile of a list of numbers (0 ≤ p ≤ 1). */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
