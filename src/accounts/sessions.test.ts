import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, TEST_PASSWORD, type Session, type TestApp } from "../test/app.js";

describe("sessions", () => {
  let h: TestApp;
  let admin: Session;
  beforeAll(async () => {
    h = await createTestApp();
    admin = await login(h.app, (await createAccount(h.t, "admin", "330282006")).username);
  });
  afterAll(() => h.close());

  const me = (s: Pick<Session, "cookie">) => h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: s.cookie } });
  const shiftSession = (accountId: number, column: "last_seen_at" | "expires_at", interval: string) =>
    h.t.db.$client.query(`UPDATE sessions SET ${column} = ${column} - $2::interval WHERE account_id = $1`, [accountId, interval]);
  const setLastSeen = (accountId: number, ago: string) =>
    h.t.db.$client.query("UPDATE sessions SET last_seen_at = now() - $2::interval WHERE account_id = $1", [accountId, ago]);

  async function policeSession() {
    const account = await createAccount(h.t, "police", "330282006", "GT-PCS");
    return { account, session: await login(h.app, account.username) };
  }

  describe("idle timeout", () => {
    it("ends a session left idle for 31 minutes with SESSION_EXPIRED, and it stays ended", async () => {
      const { account, session } = await policeSession();
      await setLastSeen(account.id, "31 minutes");
      const res = await me(session);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("SESSION_EXPIRED");
      // Activity afterwards does not revive it.
      await setLastSeen(account.id, "0 minutes");
      expect((await me(session)).statusCode).toBe(401);
    });

    it("keeps a session idle for 29 minutes, and the request restarts the idle clock", async () => {
      const { account, session } = await policeSession();
      await setLastSeen(account.id, "29 minutes");
      expect((await me(session)).statusCode).toBe(200);
      // Another 29 idle minutes after that request: 29 since the last activity, not 58.
      await shiftSession(account.id, "last_seen_at", "29 minutes");
      const res = await me(session);
      expect(res.statusCode).toBe(200);
      expect(res.json().me.username).toBe(account.username);
    });
  });

  describe("absolute timeout", () => {
    it("lasts 12 hours from login however active the session is", async () => {
      const { account } = await policeSession();
      const { rows } = await h.t.db.$client.query(
        "SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM sessions WHERE account_id = $1",
        [account.id],
      );
      expect(rows).toEqual([{ seconds: 12 * 3600 }]);
    });

    it("refuses a session past its expiry even though it was just used", async () => {
      const { account, session } = await policeSession();
      expect((await me(session)).statusCode).toBe(200);
      await h.t.db.$client.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1", [account.id]);
      const res = await me(session);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("SESSION_EXPIRED");
    });
  });

  describe("logout", () => {
    it("ends the session: the old cookie, re-sent, no longer works", async () => {
      const { session } = await policeSession();
      const out = await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: session.headers });
      expect(out.statusCode).toBe(200);
      const cleared = out.cookies.find((c) => c.name === "tb_session");
      expect(cleared?.value).toBe("");
      const again = await me(session);
      expect(again.statusCode).toBe(401);
      expect(again.json().error.code).toBe("UNAUTHENTICATED");
      const cases = await h.app.inject({ method: "GET", url: "/api/cases", headers: session.headers });
      expect(cases.statusCode).toBe(401);
    });

    it("ends only that session: the same account's other login keeps working", async () => {
      const { account, session } = await policeSession();
      const other = await login(h.app, account.username);
      await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: session.headers });
      expect((await me(session)).statusCode).toBe(401);
      expect((await me(other)).statusCode).toBe(200);
    });
  });

  describe("disabling an account", () => {
    it("ends its live sessions at once and refuses new logins with ACCOUNT_DISABLED", async () => {
      const { account, session } = await policeSession();
      const second = await login(h.app, account.username);
      expect((await me(session)).statusCode).toBe(200);

      const patch = await h.app.inject({ method: "PATCH", url: `/api/accounts/${account.id}`, headers: admin.headers, payload: { disabled: true } });
      expect(patch.statusCode).toBe(200);
      expect(patch.json().disabled).toBe(true);

      for (const s of [session, second]) {
        const res = await h.app.inject({ method: "GET", url: "/api/cases", headers: s.headers });
        expect(res.statusCode).toBe(401);
      }
      const relogin = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: account.username, password: TEST_PASSWORD } });
      expect(relogin.statusCode).toBe(403);
      expect(relogin.json().error.code).toBe("ACCOUNT_DISABLED");
      expect(relogin.cookies.find((c) => c.name === "tb_session")).toBeUndefined();
    });

    it("lets the account log in again once re-enabled", async () => {
      const { account } = await policeSession();
      await h.app.inject({ method: "PATCH", url: `/api/accounts/${account.id}`, headers: admin.headers, payload: { disabled: true } });
      await h.app.inject({ method: "PATCH", url: `/api/accounts/${account.id}`, headers: admin.headers, payload: { disabled: false } });
      expect((await me(await login(h.app, account.username))).statusCode).toBe(200);
    });
  });

  describe("changing an account's role or scope", () => {
    it("ends its sessions, so the new permissions start from a fresh login", async () => {
      const { account, session } = await policeSession();
      const patch = await h.app.inject({ method: "PATCH", url: `/api/accounts/${account.id}`, headers: admin.headers, payload: { role: "mediator" } });
      expect(patch.statusCode).toBe(200);
      expect((await me(session)).statusCode).toBe(401);
      expect((await me(await login(h.app, account.username))).json().me.role).toBe("mediator");
    });

    it("leaves sessions alone when only the display name changes", async () => {
      const { account, session } = await policeSession();
      await h.app.inject({ method: "PATCH", url: `/api/accounts/${account.id}`, headers: admin.headers, payload: { displayName: "改名民警" } });
      expect((await me(session)).json().me.displayName).toBe("改名民警");
    });
  });

  describe("password reset", () => {
    it("ends the account's sessions; only the new password logs in", async () => {
      const { account, session } = await policeSession();
      const reset = await h.app.inject({
        method: "POST",
        url: `/api/accounts/${account.id}/password`,
        headers: admin.headers,
        payload: { password: "brand-new-pass-9" },
      });
      expect(reset.statusCode).toBe(200);
      expect((await me(session)).statusCode).toBe(401);

      const old = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: account.username, password: TEST_PASSWORD } });
      expect(old.json().error.code).toBe("INVALID_CREDENTIALS");
      expect((await me(await login(h.app, account.username, "brand-new-pass-9"))).statusCode).toBe(200);
    });
  });

  describe("storage", () => {
    it("keeps only a hash of the cookie token: the raw value appears nowhere in the sessions table", async () => {
      const { account, session } = await policeSession();
      const raw = /tb_session=([^;]+)/.exec(session.cookie)![1];
      expect(raw.length).toBeGreaterThan(20);
      const { rows } = await h.t.db.$client.query<{ row: string }>("SELECT s::text AS row FROM sessions s");
      expect(rows.length).toBeGreaterThan(0);
      for (const { row } of rows) expect(row).not.toContain(raw);
      // … yet that cookie is how the session is found.
      expect((await me(session)).json().me.id).toBe(account.id);
    });
  });
});
