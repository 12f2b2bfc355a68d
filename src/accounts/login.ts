// Logging in: password check, lockout after 5 failures for 15 minutes, a new session.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Ctx } from "../server/context.js";
import { dummyHash, verifyPassword } from "./passwords.js";
import { accounts } from "./schema.js";
import { createSession } from "./sessions.js";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export interface LoginResult {
  token: string;
  csrfToken: string;
  accountId: number;
}

/**
 * Returns the new session, or throws INVALID_CREDENTIALS / ACCOUNT_LOCKED / ACCOUNT_DISABLED.
 * Failed attempts are counted even though the error rolls back the caller's transaction: the counter and its
 * audit rows are committed through `ctx.tx` before the throw, so the route must commit before answering
 * (see login route: it returns the failure as a value and throws after the commit).
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent?: string },
): Promise<LoginResult | { failure: "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "ACCOUNT_DISABLED" }> {
  const [account] = await ctx.tx.select().from(accounts).where(eq(accounts.username, input.username)).for("update");
  if (!account) {
    await verifyPassword(await dummyHash(), input.password);
    await recordAudit(ctx, { action: "session.login_failed", subjectType: "account", newValues: { username: input.username, reason: "unknown" } });
    return { failure: "INVALID_CREDENTIALS" };
  }
  const subject = { subjectType: "account", subjectId: account.id } as const;
  if (account.lockedUntil && account.lockedUntil > ctx.now) {
    await recordAudit(ctx, { action: "session.login_failed", ...subject, newValues: { reason: "locked" } });
    return { failure: "ACCOUNT_LOCKED" };
  }
  const ok = await verifyPassword(account.passwordHash, input.password);
  if (!ok) {
    const failed = account.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.tx
      .update(accounts)
      .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(ctx.now.getTime() + LOCK_MS) : account.lockedUntil })
      .where(eq(accounts.id, account.id));
    await recordAudit(ctx, { action: "session.login_failed", ...subject, newValues: { reason: "password", failedLogins: failed } });
    if (lock) await recordAudit(ctx, { action: "session.locked", ...subject, newValues: { minutes: LOCK_MS / 60000 } });
    return { failure: lock ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS" };
  }
  if (account.disabledAt) {
    await recordAudit(ctx, { action: "session.login_failed", ...subject, newValues: { reason: "disabled" } });
    return { failure: "ACCOUNT_DISABLED" };
  }
  await ctx.tx
    .update(accounts)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: ctx.now, updatedAt: sql`${accounts.updatedAt}` })
    .where(eq(accounts.id, account.id));
  const session = await createSession(ctx.tx, account.id, ctx.now, { ip: ctx.ip, userAgent: input.userAgent });
  await recordAudit({ ...ctx, actor: { kind: "account", id: account.id, username: account.username, displayName: account.displayName, role: account.role, unitId: account.unitId, regionNodeId: account.regionNodeId, regionPath: "", sessionId: session.sessionId } }, { action: "session.login", ...subject });
  return { token: session.token, csrfToken: session.csrfToken, accountId: account.id };
}

export function loginFailed(result: Awaited<ReturnType<typeof login>>): result is { failure: "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "ACCOUNT_DISABLED" } {
  return "failure" in result;
}

