import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../server/app.js";
import { createTestDatabase, type TestDatabase } from "../test/db.js";
import { CATALOGUE, ERROR_CODES } from "./catalogue.js";

describe("error catalogue", () => {
  it.each(ERROR_CODES)("%s has an HTTP status and Chinese and English messages", (code) => {
    const entry = CATALOGUE[code];
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.zh.trim()).not.toBe("");
    expect(entry.zh).toMatch(/\p{Script=Han}/u);
    expect(entry.en.trim()).not.toBe("");
  });

  it("has a row for exactly the listed codes", () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe("errors answered by the server", () => {
  let t: TestDatabase;
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ db: t.db, cipher: t.cipher, logger: { level: "error", stream } });
    app.get("/api/boom", { config: { auth: { public: true } } }, async () => {
      throw new Error("secret detail");
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it("answers an unexpected exception with 500 INTERNAL and nothing of the exception", async () => {
    const res = await app.inject({ method: "GET", url: "/api/boom" });
    expect(res.statusCode).toBe(500);
    const { error } = res.json();
    expect(error).toEqual({ code: "INTERNAL", message: CATALOGUE.INTERNAL.zh, correlationId: res.headers["x-correlation-id"] });
    expect(res.body).not.toContain("secret detail");
    expect(res.body).not.toMatch(/stack|\.ts:\d+|at /);
  });

  it("keeps the detail of a 500 in the log, under the request's correlation id", async () => {
    const res = await app.inject({ method: "GET", url: "/api/boom", headers: { "x-correlation-id": "boom-correlation-1" } });
    expect(res.json().error.correlationId).toBe("boom-correlation-1");
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.reqId === "boom-correlation-1");
    expect(logged?.err?.message).toBe("secret detail");
  });

  it("answers in English when asked", async () => {
    const res = await app.inject({ method: "GET", url: "/api/boom", headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(res.json().error.message).toBe(CATALOGUE.INTERNAL.en);
  });

  it("answers invalid input with 400 VALIDATION_FAILED naming each offending field", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "", password: 12345678 } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe(CATALOGUE.VALIDATION_FAILED.zh);
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["body/password", "body/username"]);
    for (const f of error.fields) expect(f.message).toEqual(expect.any(String));
  });

  it("answers a body that is not JSON with 400 VALIDATION_FAILED", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers an unknown API path with 404 NOT_FOUND", async () => {
    const res = await app.inject({ method: "GET", url: "/api/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "NOT_FOUND", message: CATALOGUE.NOT_FOUND.zh });
  });

  it("refuses a protected route without a session with 401 UNAUTHENTICATED", async () => {
    const res = await app.inject({ method: "GET", url: "/api/cases" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: "UNAUTHENTICATED", message: CATALOGUE.UNAUTHENTICATED.zh });
  });
});
