// POST /api/intake/forms/:channel — the hub's own entry points (grid report, citizen's submission, walk-in
// window) enter through the same pipeline as any channel. The hub gives the record its id when the form has none.
import crypto from "node:crypto";
import { z } from "zod";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import type { Actor, Services } from "../../server/context.js";
import { OWN_CHANNELS } from "../channels.js";
import { createBatch, finishBatch, ingestChunk } from "../ingest.js";
import { RowOutcomeView } from "../views.js";
import { intakeActor } from "./intake-actor.js";

const Party = z.object({
  role: z.enum(["reporter", "applicant", "respondent", "other"]).optional(),
  name: z.string().max(100).optional(),
  idNumber: z.string().max(40).optional(),
  phone: z.string().max(40).optional(),
  companyName: z.string().max(200).optional(),
  creditCode: z.string().max(40).optional(),
  address: z.string().max(500).optional(),
});

export const OwnFormInput = z.object({
  id: z.string().max(60).optional(),
  reportedAt: z.union([z.string().max(40), z.number()]).optional(),
  reporterName: z.string().max(100).optional(),
  reporterPhone: z.string().max(40).optional(),
  reporterIdNumber: z.string().max(40).optional(),
  address: z.string().max(500).optional(),
  narrative: z.string().min(1).max(20000),
  category: z.string().max(60).optional(),
  parties: z.array(Party).max(20).optional(),
  amount: z.union([z.number(), z.string().max(40)]).nullable().optional(),
  peopleCount: z.union([z.number(), z.string().max(20)]).nullable().optional(),
});

/** Which of the hub's own forms an account may file. */
function mayFile(actor: Actor, channel: (typeof OWN_CHANNELS)[number]): boolean {
  if (actor.kind !== "account") return false;
  if (actor.role === "citizen") return channel === "portal";
  if (actor.role === "grid_worker") return channel === "grid";
  return channel === "window" || channel === "grid";
}

/**
 * A form's own id lets its filer retry and correct their record; it must not let anyone else with the same id write
 * a new version over it. Who filed a record is in the intake.chunk audit row of its batch.
 */
async function filedByAnother(services: Services, channel: string, externalId: string, accountId: number): Promise<boolean> {
  const { rows } = await services.db.$client.query(
    `SELECT 1 FROM raw_records r
       JOIN audit_events a ON a.subject_type = 'intake_batch' AND a.subject_id = r.batch_id::text AND a.action = 'intake.chunk'
      WHERE r.channel = $1 AND r.external_id = $2 AND (a.actor_kind <> 'account' OR a.actor_id IS DISTINCT FROM $3)
      LIMIT 1`,
    [channel, externalId, accountId],
  );
  return rows.length > 0;
}

export function registerFormRoutes(app: App, services: Services) {
  app.post("/api/intake/forms/:channel", {
    config: { auth: { permission: "intake.submit" } },
    schema: {
      tags: ["intake"],
      summary: "网格上报 / 群众在线提交 / 一窗受理登记",
      params: z.object({ channel: z.enum(OWN_CHANNELS) }),
      body: OwnFormInput,
      response: { 200: RowOutcomeView },
    },
    handler: async (req) => {
      const { channel } = req.params;
      if (!mayFile(req.actor, channel)) throw new AppError("FORBIDDEN");
      const actor = req.actor as Extract<Actor, { kind: "account" }>;
      const now = new Date();
      const id = req.body.id ?? `${channel.toUpperCase()}-${now.toISOString().slice(0, 10).replace(/-/g, "")}-${crypto.randomBytes(4).toString("hex")}`;
      if (req.body.id && (await filedByAnother(services, channel, req.body.id.trim(), actor.id))) {
        throw new AppError("CONFLICT", "该编号的记录由他人提交，不能修改");
      }
      const fields = {
        ...req.body,
        id,
        reportedAt: req.body.reportedAt ?? now.toISOString(),
        ...(channel === "grid" ? { gridWorker: actor.displayName } : channel === "window" ? { receptionist: actor.displayName } : {}),
      };
      const deps = await services.intake.get();
      const batchId = await createBatch(services.db, { source: "form", channel, actorLabel: `${actor.displayName} (${actor.username})` });
      const [outcome] = await ingestChunk(deps, batchId, [{ channel, origin: { index: 0 }, text: JSON.stringify(fields), fields }], intakeActor(req));
      await finishBatch(services.db, batchId, "done");
      services.cases.trigger();
      return outcome;
    },
  });
}
