// The intake pipeline: rows → drafts (channel format) → standard records → one transaction per chunk.
// A chunk's commit is the acknowledgement: after a crash, running the same input again adds exactly what was
// missing (redeliveries are recognised by content hash), so counts reconcile.
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import type { AddressResolution } from "../regions/address/resolver.js";
import type { ReadRow } from "./read/types.js";
import { FORMATS } from "./formats/index.js";
import {
  existingVersions,
  seal,
  SealedRowsWriter,
  writeQuarantine,
  writeVersions,
  type NewVersion,
  type Quarantine,
  type SealedRows,
  type SealedVersion,
  type VersionContent,
} from "./persist.js";
import type { IntakeCounts } from "./schema.js";
import { chunkPipeline } from "./chunk-pipeline.js";
import type { PreparePool } from "./prepare-pool.js";
import { standardise } from "./standardise.js";

export type RowStatus = "accepted" | "redelivered" | "corrected" | "quarantined";

export interface RowOutcome {
  index: number;
  channel: string | null;
  externalId: string | null;
  status: RowStatus;
  version?: number;
  recordId?: number;
  reason?: string;
  message?: string;
}

export interface IntakeDeps {
  db: Db;
  cipher: Cipher;
  resolveAddress: (text: string) => AddressResolution;
  /** Region node ids by code, for resolved places. */
  regionIds: Map<string, number>;
  now?: () => Date;
}

/** Rows per transaction: large enough that per-chunk statements cost little, small enough to answer progress often. */
export const DEFAULT_CHUNK_SIZE = 2000;

export const emptyCounts = (): IntakeCounts => ({ read: 0, accepted: 0, redelivered: 0, corrected: 0, quarantined: 0 });

export async function createBatch(db: Db, b: { source: "file" | "upload" | "api" | "form" | "demo"; channel?: string | null; fileName?: string | null; actorLabel: string }) {
  const { rows } = await db.$client.query<{ id: number }>(
    `INSERT INTO intake_batches (source, channel, file_name, actor_label) VALUES ($1, $2, $3, $4) RETURNING id`,
    [b.source, b.channel ?? null, b.fileName ?? null, b.actorLabel],
  );
  return Number(rows[0].id);
}

export async function finishBatch(db: Db, batchId: number, status: "done" | "failed") {
  await db.$client.query(`UPDATE intake_batches SET status = $2, finished_at = now() WHERE id = $1`, [batchId, status]);
}

const contentKey = (channel: string, text: string) => `${channel}\u0000${text.replace(/\r$/, "")}`;

/**
 * A row's content as its fields say it, not as it was serialised: the same record quoted differently in a CSV
 * re-export, written with other spacing or \u escapes in JSON, with keys in another order, or pushed instead of
 * delivered in a file is the same content, so a redelivery and not a correction. Keys sorted at every level;
 * every string carries its length, so no two different contents share a key.
 */
