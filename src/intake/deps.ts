// What the intake pipeline needs from the database, built once and rebuilt when the tree or aliases change:
// the address resolver (with learned aliases) and region ids by code.
import { eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import { loadAddressResolver } from "../regions/address/load.js";
import { addressAliases, regionNodes } from "../regions/schema.js";
import type { IntakeDeps } from "./ingest.js";

export async function loadIntakeDeps(db: Db, cipher: Cipher): Promise<IntakeDeps> {
  const aliasRows = await db
    .select({ alias: addressAliases.alias, code: regionNodes.code })
    .from(addressAliases)
    .innerJoin(regionNodes, eq(regionNodes.id, addressAliases.regionNodeId));
  const resolver = await loadAddressResolver(db, { aliases: aliasRows });
  const nodes = await db.select({ id: regionNodes.id, code: regionNodes.code }).from(regionNodes).where(isNull(regionNodes.retiredAt));
  return { db, cipher, resolveAddress: (text) => resolver.resolve(text), regionIds: new Map(nodes.map((n) => [n.code, n.id])) };
}

/** One cached set per process; `invalidate()` after a registry import or a learned alias. */
export function intakeDepsCache(db: Db, cipher: Cipher) {
  let current: Promise<IntakeDeps> | undefined;
  return {
    get: () => (current ??= loadIntakeDeps(db, cipher).catch((err) => ((current = undefined), Promise.reject(err)))),
    invalidate: () => {
      current = undefined;
    },
  };
}
