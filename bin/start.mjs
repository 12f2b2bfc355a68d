#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then runs the server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "dist/web/index.html");

/** The newest source the web bundle may include: the web app imports views and names from every area. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "e2e" || entry.name.endsWith(".test.ts")) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(built) || newestSource(path.join(root, "src")) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log("构建前端 / building the web app …");
  const vite = path.join(root, "node_modules/.bin/vite");
  const r = spawnSync(vite, ["build", "--config", "src/web/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

register();
await import("../src/server/main.ts");
