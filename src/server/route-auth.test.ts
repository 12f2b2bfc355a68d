import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app.js";

// A diff in this snapshot is a permission change: review it as one.
describe("route auth declarations", () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(() => h.close());

  it("every /api route declares who may call it", () => {
    const api = h.app.routeTable.filter((r) => r.url.startsWith("/api/"));
    expect(api.length).toBeGreaterThan(10);
    for (const r of api) expect(r.auth, `${r.method} ${r.url}`).toBeDefined();
  });

  it("matches the reviewed snapshot", () => {
    const lines = h.app.routeTable
      .filter((r) => r.url.startsWith("/api/") || r.url === "/healthz")
      .map((r) => {
        const a = r.auth;
        const decl = !a ? "NONE" : "public" in a ? "public" : `${a.permission ?? "any-account"}${a.tokens ? " +tokens" : ""}`;
        return `${r.method.padEnd(6)} ${r.url.padEnd(32)} ${decl}`;
      })
      .sort();
    expect(lines.join("\n")).toMatchSnapshot();
  });
});
