// An experiment behind the ingest bench's suggestions: the same prepared records written four ways, each into a
// fresh copy of the same database, in chunks of 2,000 with one transaction each, measuring wall time and the CPU
// seconds of node and of PostgreSQL per record:
//   insert   the pipeline's writeVersions (since the COPY change: ids drawn first, one COPY per table)
//   copy     this file's own COPY of the same three tables, ids taken from the sequences up front
// each with every index, and with the secondary (non-unique) indexes dropped.
//   node --import tsx bench/write-paths.ts [--records 100000]
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { closeDb, createDb } from "../src/db/client.js";
import { startEmbedded } from "../src/db/embedded.js";
import { applyMigrations } from "../src/db/migrate.js";
import { FORMATS } from "../src/intake/formats/index.js";
import { loadIntakeDeps } from "../src/intake/deps.js";
import type { IntakeDeps } from "../src/intake/ingest.js";
import { writeVersions, type NewVersion } from "../src/intake/persist.js";
import { readFolder, readRows } from "../src/intake/read/read-file.js";
import { standardise } from "../src/intake/standardise.js";
import { createCipher, type Cipher } from "../src/personal-data/cipher.js";
import { maskIdNumber, maskPhone } from "../src/personal-data/mask.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../src/regions/import-registry.js";
import { inTransaction } from "../src/server/context.js";
import { ownCpuSeconds, serverCpuSeconds } from "./cpu.js";
import { arrayLiteral, copyFrom, copyText } from "./pg-copy.js";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const CHUNK = 2000;

