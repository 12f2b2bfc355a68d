import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { applyMigrations } from "./migrate.js";

describe("applyMigrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("is idempotent: a second run on a migrated database changes nothing", async () => {
    await applyMigrations(t.db);
    const { rows } = await t.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("creates pg_trgm and makes region paths byte-ordered", async () => {
    const ext = await t.db.execute(sql`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(ext.rows).toHaveLength(1);
    const col = await t.db.execute(sql`SELECT collation_name FROM information_schema.columns WHERE table_name = 'region_nodes' AND column_name = 'path'`);
    expect(col.rows[0].collation_name).toBe("C");
  });
});
