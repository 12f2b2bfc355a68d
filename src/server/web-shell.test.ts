// The web app's shell: pages get index.html (the client routes them), files are served as files, and a missing
// file or API path is a 404 rather than a page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app.js";

let h: TestApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tongban-web-shell-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>警情通办</title>");
  fs.writeFileSync(path.join(dir, "assets", "app.js"), "console.log(1)");
  h = await createTestApp({ webDir: dir });
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the web shell", () => {
  it("answers every page with the app shell, files as files, and a missing file or API path with 404", async () => {
    const get = (url: string) => h.app.inject({ method: "GET", url });
    const pages = await Promise.all(["/", "/dashboard", "/cases/12", "/warnings?status=raised"].map(get));
    for (const res of pages) {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.body).toContain("警情通办");
    }
    const js = await get("/assets/app.js");
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toMatch(/javascript/);
    expect((await get("/assets/missing.js")).statusCode).toBe(404);
    expect((await get("/favicon.ico")).statusCode).toBe(404);
    const api = await get("/api/nope");
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