function canonicalContent(v: unknown): string {
  if (typeof v === "string") return `s${v.length}:${v}`;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return `${typeof v}:${String(v)};`;
  if (v === null || typeof v !== "object") return "z;";
  if (Array.isArray(v)) {
    let out = `a${v.length}[`;
    for (const x of v) out += canonicalContent(x);
    return out + "]";
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  let out = `o${keys.length}{`;
  for (const k of keys) out += `${k.length}:${k}${canonicalContent(o[k])}`;
  return out + "}";
}

/**
 * What identifies a row that could not be read into fields (it can only be quarantined). Its own text, as a rule: the
 * same bad row delivered again is listed once. But a file-level error has no text, and a record too large or cut off
 * keeps only a preview; for those the file, the place in it and the message count too, or every such file of a
 * channel would share one entry and all but the first would vanish from the list (answered "quarantined", kept nowhere).
 */
function unreadRowKey(row: ReadRow): string {
  const key = contentKey(row.channel ?? "", row.text);
  const e = row.error;
  if (!e || (row.text !== "" && e.reason !== "record_too_large" && e.reason !== "truncated_file")) return key;
  const o = row.origin;
  return `${key}\u0000${e.reason}\u0000${e.message}\u0000${o.file ?? ""}\u0000${o.line ?? ""}\u0000${o.index}`;
}

/** Who is ingesting, for the audit row each chunk writes in its own transaction. */
export interface IntakeActor {
  kind: "account" | "token" | "system";
  id: number | null;
  label: string;
  correlationId: string;
  ip?: string;
}

const SYSTEM: IntakeActor = { kind: "system", id: null, label: "system:intake", correlationId: "intake" };

export type PreparedRow = { candidate: VersionContent } | { quarantine: Quarantine; externalId: string | null };

/** What preparing a row needs: no database, so that it can run in a worker thread (prepare-pool.ts). */
export type PrepareDeps = Pick<IntakeDeps, "cipher" | "resolveAddress" | "regionIds">;

/** The CPU half of intake for one row: read → map → standardise, or the reason it cannot become a record. */
export function prepareRow(deps: PrepareDeps, row: ReadRow, now: Date): PreparedRow {
  const hash = deps.cipher.hash(row.fields ? `${row.channel}\u0000${canonicalContent(row.fields)}` : unreadRowKey(row));
  const reject = (reason: string, message: string, externalId: string | null = null): PreparedRow => ({
    quarantine: { channel: row.channel ?? null, fileName: row.origin.file ?? null, line: row.origin.line ?? null, rowIndex: row.origin.index, contentHash: hash, rawText: row.text, reason, message },
    externalId,
  });
  if (row.channel === null || row.error || !row.fields) return reject(row.error?.reason ?? "malformed_row", row.error?.message ?? "无法解析");
  const mapped = FORMATS[row.channel].map(row.fields);
  if (!mapped.ok) return reject(mapped.reason, mapped.message);
  const std = standardise(row.channel, mapped.draft, { resolveAddress: deps.resolveAddress, now });
  if (!std.ok) return reject(std.reason, std.message, mapped.draft.externalId);
  const code = std.record.place.code;
  return {
    candidate: { record: std.record, contentHash: hash, rawText: row.text, origin: row.origin, regionNodeId: code ? (deps.regionIds.get(code) ?? null) : null },
  };
}

/**
 * A chunk after its CPU half: the quarantined rows' outcomes already decided, the others sealed and waiting for the
 * transaction to give them a version. Plain data, so that it can cross from a worker thread.
 */
export interface PreparedChunk {
  /** One per row, in order; a candidate's is filled in when its chunk commits. */
  outcomes: RowOutcome[];
  quarantine: Quarantine[];
  /** `i`: the row's position in the chunk; `index`: its position in the delivery. */
  candidates: { i: number; index: number; version: SealedVersion }[];
  /** The candidates' rows, ready for COPY. */
  rows: SealedRows;
}

/** The CPU half of a chunk: every row read, mapped, standardised, encrypted and hashed — no database. */
export function prepareChunk(deps: PrepareDeps, rows: ReadRow[], now: Date): PreparedChunk {
  const outcomes: RowOutcome[] = new Array(rows.length);
  const quarantine: Quarantine[] = [];
  const candidates: PreparedChunk["candidates"] = [];
  const sealed = new SealedRowsWriter();
  rows.forEach((row, i) => {
    const prepared = prepareRow(deps, row, now);
    if ("candidate" in prepared) return candidates.push({ i, index: row.origin.index, version: seal(deps.cipher, prepared.candidate, sealed) });
    quarantine.push(prepared.quarantine);
    const q = prepared.quarantine;
    outcomes[i] = { index: row.origin.index, channel: row.channel, externalId: prepared.externalId, status: "quarantined", reason: q.reason, message: q.message };
  });
  return { outcomes, quarantine, candidates, rows: sealed.finish() };
}

/** Ingests one chunk of rows in one transaction and answers per row. */
export async function ingestChunk(deps: IntakeDeps, batchId: number, rows: ReadRow[], actor: IntakeActor = SYSTEM): Promise<RowOutcome[]> {
  return commitChunk(deps, batchId, prepareChunk(deps, rows, deps.now?.() ?? new Date()), actor);
}

/** The database half of a chunk: versions decided against what is stored, everything written in one transaction. */
export async function commitChunk(deps: IntakeDeps, batchId: number, chunk: PreparedChunk, actor: IntakeActor = SYSTEM): Promise<RowOutcome[]> {
  const { outcomes, quarantine, candidates } = chunk;

  const client = await deps.db.$client.connect();
  try {
    await client.query("BEGIN");
    const channels = [...new Set(candidates.map((c) => c.version.channel))].sort();
    // One writer per channel at a time: concurrent deliveries of the same id cannot both become version 2.
    for (const ch of channels) await client.query("SELECT pg_advisory_xact_lock(7401, hashtext($1))", [ch]);
    const existing = await existingVersions(client, candidates.map((c) => c.version));
    const toWrite: NewVersion[] = [];
    const writeIndex: number[] = [];
    for (const { i, index, version } of candidates) {
      const key = `${version.channel}\u0000${version.externalId}`;
      const entry = existing.get(key) ?? { hashes: new Set<string>(), maxVersion: 0 };
      const base = { index, channel: version.channel, externalId: version.externalId };
      if (entry.hashes.has(version.contentHash)) {
        outcomes[i] = { ...base, status: "redelivered" };
        continue;
      }
      const v = entry.maxVersion + 1;
      entry.hashes.add(version.contentHash);
      entry.maxVersion = v;
      existing.set(key, entry);
      toWrite.push({ ...version, version: v });
      writeIndex.push(i);
      outcomes[i] = { ...base, status: v === 1 ? "accepted" : "corrected", version: v };
    }
    const recordIds = await writeVersions(client, batchId, chunk.rows, toWrite);
    recordIds.forEach((id, k) => (outcomes[writeIndex[k]].recordId = id));
    await writeQuarantine(client, deps.cipher, batchId, quarantine);
    const counts = tally(outcomes);
    await client.query(
      `UPDATE intake_batches SET counts = jsonb_build_object(
         'read', (counts->>'read')::int + $2, 'accepted', (counts->>'accepted')::int + $3,
         'redelivered', (counts->>'redelivered')::int + $4, 'corrected', (counts->>'corrected')::int + $5,
         'quarantined', (counts->>'quarantined')::int + $6) WHERE id = $1`,
      [batchId, counts.read, counts.accepted, counts.redelivered, counts.corrected, counts.quarantined],
    );
    await client.query(
      `INSERT INTO audit_events (actor_kind, actor_id, actor_label, action, subject_type, subject_id, new_values, correlation_id, ip)
       VALUES ($1, $2, $3, 'intake.chunk', 'intake_batch', $4, $5, $6, $7)`,
      [actor.kind, actor.id, actor.label, String(batchId), JSON.stringify(counts), actor.correlationId, actor.ip ?? null],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return outcomes;
}

export function tally(outcomes: RowOutcome[]): IntakeCounts {
  const c = emptyCounts();
  for (const o of outcomes) {
    c.read++;
    c[o.status]++;
  }
  return c;
}

export function addCounts(a: IntakeCounts, b: IntakeCounts): IntakeCounts {
  return { read: a.read + b.read, accepted: a.accepted + b.accepted, redelivered: a.redelivered + b.redelivered, corrected: a.corrected + b.corrected, quarantined: a.quarantined + b.quarantined };
}

/** Streams rows through the pipeline in chunks of one batch; `onChunk` sees the running counts (progress bars). */
export async function ingestRows(
  deps: IntakeDeps,
  batchId: number,
  rows: AsyncIterable<ReadRow>,
  opts: { chunkSize?: number; actor?: IntakeActor; pool?: PreparePool; onChunk?: (counts: IntakeCounts, outcomes: RowOutcome[]) => void } = {},
): Promise<IntakeCounts> {
  const size = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const pipeline = chunkPipeline(deps, opts);
  let counts = emptyCounts();
  const onCommitted = (outcomes: RowOutcome[]) => {
    counts = addCounts(counts, tally(outcomes));
    opts.onChunk?.(counts, outcomes);
  };
  let chunk: ReadRow[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      await pipeline.push(batchId, chunk, onCommitted);
      chunk = [];
    }
  }
  if (chunk.length) await pipeline.push(batchId, chunk, onCommitted);
  await pipeline.drain();
  return counts;
}
