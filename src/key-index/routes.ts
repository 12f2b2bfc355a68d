// The key index over HTTP: the table for a grouping and period (with last year's), a community's grids, and the cases
// behind a figure. Everything is filtered to the cases the account may see.
import { z } from "zod";
import { AppError } from "../errors/catalogue.js";
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";
import { keyIndexCases, keyIndexTable } from "./compute.js";
import { KEY_INDEX_GROUPS, KEY_INDEX_KEYS } from "./formulas.js";
import { addDays, isDate, yearToDate, type DatePeriod } from "./period.js";
import { KeyIndexCasesView, KeyIndexTableView } from "./views.js";

const DateParam = z.string().refine(isDate, "日期格式应为 YYYY-MM-DD");

const PeriodQuery = {
  /** First day (Beijing date); default 1 January this year. */
  from: DateParam.optional(),
  /** Day after the last (Beijing date); default tomorrow, so that today counts. */
  to: DateParam.optional(),
  /** Grids of this community only. */
  community: z.coerce.number().int().optional(),
};

/** The period asked for, or this year to date; at most ten years long. */
function periodOf(q: { from?: string; to?: string }, now: Date): DatePeriod {
  const ytd = yearToDate(now);
  const from = q.from ?? ytd.from;
  const period = { from, to: q.to ?? (from >= ytd.to ? addDays(from, 1) : ytd.to) };
  if (period.to <= period.from) throw new AppError("VALIDATION_FAILED", "结束日期须晚于开始日期");
  if (Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4)) > 10) throw new AppError("VALIDATION_FAILED", "统计期间不超过十年");
  return period;
}

export function registerKeyIndexRoutes(app: App, services: Services) {
  app.get("/api/key-index", {
    config: { auth: { permission: "keyindex.read" } },
    schema: {
      tags: ["key-index"],
      summary: "关键指数：按村社区、网格、承办单位或调解员分组，含去年同期及同比（默认今年以来）",
      querystring: z.object({ group: z.enum(KEY_INDEX_GROUPS).default("community"), ...PeriodQuery }),
      response: { 200: KeyIndexTableView },
    },
    handler: async (req) => {
      const q = req.query;
      return keyIndexTable(services.db, req.actor, { group: q.group, period: periodOf(q, new Date()), communityId: q.community });
    },
  });

  app.get("/api/key-index/cases", {
    config: { auth: { permission: "keyindex.read" } },
    schema: {
      tags: ["key-index"],
      summary: "关键指数下钻：某一行某项指数背后的案件",
      querystring: z.object({
        group: z.enum(KEY_INDEX_GROUPS).default("community"),
        /** The row's id (community, grid, unit or mediator); absent for the total row. */
        id: z.coerce.number().int().optional(),
        metric: z.enum(KEY_INDEX_KEYS),
        part: z.enum(["num", "den"]).default("num"),
        limit: z.coerce.number().int().min(1).max(500).default(200),
        ...PeriodQuery,
      }),
      response: { 200: KeyIndexCasesView },
    },
    handler: async (req) => {
      const q = req.query;
      return keyIndexCases(services.db, req.actor, {
        group: q.group, id: q.id, metric: q.metric, part: q.part, period: periodOf(q, new Date()), communityId: q.community, limit: q.limit,
      });
    },
  });
}
