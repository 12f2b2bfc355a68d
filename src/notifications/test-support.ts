// Tests of this folder: an app with the notification and webhook routes (added here until the server lists them),
// a local HTTP receiver, and small factories.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { seedRegionTree } from "../test/regions-fixture.js";
import { createTestDatabase } from "../test/db.js";
import type { TestApp } from "../test/app.js";
import { buildApp } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { seedUnits } from "../units/seed-units.js";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import { registerNotificationRoutes } from "./notification-routes.js";
import { registerWebhookRoutes } from "./webhook-routes.js";
import { unitWebhooks } from "./schema.js";
import { newSecret } from "./webhooks.js";

export async function createNotificationTestApp(): Promise<TestApp> {
  const t = await createTestDatabase();
  await seedRegionTree(t);
  await inTransaction({ db: t.db, cipher: t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) => seedUnits(ctx));
  const app = await buildApp({ db: t.db, cipher: t.cipher, logger: false, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  const services = { db: t.db, cipher: t.cipher } as Services;
  if (!app.routeTable.some((r) => r.url === "/api/notifications")) registerNotificationRoutes(app, services);
  if (!app.routeTable.some((r) => r.url === "/api/webhooks/:id")) registerWebhookRoutes(app, services);
  await app.ready();
  return { app, t, close: async () => { await app.close(); await t.close(); } };
}

export async function addWebhook(db: Db, cipher: Cipher, unitId: number, url: string, active = true) {
  const secret = newSecret();
  const [row] = await db.insert(unitWebhooks).values({ unitId, url, secretEnc: cipher.encrypt(secret), active }).returning();
  return { ...row, secret };
}

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1:<random port>; `respond` decides the status of each request. */
export async function startReceiver(respond: (req: Received) => number | Promise<number> = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const status = await respond(r);
      if (status >= 300 && status < 400) res.setHeader("location", "http://example.invalid/elsewhere");
      res.statusCode = status;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
