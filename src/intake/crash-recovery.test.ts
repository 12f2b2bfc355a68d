// `tongban ingest` killed with SIGKILL mid-run, then run again: the database ends exactly as one clean run leaves it.
// A chunk's commit is the acknowledgement, so the second run adds only what the first did not commit.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { seedRegionTree } from "../test/regions-fixture.js";
import { ingestPaths } from "./run-files.js";
import { writeBulkFolder, type BulkFolder } from "./test-support/bulk-folder.js";
import { tempDir } from "./test-support/channel-files.js";
import { seededIntakeDb, tableCounts, type IntakeDb } from "./test-support/intake-db.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA_KEY = Buffer.alloc(32, 7).toString("base64");

interface Run {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ReturnType<typeof spawn>>();

/** `tongban ingest <dir>`; case formation, which follows intake in the command, is left out (--no-cases). */
function startIngest(url: string, dir: string, dataDir: string, workers: number): Run {
  const child = spawn(process.execPath, ["bin/tongban.mjs", "ingest", "--no-cases", "--workers", String(workers), dir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, TONGBAN_DATA_KEY: DATA_KEY, TONGBAN_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code) console.error(`tongban ingest exited ${code}: ${err}`);
      resolve({ code, signal });
    }),
  );
  return { child, stdout: () => out, exited };
}

const scalar = async (t: TestDatabase, sql: string) => Number((await t.db.$client.query(sql)).rows[0].n);

/** The "合计 total" line of the printed summary: read, accepted, redelivered, corrected, quarantined. */
function totalLine(stdout: string): number[] {
  const line = stdout.split("\n").find((l) => l.startsWith("合计"));
  if (!line) throw new Error(`no total line in:\n${stdout}`);
  return line.replace(/^合计 total/, "").trim().split(/\s+/).map(Number);
}

let dir: string;
let dataDir: string;
let folder: BulkFolder;
let crashed: TestDatabase;
let clean: IntakeDb;
let killedAt: number;
let killSignal: NodeJS.Signals | null;
let secondRun: { code: number | null; stdout: string };

beforeAll(async () => {
  dir = tempDir("tongban-crash-");
  dataDir = tempDir("tongban-crash-data-");
  // 8 channels × 4 files: each file is at least one committed chunk, so a kill lands between commits.
  folder = writeBulkFolder(dir, { filesPerChannel: 4, rowsPerFile: 100 });
  crashed = await createTestDatabase();
  await seedRegionTree(crashed);

  // Killed while worker threads hold prepared chunks not yet committed; run again on the main thread alone.
  const first = startIngest(crashed.url, dir, dataDir, 2);
  const deadline = Date.now() + 45_000;
  for (;;) {
    killedAt = await scalar(crashed, "SELECT count(*) AS n FROM records");
    if (killedAt > 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 15));
  }
  first.child.kill("SIGKILL");
  killSignal = (await first.exited).signal;

  const second = startIngest(crashed.url, dir, dataDir, 0);
  secondRun = { code: (await second.exited).code, stdout: second.stdout() };

  clean = await seededIntakeDb();
  await ingestPaths(clean.deps, [dir], { actorLabel: "test:clean" });
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await crashed?.close();
  await clean?.t.close();
  for (const d of [dir, dataDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe("tongban ingest killed mid-run and run again", () => {
  it("was killed by SIGKILL after some chunks committed, before the end", async () => {
    expect(killSignal).toBe("SIGKILL");
    expect(killedAt).toBeGreaterThan(0);
    // The kill landed mid-run: the first run had not committed everything a clean run does.
    expect(killedAt).toBeLessThan(await scalar(clean.t, "SELECT count(*) AS n FROM records"));
  });

  it("holds every distinct record of the input exactly once", async () => {
    expect(await scalar(crashed, "SELECT count(DISTINCT (channel, external_id)) AS n FROM records")).toBe(folder.distinctIds);
    expect(await scalar(crashed, "SELECT count(*) AS n FROM (SELECT 1 FROM records GROUP BY channel, external_id, version HAVING count(*) > 1) d")).toBe(0);
    expect(await scalar(crashed, "SELECT count(*) AS n FROM (SELECT 1 FROM records WHERE is_current GROUP BY channel, external_id HAVING count(*) > 1) d")).toBe(0);
    expect(await scalar(crashed, "SELECT count(*) AS n FROM (SELECT 1 FROM raw_records GROUP BY channel, external_id, content_hash HAVING count(*) > 1) d")).toBe(0);
  });

  it("has as many versions, people and quarantined rows as one clean run", async () => {
    const after = await tableCounts(crashed);
    expect(after).toEqual(await tableCounts(clean.t));
    expect(after.quarantined_rows).toBe(folder.bad);
    expect(after.records).toBe(folder.distinctIds + folder.corrections);
  });

  it("prints a second-run summary that adds up to the input's rows", () => {
    expect(secondRun.code).toBe(0);
    const [read, accepted, redelivered, corrected, quarantined] = totalLine(secondRun.stdout);
    expect(read).toBe(folder.rows);
    expect(accepted + redelivered + corrected + quarantined).toBe(read);
    expect(quarantined).toBe(folder.bad);
    expect(redelivered).toBeGreaterThan(0); // what the killed run had committed comes back as redelivered
  });
});
