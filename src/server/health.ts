// GET /healthz — the process is up and the database answers.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { App } from "./app.js";
import type { Services } from "./context.js";

export function registerHealthRoutes(app: App, services: Services) {
  app.get("/healthz", {
    config: { auth: { public: true } },
    schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok"), database: z.literal("ok") }), 503: z.object({ status: z.literal("error"), database: z.literal("unreachable") }) } },
    handler: async (_req, reply) => {
      try {
        await services.db.execute(sql`SELECT 1`);
        return { status: "ok" as const, database: "ok" as const };
      } catch {
        return reply.status(503).send({ status: "error" as const, database: "unreachable" as const });
      }
    },
  });
}
