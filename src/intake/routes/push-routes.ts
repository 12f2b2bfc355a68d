// POST /api/intake/:channel — a channel's system pushes a batch (≤ 5,000 records, its own field names) with its
// API token; the answer says, per record, accepted / redelivered / corrected / quarantined and why.
// Idempotent: the same batch twice ends in the same state (the second answers "redelivered").
import { z } from "zod";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import type { Services } from "../../server/context.js";
import { CHANNELS, OWN_CHANNELS, type ChannelCode } from "../channels.js";
import type { RawRow } from "../draft.js";
import { createBatch, finishBatch, ingestChunk, tally } from "../ingest.js";
import { IntakeCountsView, RowOutcomeView } from "../views.js";
import { intakeActor } from "./intake-actor.js";

export const PUSH_LIMIT = 5000;
const OUTSIDE_CHANNELS = CHANNELS.filter((c) => !(OWN_CHANNELS as readonly string[]).includes(c)) as ChannelCode[];

export function registerPushRoutes(app: App, services: Services) {
  app.post("/api/intake/:channel", {
    config: { auth: { permission: "intake.push", tokens: true } },
    bodyLimit: 50 * 1024 * 1024,
    schema: {
      tags: ["intake"],
      summary: "渠道推送（接口令牌）",
      params: z.object({ channel: z.enum(OUTSIDE_CHANNELS as [ChannelCode, ...ChannelCode[]]) }),
      body: z.union([
        z.object({ records: z.array(z.record(z.string(), z.unknown())).min(1).max(PUSH_LIMIT) }),
        z.array(z.record(z.string(), z.unknown())).min(1).max(PUSH_LIMIT),
      ]),
      response: { 200: z.object({ batchId: z.number(), counts: IntakeCountsView, results: z.array(RowOutcomeView) }) },
    },
    handler: async (req) => {
      const actor = req.actor;
      const channel = req.params.channel;
      // A token issued for one channel cannot speak for another.
      if (actor.kind === "token" && actor.channel && actor.channel !== channel) throw new AppError("FORBIDDEN", `该令牌只能推送渠道 ${actor.channel}`);
      const records = Array.isArray(req.body) ? req.body : req.body.records;
      const rows: RawRow[] = records.map((fields, index) => ({ channel, origin: { index }, text: JSON.stringify(fields), fields }));
      const deps = await services.intake.get();
      const label = actor.kind === "token" ? `token:${actor.name}` : "push";
      const batchId = await createBatch(services.db, { source: "api", channel, actorLabel: label });
      try {
        const results = await ingestChunk(deps, batchId, rows, intakeActor(req));
        await finishBatch(services.db, batchId, "done");
        services.cases.trigger();
        return { batchId, counts: tally(results), results };
      } catch (err) {
        await finishBatch(services.db, batchId, "failed").catch(() => undefined);
        throw err;
      }
    },
  });
}
