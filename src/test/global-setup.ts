// Starts one PostgreSQL for the whole run — the embedded server, or TEST_DATABASE_URL's — and prepares a
// migrated template database. Each test file clones the template into a database of its own (test/db.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb, closeDb } from "../db/client.js";
import { startEmbedded, type EmbeddedServer } from "../db/embedded.js";
import { applyMigrations } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    runId: string;
  }
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const runId = crypto.randomBytes(4).toString("hex");
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-test-"));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbedded({ dataDir });
    adminUrl = embedded.url("postgres");
  }
  const templateDb = `tongban_tpl_${runId}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${templateDb}"`);
  const db = createDb(withDatabase(adminUrl, templateDb), 2);
  await applyMigrations(db);
  await closeDb(db);
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);
  project.provide("runId", runId);

  return async () => {
    // Drop what this run created (matters on a shared server; the embedded one is thrown away).
    const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`tongban_%${runId}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) fs.rmSync(path.join(dataDir), { recursive: true, force: true });
  };
}
