import { defineConfig } from "vitest/config";

// End-to-end tests: the built web app, the real server and a real Chromium (src/web/e2e).
export default defineConfig({
  test: {
    include: ["src/web/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 420_000,
    pool: "forks",
    reporters: process.env.VITEST_JSON_REPORT ? ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT }]] : ["default"],
  },
});
