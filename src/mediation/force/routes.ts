// The mediation force: the public directory and profile (nothing personal), the staff list, and edits.
//   GET   /api/mediators/directory      public     search the force; figures; no account/person/contact/employer data
//   GET   /api/mediators/directory/facets public   the filters' choices (communities, studios, dialects, specialties)
//   GET   /api/mediators/:id/profile    public     one mediator, same rules
//   GET   /api/mediators                mediators.read    staff list (unit, account link, availability, leave)
//   GET   /api/mediators/:id            mediators.read
//   POST  /api/mediators                mediators.manage  (scope must cover the street; audited)
//   PATCH /api/mediators/:id            mediators.manage  (404 outside scope; audited)
import { z } from "zod";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { directoryFacets, listPublicMediators, listStaffMediators } from "./list-mediators.js";
import { createMediator, updateMediator } from "./save-mediator.js";
import { DirectoryFacets, DirectoryQuery, MediatorInput, MediatorPatch, MediatorPublicView, MediatorStaffView, StaffQuery } from "./views.js";

const IdParams = z.object({ id: z.coerce.number().int() });

export function registerMediatorRoutes(app: App, services: Services) {
  app.get("/api/mediators/directory", {
    config: { auth: { public: true } },
    schema: {
      tags: ["mediation"],
      summary: "调解员名录（公开）：按领域、特长、村社、类别、工作室、方言查找",
      querystring: DirectoryQuery,
      response: { 200: z.object({ items: z.array(MediatorPublicView), total: z.number() }) },
    },
    handler: async (req) => listPublicMediators(services.db, req.query, new Date()),
  });

  app.get("/api/mediators/directory/facets", {
    config: { auth: { public: true } },
    schema: { tags: ["mediation"], summary: "调解员名录的筛选项", response: { 200: DirectoryFacets } },
    handler: async () => directoryFacets(services.db),
  });

  app.get("/api/mediators/:id/profile", {
    config: { auth: { public: true } },
    schema: { tags: ["mediation"], summary: "调解员公开画像", params: IdParams, response: { 200: MediatorPublicView } },
    handler: async (req) => {
      const { items } = await listPublicMediators(services.db, { id: req.params.id, limit: 1 }, new Date());
      if (!items.length) throw new AppError("NOT_FOUND");
      return items[0];
    },
  });

  // The force is street-wide: every account that may read mediators sees all of the street's.
  app.get("/api/mediators", {
    config: { auth: { permission: "mediators.read" } },
    schema: {
      tags: ["mediation"],
      summary: "调解员队伍（含所属单位、账号关联、排班与请假）",
      querystring: StaffQuery,
      response: { 200: z.object({ items: z.array(MediatorStaffView), total: z.number() }) },
    },
    handler: async (req) => {
      const { active, ...rest } = req.query;
      return listStaffMediators(services.db, { ...rest, active: active === "all" ? undefined : active === "true" }, new Date());
    },
  });

  app.get("/api/mediators/:id", {
    config: { auth: { permission: "mediators.read" } },
    schema: { tags: ["mediation"], summary: "调解员详情", params: IdParams, response: { 200: MediatorStaffView } },
    handler: async (req) => staffOne(services, req.params.id),
  });

  app.post("/api/mediators", {
    config: { auth: { permission: "mediators.manage" } },
    schema: { tags: ["mediation"], summary: "新增调解员", body: MediatorInput, response: { 200: MediatorStaffView } },
    handler: async (req) => {
      const id = await inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, (ctx) => createMediator(ctx, req.body));
      return staffOne(services, id);
    },
  });

  app.patch("/api/mediators/:id", {
    config: { auth: { permission: "mediators.manage" } },
    schema: { tags: ["mediation"], summary: "修改调解员信息", params: IdParams, body: MediatorPatch, response: { 200: MediatorStaffView } },
    handler: async (req) => {
      await inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, (ctx) => updateMediator(ctx, req.params.id, req.body));
      return staffOne(services, req.params.id);
    },
  });
}

async function staffOne(services: Pick<Services, "db">, id: number) {
  const { items } = await listStaffMediators(services.db, { id, limit: 1 }, new Date());
  if (!items.length) throw new AppError("NOT_FOUND");
  return items[0];
}
