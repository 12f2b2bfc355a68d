// Staff upload channel files in the web app: POST /api/intake/upload (the file's bytes, its name in the query),
// and follow batches: GET /api/intake/batches, GET /api/intake/batches/:id (counts grow as chunks commit).
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../accounts/policies.js";
import { AppError } from "../../errors/catalogue.js";
import { streetNode } from "../../regions/street.js";
import type { App } from "../../server/app.js";
import type { Services } from "../../server/context.js";
import { CHANNELS } from "../channels.js";
import { addCounts, createBatch, emptyCounts, finishBatch, ingestRows, type RowOutcome } from "../ingest.js";
import { readBuffer } from "../read/read-buffer.js";
import { intakeBatches, type IntakeCounts } from "../schema.js";
import { BatchView, UploadResult } from "../views.js";
import { intakeActor } from "./intake-actor.js";

export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export function registerUploadRoutes(app: App, services: Services) {
  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  app.post("/api/intake/upload", {
    config: { auth: { permission: "intake.manage" } },
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      tags: ["intake"],
      summary: "上传渠道数据文件（请求体为文件内容）",
      querystring: z.object({ fileName: z.string().min(1).max(200), channel: z.enum(CHANNELS).optional() }),
      response: { 200: UploadResult },
    },
    handler: async (req) => {
      const street = await streetNode(services.db);
      authorize(req.actor, "intake.manage", street ? { regionPath: street.path } : null);
      if (!Buffer.isBuffer(req.body)) throw new AppError("VALIDATION_FAILED", "请以 application/octet-stream 上传文件内容");
      const deps = await services.intake.get();
      const actor = intakeActor(req);
      const batchId = await createBatch(services.db, { source: "upload", channel: req.query.channel ?? null, fileName: req.query.fileName, actorLabel: actor.label });
      const byChannel = new Map<string, IntakeCounts>();
      const quarantined: RowOutcome[] = [];
      let total = emptyCounts();
      try {
        await ingestRows(deps, batchId, readBuffer(req.body, req.query.fileName, { channel: req.query.channel }), {
          actor,
          onChunk: (_c, outcomes) => {
            for (const o of outcomes) {
              const key = o.channel ?? "?";
              const c = byChannel.get(key) ?? emptyCounts();
              c.read++;
              c[o.status]++;
              byChannel.set(key, c);
              if (o.status === "quarantined" && quarantined.length < 500) quarantined.push(o);
            }
            total = addCounts(total, outcomes.reduce((c, o) => ((c.read++, c[o.status]++), c), emptyCounts()));
          },
        });
        await finishBatch(services.db, batchId, "done");
        services.cases.trigger();
      } catch (err) {
        await finishBatch(services.db, batchId, "failed").catch(() => undefined);
        throw err;
      }
      return { batchId, byChannel: [...byChannel.entries()].map(([channel, c]) => ({ channel, ...c })), total, quarantined };
    },
  });

  app.get("/api/intake/batches", {
    config: { auth: { permission: "intake.manage" } },
    schema: { tags: ["intake"], summary: "最近的受理批次", response: { 200: z.object({ items: z.array(BatchView) }) } },
    handler: async (req) => {
      const street = await streetNode(services.db);
      authorize(req.actor, "intake.manage", street ? { regionPath: street.path } : null);
      const rows = await services.db.select().from(intakeBatches).orderBy(desc(intakeBatches.id)).limit(50);
      return { items: rows.map(presentBatch) };
    },
  });

  app.get("/api/intake/batches/:id", {
    config: { auth: { permission: "intake.manage" } },
    schema: { tags: ["intake"], summary: "受理批次进度", params: z.object({ id: z.coerce.number().int() }), response: { 200: BatchView } },
    handler: async (req) => {
      const street = await streetNode(services.db);
      const [row] = await services.db.select().from(intakeBatches).where(eq(intakeBatches.id, req.params.id));
      authorize(req.actor, "intake.manage", row && street ? { regionPath: street.path } : null);
      return presentBatch(row);
    },
  });
}

function presentBatch(b: typeof intakeBatches.$inferSelect) {
  return {
    id: b.id,
    source: b.source,
    channel: b.channel,
    fileName: b.fileName,
    actorLabel: b.actorLabel,
    status: b.status,
    counts: b.counts,
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}
