// A database of one's own for a test file: a clone of the migrated template made by global-setup.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, closeDb, type Db } from "../db/client.js";
import { createCipher, type Cipher } from "../personal-data/cipher.js";

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  cipher: Cipher;
  close: () => Promise<void>;
}

export function databaseUrl(name: string): string {
  const u = new URL(inject("adminUrl"));
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty, migrated database (cloned from the template). */
export async function createTestDatabase(template = inject("templateDb")): Promise<TestDatabase> {
  const name = `tongban_t_${inject("runId")}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client(inject("adminUrl"));
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const db = createDb(url, 5);
  return { db, url, name, cipher: createCipher(crypto.randomBytes(32)), close: () => closeDb(db) };
}
