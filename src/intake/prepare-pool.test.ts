// Preparing on worker threads changes where the CPU work runs, not what intake decides: the same delivery through a
// pool of two workers and through the main thread alone ends in the same records, versions and quarantine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPaths, type RunSummary } from "./run-files.js";
import { startPreparePool } from "./prepare-pool.js";
import type { ReadRow } from "./read/types.js";
import { writeBulkFolder, type BulkFolder } from "./test-support/bulk-folder.js";
import { intakeState, seededIntakeDb, type IntakeDb } from "./test-support/intake-db.js";

describe("intake with a pool of worker threads", () => {
  let dir: string;
  let folder: BulkFolder;
  let alone: IntakeDb;
  let pooled: IntakeDb;
  let aloneSummary: RunSummary;
  let pooledSummary: RunSummary;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-pool-"));
    // Files smaller than a chunk, and corrections of each file in the next: preparing runs ahead across files.
    folder = writeBulkFolder(dir, { filesPerChannel: 3, rowsPerFile: 600 });
    [alone, pooled] = await Promise.all([seededIntakeDb(), seededIntakeDb()]);
    aloneSummary = await ingestPaths(alone.deps, [dir], { actorLabel: "test", workers: 0 });
    pooledSummary = await ingestPaths(pooled.deps, [dir], { actorLabel: "test", workers: 2 });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([alone?.t.close(), pooled?.t.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers the same counts, and they add up to the rows delivered", () => {
    expect(pooledSummary.total).toEqual(aloneSummary.total);
    expect(pooledSummary.total.read).toBe(folder.rows);
    expect(pooledSummary.total.corrected).toBe(folder.corrections);
    expect(pooledSummary.total.quarantined).toBe(folder.bad);
    expect(pooledSummary.total.accepted).toBe(folder.distinctIds);
    expect([...pooledSummary.byChannel.entries()].sort()).toEqual([...aloneSummary.byChannel.entries()].sort());
  });

  it("stores the same records, versions, people and quarantined rows", async () => {
    const [a, p] = await Promise.all([intakeState(alone.t), intakeState(pooled.t)]);
    expect(p.records.length).toBe(folder.distinctIds + folder.corrections);
    expect(p).toEqual(a);
  });

  it("finishes every file's batch with that file's counts", async () => {
    const { rows } = await pooled.t.db.$client.query<{ status: string; read: number }>(`SELECT status, (counts->>'read')::int AS read FROM intake_batches ORDER BY id`);
    expect(rows).toHaveLength(folder.files);
    expect(rows.every((r) => r.status === "done")).toBe(true);
    expect(rows.reduce((n, r) => n + r.read, 0)).toBe(folder.rows);
  });

  it("answers a chunk it cannot prepare with the error, and goes on preparing the next", async () => {
    const pool = await startPreparePool(pooled.t.db, pooled.t.cipher, 1);
    try {
      const broken = [{ channel: "110", text: "坏行", fields: {} }] as unknown as ReadRow[]; // no origin: prepareRow throws
      await expect(pool.prepare(broken, new Date())).rejects.toThrow(/Cannot read properties of undefined/);
      const fine = await pool.prepare([{ channel: "110", origin: { index: 0 }, text: "{}", fields: {} }], new Date());
      expect(fine.outcomes[0]).toMatchObject({ status: "quarantined" });
    } finally {
      await pool.close();
    }
  });

  it("refuses work once closed, instead of waiting for ever", async () => {
    const pool = await startPreparePool(pooled.t.db, pooled.t.cipher, 1);
    await pool.close();
    await expect(pool.prepare([], new Date())).rejects.toThrow(/closed/);
  });
});