/** First versions of every distinct record in the folder, prepared as the pipeline prepares them. */
async function prepare(deps: IntakeDeps, dir: string): Promise<NewVersion[]> {
  const out: NewVersion[] = [];
  const seen = new Set<string>();
  const now = new Date();
  for await (const { file, channel } of readFolder(dir)) {
    for await (const row of readRows(file, { channel })) {
      if (row.channel === null || row.error || !row.fields) continue;
      const mapped = FORMATS[row.channel].map(row.fields);
      if (!mapped.ok) continue;
      const std = standardise(row.channel, mapped.draft, { resolveAddress: deps.resolveAddress, now });
      if (!std.ok) continue;
      const key = `${row.channel}\u0000${std.record.externalId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const code = std.record.place.code;
      out.push({
        record: std.record,
        version: 1,
        contentHash: deps.cipher.hash(`${row.channel}\u0000${row.text}`),
        rawText: row.text,
        origin: row.origin,
        regionNodeId: code ? (deps.regionIds.get(code) ?? null) : null,
      });
    }
  }
  return out;
}

const line = (cells: unknown[]) => cells.map(copyText).join("\t") + "\n";

/** The same rows persist.writeVersions writes, by COPY, with ids drawn from the sequences first. */
async function writeByCopy(client: pg.PoolClient, cipher: Cipher, batchId: number, versions: NewVersion[]) {
  const ids = async (seq: string) =>
    (await client.query<{ id: string }>(`SELECT nextval('${seq}') AS id FROM generate_series(1, $1)`, [versions.length])).rows.map((r) => r.id);
  const rawIds = await ids("raw_records_id_seq");
  const recordIds = await ids("records_id_seq");
  let raw = "";
  let recs = "";
  let people = "";
  versions.forEach((v, i) => {
    const r = v.record;
    raw += line([rawIds[i], r.channel, r.externalId, v.version, v.contentHash, cipher.encrypt(v.rawText), batchId, JSON.stringify(v.origin)]);
    recs += line([
      recordIds[i], rawIds[i], r.channel, r.externalId, v.version, r.reportedAt, r.narrative, r.narrativeKey, arrayLiteral(r.categoryWords),
      r.amount, r.peopleCount, r.addressText, r.place.normalised || null, v.regionNodeId, r.place.status, r.place.confidence,
      arrayLiteral(r.place.evidence), JSON.stringify(r.extra), arrayLiteral(r.flags),
    ]);
    for (const p of r.people) {
      const phoneValid = p.phoneStatus === "mobile" || p.phoneStatus === "landline";
      people += line([
        recordIds[i], p.role, p.name, p.nameKey, p.titleOnly, p.isOrganisation,
        p.idNumber ? cipher.encrypt(p.idNumber) : null,
        p.idStatus === "full" ? cipher.hash(p.idNumber!) : null,
        p.idNumber ? (p.idStatus === "masked" ? p.idNumber : maskIdNumber(p.idNumber)) : null,
        p.idPartialKey ? cipher.hash(`partial:${p.idPartialKey}`) : null,
        p.idStatus, p.phone ? cipher.encrypt(p.phone) : null, phoneValid ? cipher.hash(p.phone!) : null,
        p.phone ? maskPhone(p.phone) : null, p.phoneStatus, p.companyName, p.creditCode, p.creditCodeValid, p.addressText,
      ]);
    }
  });
  await copyFrom(client, "raw_records", ["id", "channel", "external_id", "version", "content_hash", "raw_enc", "batch_id", "origin"], Buffer.from(raw));
  await copyFrom(client, "records", [
    "id", "raw_record_id", "channel", "external_id", "version", "reported_at", "narrative", "narrative_key", "category_words", "amount",
    "people_count", "address_text", "address_normalised", "region_node_id", "address_status", "address_confidence", "address_evidence", "extra", "flags",
  ], Buffer.from(recs));
  await copyFrom(client, "record_people", [
    "record_id", "role", "name", "name_key", "title_only", "is_organisation", "id_number_enc", "id_number_hash", "id_number_masked",
    "id_partial_hash", "id_status", "phone_enc", "phone_hash", "phone_masked", "phone_status", "company_name", "credit_code", "credit_code_valid", "address_text",
  ], Buffer.from(people));
}

const SECONDARY_INDEXES = `
  SELECT string_agg(format('DROP INDEX %I', i.relname), '; ')
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
   WHERE t.relname IN ('raw_records', 'records', 'record_people') AND NOT x.indisunique AND NOT x.indisprimary`;

async function main() {
  const argv = process.argv.slice(2);
  const records = Number(argv[argv.indexOf("--records") + 1] || 100_000) || 100_000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-write-paths-"));
  fs.chmodSync(work, 0o755);
  const delivery = path.join(work, "delivery");
  execFileSync(process.execPath, ["--import", "tsx", path.join(BENCH_DIR, "generate.ts"), "--out", delivery, "--records", String(records)], { cwd: path.resolve(BENCH_DIR, ".."), stdio: ["ignore", "ignore", "inherit"] });
  fs.mkdirSync(path.join(work, "pg"), { mode: 0o755 });
  const server = await startEmbedded({ dataDir: path.join(work, "pg") });
  try {
    const admin = new pg.Client(server.url("postgres"));
    await admin.connect();
    await admin.query("CREATE DATABASE bench_template");
    const cipher = createCipher(crypto.randomBytes(32));
    const templateDb = createDb(server.url("bench_template"), 2);
    await applyMigrations(templateDb);
    await inTransaction({ db: templateDb, cipher }, { actor: { kind: "system", label: "bench" }, correlationId: crypto.randomUUID() }, (ctx) =>
      importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH)),
    );
    const deps = await loadIntakeDeps(templateDb, cipher);
    const versions = await prepare(deps, delivery);
    await closeDb(templateDb);
    console.log(`${versions.length.toLocaleString("en-US")} distinct records prepared; chunks of ${CHUNK}, one transaction each\n`);

    const variants = [
      { name: "insert … unnest (today)", copy: false, dropIndexes: false },
      { name: "insert … unnest, no secondary indexes", copy: false, dropIndexes: true },
      { name: "COPY, ids drawn first", copy: true, dropIndexes: false },
      { name: "COPY, no secondary indexes", copy: true, dropIndexes: true },
    ];
    const rows: string[][] = [["variant", "seconds", "records/s", "node µs/rec", "PostgreSQL µs/rec", "WAL MB"]];
    for (const [k, variant] of variants.entries()) {
      const name = `bench_variant_${k}`;
      await admin.query(`CREATE DATABASE ${name} TEMPLATE bench_template`);
      const client = new pg.Client(server.url(name));
      await client.connect();
      if (variant.dropIndexes) {
        const { rows: drop } = await client.query<{ string_agg: string | null }>(SECONDARY_INDEXES);
        if (drop[0].string_agg) await client.query(drop[0].string_agg);
      }
      if (variant.copy) {
        await client.query("ALTER TABLE raw_records ALTER COLUMN id SET GENERATED BY DEFAULT");
        await client.query("ALTER TABLE records ALTER COLUMN id SET GENERATED BY DEFAULT");
      }
      const batchId = Number((await client.query(`INSERT INTO intake_batches (source, actor_label) VALUES ('file', 'bench') RETURNING id`)).rows[0].id);
      const wal = (await client.query("SELECT pg_current_wal_lsn()::text AS l")).rows[0].l as string;
      const node0 = ownCpuSeconds();
      const pg0 = serverCpuSeconds(server.dataDir) ?? 0;
      const t0 = performance.now();
      for (let i = 0; i < versions.length; i += CHUNK) {
        const chunk = versions.slice(i, i + CHUNK);
        await client.query("BEGIN");
        if (variant.copy) await writeByCopy(client as unknown as pg.PoolClient, cipher, batchId, chunk);
        else await writeVersions(client as unknown as pg.PoolClient, cipher, batchId, chunk);
        await client.query("COMMIT");
      }
      const seconds = (performance.now() - t0) / 1000;
      const nodeCpu = ownCpuSeconds() - node0;
      const pgCpu = (serverCpuSeconds(server.dataDir) ?? 0) - pg0;
      const walBytes = Number((await client.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS b", [wal])).rows[0].b);
      await client.end();
      const us = (s: number) => ((s * 1e6) / versions.length).toFixed(0);
      rows.push([variant.name, seconds.toFixed(1), Math.round(versions.length / seconds).toLocaleString("en-US"), us(nodeCpu), us(pgCpu), (walBytes / 1048576).toFixed(0)]);
      console.error(`  ${variant.name}: ${seconds.toFixed(1)} s`);
    }
    await admin.end();
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   "));
    console.log(`\nload average at the end: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
