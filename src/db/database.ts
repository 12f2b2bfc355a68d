// Resolves which PostgreSQL to use: DATABASE_URL, or the embedded server started on demand.
import pg from "pg";
import type { Config } from "../config.js";
import { startEmbedded, type EmbeddedServer } from "./embedded.js";

export interface DatabaseTarget {
  url: string;
  embedded: EmbeddedServer | undefined;
}

const EMBEDDED_DB = "tongban";

export async function openDatabaseTarget(config: Config, log?: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const embedded = await startEmbedded({ dataDir: config.dataDir, port: Number(process.env.TONGBAN_PG_PORT ?? 54329), log });
  await ensureDatabase(embedded.url("postgres"), EMBEDDED_DB);
  return { url: embedded.url(EMBEDDED_DB), embedded };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}
