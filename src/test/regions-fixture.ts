// The real region tree of 古塘街道 in a test database: the shipped registry, imported as the CLI would.
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH, type ImportSummary } from "../regions/import-registry.js";
import type { Registry } from "../regions/registry-format.js";
import type { TestDatabase } from "./db.js";

let shipped: Registry | undefined;

/** The shipped registry, parsed once per test file. Treat it as read-only: copy it (structuredClone) to change it. */
export function shippedRegistry(): Registry {
  shipped ??= loadRegistryFile(SHIPPED_REGISTRY_PATH);
  return shipped;
}

/** Imports the shipped registry: 33 → 3302 → 330282 → 330282006, 16 communities, 113 grids, 609 micro-grids. */
export async function seedRegionTree(t: TestDatabase): Promise<ImportSummary> {
  return t.db.transaction((tx) =>
    importRegistry(
      { actor: { kind: "system", label: "test" }, tx, now: new Date(), correlationId: "test", ip: undefined, cipher: t.cipher },
      shippedRegistry(),
    ),
  );
}
