// Database helpers for the intake tests: a seeded database with intake deps, row counts and a comparable snapshot.
import type { TestDatabase } from "../../test/db.js";
import { createTestDatabase } from "../../test/db.js";
import { seedRegionTree } from "../../test/regions-fixture.js";
import { loadIntakeDeps } from "../deps.js";
import type { IntakeDeps } from "../ingest.js";

export interface IntakeDb {
  t: TestDatabase;
  deps: IntakeDeps;
}

/** A fresh database with the street's region tree, and the intake deps built on it. */
export async function seededIntakeDb(): Promise<IntakeDb> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  return { t, deps: await loadIntakeDeps(t.db, t.cipher) };
}

export const INTAKE_TABLES = ["raw_records", "records", "record_people", "quarantined_rows"] as const;

export async function tableCounts(t: TestDatabase): Promise<Record<(typeof INTAKE_TABLES)[number], number>> {
  const { rows } = await t.db.$client.query<Record<string, number>>(
    `SELECT ${INTAKE_TABLES.map((n) => `(SELECT count(*)::int FROM ${n}) AS ${n}`).join(", ")}`,
  );
  return rows[0] as Record<(typeof INTAKE_TABLES)[number], number>;
}

/** What intake decided, without ids or times: comparable between two databases fed the same rows. */
export async function intakeState(t: TestDatabase) {
  const records = await t.db.$client.query(
    `SELECT r.channel, r.external_id, r.version, r.is_current, r.reported_at, r.narrative, r.narrative_key, r.category_words,
            r.amount, r.people_count, r.address_text, r.address_status, n.code AS region, r.flags,
            (SELECT json_agg(json_build_object('role', p.role, 'name', p.name, 'id', p.id_status, 'phone', p.phone_status,
                     'credit', p.credit_code, 'masked', p.id_number_masked) ORDER BY p.role, p.name) FROM record_people p WHERE p.record_id = r.id) AS people
       FROM records r LEFT JOIN region_nodes n ON n.id = r.region_node_id
      ORDER BY r.channel, r.external_id, r.version`,
  );
  const quarantined = await t.db.$client.query(
    `SELECT channel, reason, message, status FROM quarantined_rows ORDER BY channel, reason, message`,
  );
  return { records: records.rows, quarantined: quarantined.rows };
}

/** One record's row with its region code and people, `version` current unless given. */
export async function recordOf(t: TestDatabase, channel: string, externalId: string, version?: number) {
  const { rows } = await t.db.$client.query(
    `SELECT r.*, n.code AS region_code FROM records r LEFT JOIN region_nodes n ON n.id = r.region_node_id
      WHERE r.channel = $1 AND r.external_id = $2 AND ($3::int IS NULL AND r.is_current OR r.version = $3::int)`,
    [channel, externalId, version ?? null],
  );
  if (rows.length !== 1) throw new Error(`expected one record ${channel}/${externalId}, found ${rows.length}`);
  const people = await t.db.$client.query(`SELECT * FROM record_people WHERE record_id = $1 ORDER BY id`, [rows[0].id]);
  return { ...rows[0], people: people.rows };
}
