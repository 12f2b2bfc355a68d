// Login sessions stored in PostgreSQL: idle timeout 30 minutes, absolute timeout 12 hours.
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { AppError } from "../errors/catalogue.js";
import { regionNodes } from "../regions/schema.js";
import type { Actor } from "../server/context.js";
import { accounts, sessions } from "./schema.js";

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 30 * 1000;

export const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export async function createSession(db: DbOrTx, accountId: number, now: Date, meta: { ip?: string; userAgent?: string }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const csrfToken = crypto.randomBytes(24).toString("base64url");
  const id = sha256(token);
  await db.insert(sessions).values({
    id,
    accountId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, sessionId: id };
}

export interface ResolvedSession {
  actor: Extract<Actor, { kind: "account" }>;
  csrfToken: string;
}

/** The account behind a session cookie, or an error saying why not (expired, disabled …). */
export async function resolveSession(db: DbOrTx, token: string, now: Date): Promise<ResolvedSession> {
  const id = sha256(token);
  const [row] = await db
    .select({ session: sessions, account: accounts, regionPath: regionNodes.path })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(eq(sessions.id, id));
  if (!row || row.session.endedAt) throw new AppError("UNAUTHENTICATED");
  const { session, account } = row;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  const expired = now >= session.expiresAt;
  if (idle || expired || account.disabledAt) {
    await endSession(db, id, account.disabledAt ? "disabled" : idle ? "idle" : "expired", now);
    throw new AppError(account.disabledAt ? "UNAUTHENTICATED" : "SESSION_EXPIRED");
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    csrfToken: session.csrfToken,
    actor: {
      kind: "account",
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unitId,
      regionNodeId: account.regionNodeId,
      regionPath: row.regionPath,
      sessionId: id,
    },
  };
}

export async function endSession(db: DbOrTx, sessionId: string, reason: string, now: Date) {
  await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endAllSessions(db: DbOrTx, accountId: number, reason: string, now: Date) {
  await db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)));
}
