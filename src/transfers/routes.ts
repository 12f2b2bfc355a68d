// Non-police transfers over HTTP (非警务警情流转): the list the police station reads to see what happened to each
// incident it handed over, with the times measured and the figures over the filtered list.
import { z } from "zod";
import { CASE_STATUSES } from "../cases/statuses.js";
import { beijingMidnight, isDate } from "../key-index/period.js";
import type { App } from "../server/app.js";
import type { Services } from "../server/context.js";
import { listTransfers } from "./list.js";
import { TransferListView } from "./views.js";

const DateParam = z.string().refine(isDate, "日期格式应为 YYYY-MM-DD");

export function registerTransferRoutes(app: App, services: Services) {
  app.get("/api/transfers", {
    config: { auth: { permission: "transfers.read" } },
    schema: {
      tags: ["transfers"],
      summary: "非警务警情流转情况：移交、流转、签收、办理结果与用时（按案件所在地限定范围）",
      querystring: z.object({
        /** Transferred on or after this Beijing date. */
        from: DateParam.optional(),
        /** Transferred before this Beijing date (exclusive). */
        to: DateParam.optional(),
        status: z.enum(CASE_STATUSES).optional(),
        /** A community's region node id. */
        community: z.coerce.number().int().optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: TransferListView },
    },
    handler: async (req) => {
      const q = req.query;
      return listTransfers(
        services.db,
        req.actor,
        { from: q.from ? beijingMidnight(q.from) : undefined, to: q.to ? beijingMidnight(q.to) : undefined, status: q.status, regionId: q.community },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
    },
  });
}
