// The quarantine list: rows that could not become records, with their reasons. Staff fix a row and re-submit
// it (it goes through the same pipeline), or dismiss it with a note. Raw rows carry personal data: reads are audited.
import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../accounts/policies.js";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { streetNode } from "../../regions/street.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Ctx, type Services } from "../../server/context.js";
import { CHANNELS, isChannel, type ChannelCode } from "../channels.js";
import { QUARANTINE_REASONS, type QuarantineReason, type RawRow } from "../draft.js";
import { FORMATS } from "../formats/index.js";
import { createBatch, finishBatch, ingestChunk, prepareRow } from "../ingest.js";
import { QUARANTINE_REASON_NAMES } from "../quarantine-reasons.js";
import { splitCsvRecord } from "../read/csv.js";
import { quarantinedRows } from "../schema.js";
import { QuarantinedRowView, RowOutcomeView } from "../views.js";
import { intakeActor } from "./intake-actor.js";

const IdParams = z.object({ id: z.coerce.number().int() });

/** Reads a fixed row's text the way its channel delivers it: a CSV line against the channel's header, or JSON. */
export function parseFixedRow(channel: ChannelCode, text: string): Record<string, unknown> | { error: string } {
  const format = FORMATS[channel];
  if (format.container === "csv") {
    const cells = splitCsvRecord(text.replace(/\r?\n$/, ""));
    const header = format.headerFields ?? [];
    if (!cells) return { error: "CSV格式错误（引号不匹配）" };
    if (cells.length !== header.length) return { error: `CSV列数不对：应为${header.length}列，实际${cells.length}列` };
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  }
  try {
    const v = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v)) return { error: "应为一个JSON对象" };
    return v as Record<string, unknown>;
  } catch (e) {
    return { error: `JSON格式错误：${(e as Error).message.slice(0, 120)}` };
  }
}

