import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, TEST_PASSWORD, type Session, type TestApp } from "../test/app.js";

describe("login lockout", () => {
  let h: TestApp;
  let admin: Session;
  beforeAll(async () => {
    h = await createTestApp();
    admin = await login(h.app, (await createAccount(h.t, "admin", "330282006")).username);
  });
  afterAll(() => h.close());

  const attempt = (username: string, password: string) =>
    h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const newAccount = () => createAccount(h.t, "street_centre", "330282006", "GT-SZZX");
  async function failTimes(username: string, n: number) {
    const codes: string[] = [];
    for (let i = 0; i < n; i++) codes.push((await attempt(username, `wrong-${i}-password`)).json().error.code);
    return codes;
  }
  const accountRow = async (id: number) =>
    (await h.t.db.$client.query("SELECT failed_logins, locked_until FROM accounts WHERE id = $1", [id])).rows[0];
  const auditFor = async (id: number) =>
    (
      await h.t.db.$client.query<{ action: string; new_values: Record<string, unknown>; actor_kind: string }>(
        "SELECT action, new_values, actor_kind FROM audit_events WHERE subject_type = 'account' AND subject_id = $1 ORDER BY id",
        [String(id)],
      )
    ).rows;

  it("locks the account on the 5th wrong password with 423 ACCOUNT_LOCKED", async () => {
    const a = await newAccount();
    expect(await failTimes(a.username, 4)).toEqual(Array(4).fill("INVALID_CREDENTIALS"));
    const fifth = await attempt(a.username, "still-wrong-1");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({ code: "ACCOUNT_LOCKED", message: "登录失败次数过多，账号已锁定15分钟" });
    const { locked_until } = await accountRow(a.id);
    const minutes = (new Date(locked_until).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("refuses the correct password while locked, without a session", async () => {
    const a = await newAccount();
    await failTimes(a.username, 5);
    const res = await attempt(a.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe("ACCOUNT_LOCKED");
    expect(res.cookies.find((c) => c.name === "tb_session")).toBeUndefined();
  });

  it("accepts the correct password once the lock time has passed, with the counter starting afresh", async () => {
    const a = await newAccount();
    await failTimes(a.username, 5);
    await h.t.db.$client.query("UPDATE accounts SET locked_until = now() - interval '1 second' WHERE id = $1", [a.id]);
    const res = await attempt(a.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(await accountRow(a.id)).toEqual({ failed_logins: 0, locked_until: null });
    // A fresh counter: four more mistakes are not enough to lock again.
    expect(await failTimes(a.username, 4)).toEqual(Array(4).fill("INVALID_CREDENTIALS"));
  });

  it("resets the counter on a successful login, so failures must be consecutive to lock", async () => {
    const a = await newAccount();
    await failTimes(a.username, 4);
    await login(h.app, a.username);
    expect(await failTimes(a.username, 4)).toEqual(Array(4).fill("INVALID_CREDENTIALS"));
    expect((await attempt(a.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("records failed attempts and the lock in the audit trail although the requests failed", async () => {
    const a = await newAccount();
    await failTimes(a.username, 5);
    await attempt(a.username, TEST_PASSWORD);
    const events = await auditFor(a.id);
    expect(events.map((e) => e.action)).toEqual([
      ...Array(5).fill("session.login_failed"),
      "session.locked",
      "session.login_failed",
    ]);
    expect(events.slice(0, 5).map((e) => e.new_values)).toEqual([1, 2, 3, 4, 5].map((n) => ({ reason: "password", failedLogins: n })));
    expect(events[6].new_values).toEqual({ reason: "locked" });
    expect(events.every((e) => e.actor_kind === "anonymous")).toBe(true);
  });

  it("records a failed login for an unknown username, answering like a wrong password", async () => {
    const res = await attempt("nobody-here", "whatever-pass");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("INVALID_CREDENTIALS");
    const { rows } = await h.t.db.$client.query(
      "SELECT new_values FROM audit_events WHERE action = 'session.login_failed' AND new_values->>'username' = 'nobody-here'",
    );
    expect(rows).toEqual([{ new_values: { username: "nobody-here", reason: "unknown" } }]);
  });

  it("lets an admin clear a lock with PATCH {unlock: true}", async () => {
    const a = await newAccount();
    await failTimes(a.username, 5);
    const listed = await h.app.inject({ method: "GET", url: "/api/accounts", headers: admin.headers });
    expect(listed.json().items.find((x: { id: number }) => x.id === a.id).locked).toBe(true);

    const res = await h.app.inject({ method: "PATCH", url: `/api/accounts/${a.id}`, headers: admin.headers, payload: { unlock: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().locked).toBe(false);
    expect((await attempt(a.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe("login rate limit", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp({ loginRateLimit: { max: 3, timeWindow: 60_000 } });
  });
  afterAll(() => h.close());

  it("answers the 4th login from the same IP within the window with 429 RATE_LIMITED, other IPs unaffected", async () => {
    const a = await createAccount(h.t, "police", "330282006", "GT-PCS");
    const from = (remoteAddress: string, password = TEST_PASSWORD) =>
      h.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress, payload: { username: a.username, password } });
    expect((await from("10.0.0.1")).statusCode).toBe(200);
    expect((await from("10.0.0.1", "wrong-password")).statusCode).toBe(401);
    expect((await from("10.0.0.1")).statusCode).toBe(200);
    const fourth = await from("10.0.0.1");
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe("RATE_LIMITED");
    expect(fourth.cookies.find((c) => c.name === "tb_session")).toBeUndefined();
    expect((await from("10.0.0.2")).statusCode).toBe(200);
  });

  it("does not count a refused (rate-limited) attempt as a wrong password", async () => {
    const a = await createAccount(h.t, "police", "330282006", "GT-PCS");
    for (let i = 0; i < 6; i++) {
      await h.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: "10.0.0.9", payload: { username: a.username, password: "wrong-pass" } });
    }
    const { rows } = await h.t.db.$client.query("SELECT failed_logins, locked_until FROM accounts WHERE id = $1", [a.id]);
    expect(rows).toEqual([{ failed_logins: 3, locked_until: null }]);
  });
});
