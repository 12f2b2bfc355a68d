import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createTestApp, login, TEST_PASSWORD, type TestApp } from "../test/app.js";

describe("login", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it("sets an HTTP-only SameSite session cookie and answers who I am", async () => {
    const a = await createAccount(h.t, "street_centre", "330282006", "GT-SZZX");
    const res = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: a.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === "tb_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    const me = await h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `tb_session=${session.value}` } });
    expect(me.json().me.username).toBe(a.username);
    expect(me.json().me.region.code).toBe("330282006");
  });

  it("refuses a wrong password with the catalogue's Chinese message", async () => {
    const a = await createAccount(h.t, "police", "330282006", "GT-PCS");
    const res = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: a.username, password: "nope-nope" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: "INVALID_CREDENTIALS", message: "用户名或密码错误" });
  });

  it("works with the session it created", async () => {
    const a = await createAccount(h.t, "police", "330282006", "GT-PCS");
    const s = await login(h.app, a.username);
    const res = await h.app.inject({ method: "GET", url: "/api/cases", headers: s.headers });
    expect(res.statusCode).toBe(200);
  });
});
