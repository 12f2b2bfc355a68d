// The assessment ledger over HTTP: the rules, the entries (scoped), totals with ranking, the Excel export.
import { PassThrough } from "node:stream";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import type { App } from "../server/app.js";
import { inTransaction, type Services } from "../server/context.js";
import { CASE_EVENT_NAMES } from "../tasks/event-kinds.js";
import { listEntries } from "./entries.js";
import { writeLedgerWorkbook, XLSX_TYPE } from "./export.js";
import { ledgerTotals } from "./ledger.js";
import { beijingYearMonth, periodRange } from "./period.js";
import { RULES, RULE_SUBJECT_NAMES } from "./rules.js";
import { accountRankingScope } from "./scope.js";
import { EntriesPageView, RuleView, TotalsView } from "./views.js";

const Year = z.coerce.number().int().min(2000).max(2100);
const Month = z.coerce.number().int().min(1).max(12);

/** year (default: this year in Beijing) and optional month → [from, to). */
function rangeOf(q: { year?: number; month?: number }) {
  return periodRange(q.year ?? beijingYearMonth(new Date()).year, q.month);
}

export function registerAssessmentRoutes(app: App, services: Services) {
  app.get("/api/assessment/rules", {
    config: { auth: { permission: "assessment.read" } },
    schema: { tags: ["assessment"], summary: "奖惩考核规则表", response: { 200: z.object({ items: z.array(RuleView) }) } },
    handler: async () => ({
      items: RULES.map((r) => ({
        code: r.code,
        name: r.name,
        subject: r.subject,
        subjectName: RULE_SUBJECT_NAMES[r.subject],
        points: r.points,
        eventKind: r.kind,
        eventName: CASE_EVENT_NAMES[r.kind],
        condition: r.condition,
      })),
    }),
  });

  app.get("/api/assessment/entries", {
    config: { auth: { permission: "assessment.read" } },
    schema: {
      tags: ["assessment"],
      summary: "考核台账明细（每条关联产生它的事件；承办单位只看本单位）",
      querystring: z.object({
        unitId: z.coerce.number().int().optional(),
        accountId: z.coerce.number().int().optional(),
        caseId: z.coerce.number().int().optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        before: z.coerce.number().int().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: { 200: EntriesPageView },
    },
    handler: async (req) => {
      const q = req.query;
      return listEntries(
        services.db,
        req.actor,
        { unitId: q.unitId, accountId: q.accountId, caseId: q.caseId, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
        { before: q.before, limit: q.limit },
      );
    },
  });

  app.get("/api/assessment/totals", {
    config: { auth: { permission: "assessment.read" } },
    schema: {
      tags: ["assessment"],
      summary: "考核得分与排名（按月/按年，按单位/村社区/个人）",
      querystring: z.object({
        period: z.enum(["month", "year"]).default("month"),
        by: z.enum(["unit", "community", "account"]).default("unit"),
        year: Year.optional(),
        month: Month.optional(),
      }),
      response: { 200: TotalsView },
    },
    handler: async (req) => {
      const q = req.query;
      const { from, to } = rangeOf({ year: q.year, month: q.period === "month" ? q.month : undefined });
      const items = await ledgerTotals(services.db, { period: q.period, by: q.by, from, to, where: q.by === "account" ? accountRankingScope(req.actor) : undefined });
      return { period: q.period, by: q.by, from: from.toISOString(), to: to.toISOString(), items };
    },
  });

  app.get("/api/assessment/export.xlsx", {
    config: { auth: { permission: "assessment.read" } },
    schema: { tags: ["assessment"], summary: "导出考核台账（Excel：明细 + 单位月度汇总，不限行数）", querystring: z.object({ year: Year.optional(), month: Month.optional() }) },
    handler: async (req, reply) => {
      const range = rangeOf(req.query);
      await inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, (ctx) =>
        recordAudit(ctx, { action: "assessment.export", subjectType: "assessment_ledger", newValues: { from: range.from.toISOString(), to: range.to.toISOString() } }),
      );
      const out = new PassThrough();
      writeLedgerWorkbook(services.db, req.actor, range, out).catch((err: Error) => {
        req.log.error({ err }, "ledger export failed");
        out.destroy(err);
      });
      const name = `考核台账-${req.query.year ?? beijingYearMonth(new Date()).year}${req.query.month ? "-" + String(req.query.month).padStart(2, "0") : ""}.xlsx`;
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(out);
    },
  });
}
