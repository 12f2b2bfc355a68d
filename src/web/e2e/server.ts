// Starts the real server for an end-to-end test: the built web app, a fresh database (its own embedded PostgreSQL,
// or a new database on TEST_DATABASE_URL's server), the Gutang demo seeded on start.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface TestServer {
  baseUrl: string;
  /** The server's recent output, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Builds the web app when dist/web is missing or older than its sources. Test files run in parallel processes:
 * a lock directory lets one build while the others wait, then find the build fresh.
 */
export function ensureWebBuild() {
  const lock = path.join(repoRoot, "dist/.web-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    const index = path.join(repoRoot, "dist/web/index.html");
    const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
    // The bundle includes views and names from every area, not only src/web.
    if (built && newestSource(path.join(repoRoot, "src")) <= built) return;
    // vitest sets NODE_ENV=test; passed on, it would make vite bundle React's and antd's development builds.
    execFileSync("npm", ["run", "build:web"], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "e2e" || entry.name.endsWith(".test.ts")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tongban_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client(adminUrl);
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
  };
  return { url: url.toString(), drop };
}

export async function startServer(): Promise<TestServer> {
  const port = await freePort();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "tongban-e2e-"));
  await fs.promises.chmod(dataDir, 0o755);
  const database = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const env = { ...process.env, PORT: String(port), TONGBAN_DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: database?.url ?? "", TONGBAN_DEMO_DISPUTES: process.env.TONGBAN_DEMO_DISPUTES ?? "300" };

  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT"); // the server stops its embedded PostgreSQL on SIGINT
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await database?.drop().catch(() => undefined);
    await fs.promises.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    // The demo is seeded before the server answers: two years of records lived through handling, mediation,
    // follow-ups and warnings (about a minute alone; more beside another test file's server on two cores).
    await waitForHealth(baseUrl, child, 360_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, log: () => output, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs / 1000}s`);
}

/**
 * The app with its demo and a Chromium for one describe block: built if stale, started before its tests, stopped
 * after. Read `server` and `browser` inside the tests (they exist once beforeAll has run).
 */
export function liveApp(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the server is not started yet");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not started yet");
      return browser;
    },
  };
}
