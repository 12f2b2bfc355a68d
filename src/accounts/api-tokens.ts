// API tokens for machine clients (a channel's push integration). Only a SHA-256 of the token is stored.
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor } from "../server/context.js";
import type { Action } from "./permissions.js";
import { apiTokens } from "./schema.js";
import { sha256 } from "./sessions.js";

export const TOKEN_PREFIX = "tb_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + crypto.randomBytes(30).toString("base64url");
}

export async function resolveApiToken(db: DbOrTx, token: string, now: Date): Promise<Extract<Actor, { kind: "token" }>> {
  const [row] = await db
    .select({ token: apiTokens, regionPath: regionNodes.path })
    .from(apiTokens)
    .innerJoin(regionNodes, eq(regionNodes.id, apiTokens.regionNodeId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row) throw new AppError("UNAUTHENTICATED");
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  return {
    kind: "token",
    id: row.token.id,
    name: row.token.name,
    scopes: row.token.scopes as Action[],
    channel: row.token.channel,
    unitId: row.token.unitId,
    regionNodeId: row.token.regionNodeId,
    regionPath: row.regionPath,
  };
}
