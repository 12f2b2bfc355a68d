// The web app's build: root src/web, output dist/web (served by the server), /api proxied to it in development.
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, "../..");
const api = "http://localhost:3000";

// Big libraries in their own chunks, so an app change does not bust the browser's cache of them.
const vendorGroups: [string, RegExp][] = [
  ["react", /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/],
  ["echarts", /node_modules[\\/](echarts|zrender)[\\/]/],
  ["antd", /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs)[\\/]/],
];

// The server's shared modules (roles, permissions, the zod views and the constants beside them) only declare things.
// Saying so lets the bundler keep a name map such as REGION_LEVEL_NAMES without the zod schemas and drizzle tables
// defined next to it; the build fails if drizzle still gets in (see noServerCode).
const sharedServerModule = /[\\/]src[\\/](?!web[\\/])[\w-]+[\\/](views|schema|roles|permissions)\.ts$/;

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, "dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id) => (sharedServerModule.test(id) ? false : undefined),
        manualPureFunctions: ["z"],
      },
      output: {
        codeSplitting: { groups: vendorGroups.map(([name, test]) => ({ name, test })) },
      },
    },
  },
  server: {
    proxy: { "/api": api, "/docs": api, "/healthz": api },
  },
});