export function registerQuarantineRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Ctx["actor"]; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);
  const guard = async (ctx: Ctx, exists = true) => {
    const street = await streetNode(ctx.tx);
    authorize(ctx.actor, "intake.manage", exists && street ? { regionPath: street.path } : null);
  };
  const present = (r: typeof quarantinedRows.$inferSelect, ctx: Ctx): z.infer<typeof QuarantinedRowView> => ({
    id: r.id,
    batchId: r.batchId,
    channel: r.channel,
    fileName: r.fileName,
    line: r.line,
    rowIndex: r.rowIndex,
    rawText: ctx.cipher.decrypt(r.rawEnc),
    reason: r.reason,
    reasonName: QUARANTINE_REASON_NAMES[r.reason as QuarantineReason]?.zh ?? r.reason,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    recordId: r.recordId,
  });

  app.get("/api/intake/quarantine", {
    config: { auth: { permission: "intake.manage" } },
    schema: {
      tags: ["intake"],
      summary: "隔离数据列表",
      querystring: z.object({
        status: z.enum(["open", "resubmitted", "dismissed"]).default("open"),
        channel: z.enum(CHANNELS).optional(),
        reason: z.enum(QUARANTINE_REASONS).optional(),
        batchId: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ items: z.array(QuarantinedRowView), hasMore: z.boolean() }) },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        await guard(ctx);
        const q = req.query;
        const where: SQL[] = [eq(quarantinedRows.status, q.status)];
        if (q.channel) where.push(eq(quarantinedRows.channel, q.channel));
        if (q.reason) where.push(eq(quarantinedRows.reason, q.reason));
        if (q.batchId) where.push(eq(quarantinedRows.batchId, q.batchId));
        const rows = await ctx.tx.select().from(quarantinedRows).where(and(...where)).orderBy(desc(quarantinedRows.id)).limit(q.limit + 1).offset(q.offset);
        const items = rows.slice(0, q.limit);
        await recordAudit(ctx, { action: "quarantine.list", subjectType: "quarantined_row", newValues: { ids: items.map((r) => r.id) } });
        return { items: items.map((r) => present(r, ctx)), hasMore: rows.length > q.limit };
      }),
  });

  app.post("/api/intake/quarantine/:id/resubmit", {
    config: { auth: { permission: "intake.manage" } },
    schema: {
      tags: ["intake"],
      summary: "修正后重新提交隔离数据",
      params: IdParams,
      body: z.object({ text: z.string().min(1).max(1_000_000), channel: z.enum(CHANNELS).optional() }),
      response: { 200: z.object({ outcome: RowOutcomeView, row: QuarantinedRowView }) },
    },
    handler: async (req) => {
      const deps = await services.intake.get();
      // Checked first, written nothing: a fix that still fails stays in the list with the new reason shown.
      const checked = await run(req, async (ctx) => {
        const [row] = await ctx.tx.select().from(quarantinedRows).where(eq(quarantinedRows.id, req.params.id)).for("update");
        await guard(ctx, Boolean(row));
        if (row.status !== "open") throw new AppError("CONFLICT", "该条数据已处理");
        const channel = req.body.channel ?? (row.channel && isChannel(row.channel) ? row.channel : null);
        if (!channel) throw new AppError("VALIDATION_FAILED", "请选择该条数据的来源渠道");
        const fields = parseFixedRow(channel, req.body.text);
        if ("error" in fields && typeof fields.error === "string") throw new AppError("VALIDATION_FAILED", fields.error);
        const raw: RawRow = { channel, origin: { file: row.fileName ?? undefined, line: row.line ?? undefined, index: row.rowIndex ?? 0 }, text: req.body.text, fields };
        const prepared = prepareRow(deps, raw, new Date());
        if ("quarantine" in prepared) throw new AppError("VALIDATION_FAILED", prepared.quarantine.message);
        return { raw, row };
      });
      const actor = intakeActor(req);
      const batchId = await createBatch(services.db, { source: "form", channel: checked.raw.channel, fileName: checked.row.fileName, actorLabel: actor.label });
      const [outcome] = await ingestChunk(deps, batchId, [checked.raw], actor);
      await finishBatch(services.db, batchId, "done");
      services.cases.trigger();
      return run(req, async (ctx) => {
        const [updated] = await ctx.tx
          .update(quarantinedRows)
          .set({ status: "resubmitted", resolvedAt: ctx.now, resolvedBy: actor.label, recordId: outcome.recordId ?? null })
          .where(eq(quarantinedRows.id, checked.row.id))
          .returning();
        await recordAudit(ctx, { action: "quarantine.resubmit", subjectType: "quarantined_row", subjectId: updated.id, newValues: { outcome: outcome.status, recordId: outcome.recordId } });
        return { outcome, row: present(updated, ctx) };
      });
    },
  });

  app.post("/api/intake/quarantine/:id/dismiss", {
    config: { auth: { permission: "intake.manage" } },
    schema: {
      tags: ["intake"],
      summary: "作废隔离数据（需说明原因）",
      params: IdParams,
      body: z.object({ note: z.string().trim().min(2).max(500) }),
      response: { 200: QuarantinedRowView },
    },
    handler: async (req) =>
      run(req, async (ctx) => {
        const [row] = await ctx.tx.select().from(quarantinedRows).where(eq(quarantinedRows.id, req.params.id)).for("update");
        await guard(ctx, Boolean(row));
        if (row.status !== "open") throw new AppError("CONFLICT", "该条数据已处理");
        const [updated] = await ctx.tx
          .update(quarantinedRows)
          .set({ status: "dismissed", resolvedAt: ctx.now, resolvedBy: intakeActor(req).label })
          .where(eq(quarantinedRows.id, row.id))
          .returning();
        await recordAudit(ctx, { action: "quarantine.dismiss", subjectType: "quarantined_row", subjectId: row.id, newValues: { note: req.body.note } });
        return present(updated, ctx);
      }),
  });
}
