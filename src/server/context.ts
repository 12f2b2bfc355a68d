// The one context object every command takes: who acts, in which transaction, at what time.
import type { Tx, Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import type { Action } from "../accounts/permissions.js";
import type { Role } from "../accounts/roles.js";
import type { IntakeDeps } from "../intake/ingest.js";

export type Actor =
  | {
      kind: "account";
      id: number;
      username: string;
      displayName: string;
      role: Role;
      unitId: number | null;
      regionNodeId: number;
      /** Materialised path of the account's scope root. */
      regionPath: string;
      sessionId: string | null;
    }
  | {
      kind: "token";
      id: number;
      name: string;
      scopes: Action[];
      channel: string | null;
      unitId: number | null;
      regionNodeId: number;
      regionPath: string;
    }
  | { kind: "system"; label: string }
  | { kind: "anonymous" };

export interface Ctx {
  actor: Actor;
  tx: Tx;
  now: Date;
  correlationId: string;
  ip: string | undefined;
  cipher: Cipher;
}

export interface Services {
  db: Db;
  cipher: Cipher;
  /** The intake pipeline's resolver and lookups, built once and rebuilt after a registry import or a learned alias. */
  intake: { get: () => Promise<IntakeDeps>; invalidate: () => void };
  /** Forms cases for new records in the background (see cases/formation/former.ts). */
  cases: { trigger: () => void };
}

/** Runs `work` in one transaction with a context; the audit rows it writes commit or roll back with it. */
export async function inTransaction<T>(
  services: Pick<Services, "db" | "cipher">,
  base: { actor: Actor; correlationId: string; ip?: string },
  work: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return services.db.transaction(async (tx) =>
    work({ actor: base.actor, tx, now: new Date(), correlationId: base.correlationId, ip: base.ip, cipher: services.cipher }),
  );
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "account":
      return `${actor.displayName} (${actor.username})`;
    case "token":
      return `token:${actor.name}`;
    case "system":
      return `system:${actor.label}`;
    case "anonymous":
      return "anonymous";
  }
}
