// What the intake pipeline needs from the database, built once and rebuilt when the tree or aliases change:
// the address resolver (with learned aliases) and region ids by code.
import { eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import type { AddressResolverInput } from "../regions/address/address-index.js";
import { loadResolverInput } from "../regions/address/load.js";
import { createAddressResolver } from "../regions/address/resolver.js";
import { addressAliases, regionNodes } from "../regions/schema.js";
import type { IntakeDeps, PrepareDeps } from "./ingest.js";

/** The data a resolver and the region ids are built from: plain, so that a worker thread can build its own. */
export interface PrepareData {
  resolverInput: AddressResolverInput;
  regionIds: [code: string, id: number][];
}

export async function loadPrepareData(db: Db): Promise<PrepareData> {
  const aliases = await db
    .select({ alias: addressAliases.alias, code: regionNodes.code })
    .from(addressAliases)
    .innerJoin(regionNodes, eq(regionNodes.id, addressAliases.regionNodeId));
  const nodes = await db.select({ id: regionNodes.id, code: regionNodes.code }).from(regionNodes).where(isNull(regionNodes.retiredAt));
  return { resolverInput: await loadResolverInput(db, aliases), regionIds: nodes.map((n) => [n.code, n.id]) };
}

export function prepareDeps(cipher: Cipher, data: PrepareData): PrepareDeps {
  const resolver = createAddressResolver(data.resolverInput);
  return { cipher, resolveAddress: (text) => resolver.resolve(text), regionIds: new Map(data.regionIds) };
}

export async function loadIntakeDeps(db: Db, cipher: Cipher): Promise<IntakeDeps> {
  return { db, ...prepareDeps(cipher, await loadPrepareData(db)) };
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
