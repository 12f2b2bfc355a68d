// The database handle: a pg pool wrapped by drizzle. One per process (tests make one per database).
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.js";

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; commands take this so that their writes and their audit rows commit together. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

// timestamptz and dates come back as JS Dates; bigint counts as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "tongban" });
  pool.on("error", () => {
    /* idle client errors (server restart) surface on the next query */
  });
  return drizzle(pool, { schema, casing: "snake_case" }) as Db;
}

export async function closeDb(db: Db) {
  await db.$client.end();
}
