// What the deadline routes take and give (also the web app's types). No database imports.
import { z } from "zod";
import { CATEGORIES } from "../cases/categories.js";
import { CHANNELS } from "../intake/channels.js";
import { HANDLING_LEVELS, URGENCIES } from "../tasks/states.js";
import { STAGES } from "./stages.js";

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "不是有效日期");

export const CALENDAR_KINDS = ["holiday", "workday"] as const;
export const CALENDAR_KIND_NAMES = { holiday: "放假", workday: "调休上班" } as const;

export const CalendarDayView = z.object({ day: z.string(), kind: z.enum(CALENDAR_KINDS), name: z.string() });
export type CalendarDayView = z.infer<typeof CalendarDayView>;
export const CalendarYearView = z.object({
  year: z.number(),
  days: z.array(CalendarDayView),
  /** Years the table has any day for (a year without any is counted as plain weekends). */
  years: z.array(z.number()),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;
export const CalendarDayInput = z.object({ kind: z.enum(CALENDAR_KINDS), name: z.string().trim().min(1).max(40) });

export const DeadlineRuleInput = z
  .object({
    stage: z.enum(STAGES),
    category: z.enum(CATEGORIES).nullable().default(null),
    level: z.enum(HANDLING_LEVELS).nullable().default(null),
    urgency: z.enum(URGENCIES).nullable().default(null),
    channel: z.enum(CHANNELS).nullable().default(null),
    amount: z.number().positive().max(365),
    unit: z.enum(["working_days", "hours"]),
    yellowAt: z.number().gt(0).lt(1).default(0.5),
    redAt: z.number().gt(0).lt(1).default(0.8),
    note: z.string().trim().max(60).default(""),
  })
  .refine((r) => r.yellowAt < r.redAt, { message: "黄色提醒须早于红色预警", path: ["redAt"] });
export type DeadlineRuleInput = z.input<typeof DeadlineRuleInput>;

export const DeadlineRuleView = z.object({
  id: z.number(),
  stage: z.enum(STAGES),
  category: z.string().nullable(),
  level: z.enum(HANDLING_LEVELS).nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  channel: z.string().nullable(),
  amount: z.number(),
  unit: z.enum(["working_days", "hours"]),
  yellowAt: z.number(),
  redAt: z.number(),
  note: z.string(),
});
export type DeadlineRuleView = z.infer<typeof DeadlineRuleView>;

export const EXTENSION_STATUSES = ["pending", "approved", "rejected"] as const;

export const ExtensionInput = z.object({
  stage: z.enum(["accept", "handle"]),
  workingDays: z.number().int().min(1).max(60),
  reason: z.string().trim().min(2).max(300),
});
export const ExtensionDecision = z.object({ approve: z.boolean(), note: z.string().trim().max(300).default("") });

export const ExtensionView = z.object({
  id: z.number(),
  taskId: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  stage: z.enum(STAGES),
  workingDays: z.number(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedByLabel: z.string(),
  requestedAt: z.string(),
  decidedByLabel: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The stage's current due time (moved by an approval), null when the stage has ended. */
  dueAt: z.string().nullable(),
});
export type ExtensionView = z.infer<typeof ExtensionView>;
