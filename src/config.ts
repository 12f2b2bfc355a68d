// Process configuration, read once from the environment. Every variable is listed in README.md.
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server to use instead of the embedded one. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database, the generated data key and other local state. */
  dataDir: string;
  /** AES-256 key for personal data at rest, base64 or hex (32 bytes). Falls back to a key file in dataDir. */
  dataKey: string | undefined;
  logLevel: string;
  /** Seed the Gutang demo when the database is empty. */
  seedDemo: boolean;
  /** How many disputes the demo's year holds (fewer for quick test servers). */
  demoDisputes: number;
  /** Cookies marked Secure (set behind HTTPS). */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TONGBAN_DATA_DIR ?? ".data"),
    dataKey: env.TONGBAN_DATA_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? "info",
    seedDemo: env.TONGBAN_SEED_DEMO !== "0",
    demoDisputes: Math.max(10, Number(env.TONGBAN_DEMO_DISPUTES ?? 1200) || 1200),
    secureCookies: env.TONGBAN_SECURE_COOKIES === "1",
  };
}
