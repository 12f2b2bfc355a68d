// The working-day calendar: GET /api/calendar?year= (any account), PUT/DELETE /api/calendar/:day (deadlines.manage).
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Services } from "../../server/context.js";
import { yearsWithEntries } from "../china-holidays.js";
import { calendarDays } from "../schema.js";
import { CalendarDayInput, CalendarDayView, CalendarYearView, IsoDay } from "../views.js";

const DayParams = z.object({ day: IsoDay });

export function registerCalendarRoutes(app: App, services: Services) {
  app.get("/api/calendar", {
    // Public holidays are no secret: every account sees the calendar its deadlines are counted on.
    config: { auth: { permission: null } },
    schema: {
      tags: ["deadlines"],
      summary: "工作日历：某年的法定节假日与调休上班日",
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).default(() => new Date().getFullYear()) }),
      response: { 200: CalendarYearView },
    },
    handler: async (req) => {
      const { year } = req.query;
      const days = await services.db
        .select()
        .from(calendarDays)
        .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
        .orderBy(asc(calendarDays.day));
      return { year, days, years: await yearsWithEntries(services.db) };
    },
  });

  app.put("/api/calendar/:day", {
    config: { auth: { permission: "deadlines.manage" } },
    schema: { tags: ["deadlines"], summary: "设置放假日或调休上班日", params: DayParams, body: CalendarDayInput, response: { 200: CalendarDayView } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const { day } = req.params;
        const [old] = await ctx.tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for("update");
        const [row] = await ctx.tx
          .insert(calendarDays)
          .values({ day, ...req.body })
          .onConflictDoUpdate({ target: calendarDays.day, set: req.body })
          .returning();
        await recordAudit(ctx, { action: "calendar.set", subjectType: "calendar_day", subjectId: day, oldValues: old ?? null, newValues: row });
        return row;
      }),
  });

  app.delete("/api/calendar/:day", {
    config: { auth: { permission: "deadlines.manage" } },
    schema: { tags: ["deadlines"], summary: "删除一天的设置（恢复为普通工作日或周末）", params: DayParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) =>
      inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        const [old] = await ctx.tx.delete(calendarDays).where(eq(calendarDays.day, req.params.day)).returning();
        if (!old) throw new AppError("NOT_FOUND");
        await recordAudit(ctx, { action: "calendar.delete", subjectType: "calendar_day", subjectId: old.day, oldValues: old });
        return { ok: true as const };
      }),
  });
}
