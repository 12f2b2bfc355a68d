import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../server/app.js";
import { createAccount, createTestApp, login, type Session, type TestApp } from "../test/app.js";

let h: TestApp;
let admin: Session;
let police: Session;
beforeAll(async () => {
  h = await createTestApp();
  admin = await login(h.app, (await createAccount(h.t, "admin", "330282006")).username);
  police = await login(h.app, (await createAccount(h.t, "police", "330282006", "GT-PCS")).username);
});
afterAll(() => h.close());

const unitCount = async (code: string) =>
  (await h.t.db.$client.query("SELECT count(*)::int AS n FROM units WHERE code = $1", [code])).rows[0].n as number;
const newUnit = (code: string) => ({ code, name: "测试调解工作室", kind: "mediation_studio", regionCode: "330282006001" });
const me = (cookie: string) => h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

describe("CSRF protection of cookie-authenticated writes", () => {
  it.each([
    ["without x-csrf-token", undefined],
    ["with a wrong x-csrf-token", "not-the-token"],
    ["with an empty x-csrf-token", ""],
  ])("refuses POST /api/units %s with 403 CSRF_FAILED and creates nothing", async (_label, token) => {
    const code = `CSRF-${Math.random().toString(36).slice(2, 8)}`;
    const headers: Record<string, string> = { cookie: admin.cookie, ...(token === undefined ? {} : { "x-csrf-token": token }) };
    const res = await h.app.inject({ method: "POST", url: "/api/units", headers, payload: newUnit(code) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF_FAILED");
    expect(await unitCount(code)).toBe(0);
  });

  it("refuses another session's CSRF token: the token is bound to its session", async () => {
    const other = await login(h.app, (await createAccount(h.t, "admin", "330282006")).username);
    const res = await h.app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie: admin.cookie, "x-csrf-token": other.csrf },
      payload: newUnit("CSRF-OTHER"),
    });
    expect(res.json().error.code).toBe("CSRF_FAILED");
    expect(await unitCount("CSRF-OTHER")).toBe(0);
  });

  it("accepts the write with the session's own token", async () => {
    const res = await h.app.inject({ method: "POST", url: "/api/units", headers: admin.headers, payload: newUnit("CSRF-OK") });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: "CSRF-OK", regionCode: "330282006001" });
    expect(await unitCount("CSRF-OK")).toBe(1);
  });

  it("refuses a logout without the token, and the session stays alive", async () => {
    const s = await login(h.app, (await createAccount(h.t, "police", "330282006", "GT-PCS")).username);
    const res = await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF_FAILED");
    expect((await me(s.cookie)).statusCode).toBe(200);
    expect((await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: s.headers })).statusCode).toBe(200);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it("needs no token for GETs", async () => {
    for (const url of ["/api/units", "/api/auth/me", "/api/cases"]) {
      const res = await h.app.inject({ method: "GET", url, headers: { cookie: police.cookie } });
      expect(res.statusCode, url).toBe(200);
    }
  });
});

describe("API tokens", () => {
  async function createToken(scopes: string[]) {
    const res = await h.app.inject({ method: "POST", url: "/api/tokens", headers: admin.headers, payload: { name: `渠道-${scopes.join("+")}`, scopes } });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: number; token: string };
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("authenticates a route that accepts tokens, with the token's scope", async () => {
    const { token } = await createToken(["regions.read"]);
    const res = await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe("330282006");
    const who = await h.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    expect(who.json()).toMatchObject({ csrfToken: null, me: { kind: "token", permissions: ["regions.read"] } });
  });

  it("is refused with 401 on routes that do not accept tokens", async () => {
    const { token } = await createToken(["regions.read"]);
    for (const url of ["/api/cases", "/api/units", "/api/accounts"]) {
      const res = await h.app.inject({ method: "GET", url, headers: bearer(token) });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("is refused with 403 on a route needing a scope it lacks", async () => {
    const { token } = await createToken(["intake.push"]);
    const res = await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer(token) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("is refused with 401 when unknown", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer("tb_made-up-token-value") });
    expect(res.statusCode).toBe(401);
  });

  it("stops working once revoked", async () => {
    const { id, token } = await createToken(["regions.read"]);
    expect((await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await h.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    const res = await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer(token) });
    expect(res.statusCode).toBe(401);
  });

  it("cannot be revoked by a cookie request without the CSRF token", async () => {
    const { id, token } = await createToken(["regions.read"]);
    const res = await h.app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: { cookie: admin.cookie } });
    expect(res.json().error.code).toBe("CSRF_FAILED");
    expect((await h.app.inject({ method: "GET", url: "/api/regions/root", headers: bearer(token) })).statusCode).toBe(200);
  });

  it("is stored only as a hash: the secret appears nowhere in the tokens table", async () => {
    const { token } = await createToken(["regions.read"]);
    const { rows } = await h.t.db.$client.query<{ row: string }>("SELECT t::text AS row FROM api_tokens t");
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) expect(row).not.toContain(token.slice(8));
    const list = await h.app.inject({ method: "GET", url: "/api/tokens", headers: admin.headers });
    expect(list.body).not.toContain(token.slice(8));
  });

  describe("on a write route that accepts tokens", () => {
    // No such route ships yet (channel push will be one), so this app adds a throwaway one on the same database.
    let pushApp: App;
    beforeAll(async () => {
      pushApp = await buildApp({ db: h.t.db, cipher: h.t.cipher, logger: false });
      pushApp.post("/api/test-push", { config: { auth: { permission: "intake.push", tokens: true } } }, async (req) => ({ by: req.actor.kind }));
      await pushApp.ready();
    });
    afterAll(() => pushApp.close());

    it("needs no CSRF token with a Bearer token, while a cookie session still does", async () => {
      const { token } = await createToken(["intake.push"]);
      const res = await pushApp.inject({ method: "POST", url: "/api/test-push", headers: bearer(token), payload: {} });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ by: "token" });
      // A cookie alongside the Bearer token does not turn the request into a cookie one.
      const both = await pushApp.inject({ method: "POST", url: "/api/test-push", headers: { ...bearer(token), cookie: admin.cookie }, payload: {} });
      expect(both.json()).toEqual({ by: "token" });
      const cookieOnly = await pushApp.inject({ method: "POST", url: "/api/test-push", headers: { cookie: admin.cookie }, payload: {} });
      expect(cookieOnly.json().error.code).toBe("CSRF_FAILED");
    });
  });
});
