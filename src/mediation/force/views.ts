// What the mediation force's routes answer and accept. No database imports: the web app uses these too.
// The public view carries no account, person, contact, employer or birth-year data; the staff view adds them.
import { z } from "zod";
import { CATEGORIES } from "../../cases/categories.js";
import { MEDIATOR_GRADES, MEDIATOR_KINDS } from "../kinds.js";

export const AGE_BANDS = ["under30", "30s", "40s", "50s", "60s", "70plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_NAMES: Record<AgeBand, string> = {
  under30: "30岁以下", "30s": "30–39岁", "40s": "40–49岁", "50s": "50–59岁", "60s": "60–69岁", "70plus": "70岁及以上",
};
export function ageBand(birthYear: number | null, year: number): AgeBand | null {
  if (birthYear == null) return null;
  const age = year - birthYear;
  if (age < 30) return "under30";
  if (age >= 70) return "70plus";
  return (["30s", "40s", "50s", "60s"] as const)[Math.floor(age / 10) - 3];
}

export const WEEKDAY_NAMES = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"] as const;

/** Computed from the teams a mediator was on (src/mediation/force/figures.ts). */
export const MediatorFigures = z.object({
  /** Cases of the teams the mediator was on. */
  handled: z.number(),
  /** Of those: a signed agreement, or resolved/closed after the team was formed. */
  succeeded: z.number(),
  successRate: z.number().nullable(),
  /** Days from the team's forming to the case resolved/closed, on average. */
  averageDays: z.number().nullable(),
  /** Share of satisfied answers in the follow-ups after the team was formed; null when none was recorded. */
  satisfaction: z.number().nullable(),
  satisfactionCount: z.number(),
  /** Active teams on open cases. */
  currentLoad: z.number(),
});
export type MediatorFigures = z.infer<typeof MediatorFigures>;

export const MediatorPublicView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(MEDIATOR_KINDS),
  kindName: z.string(),
  grade: z.enum(MEDIATOR_GRADES),
  gradeName: z.string(),
  fields: z.array(z.string()),
  specialties: z.array(z.string()),
  dialects: z.array(z.string()),
  studioUnitId: z.number().nullable(),
  studioName: z.string().nullable(),
  homeRegionCode: z.string().nullable(),
  homeCommunityName: z.string().nullable(),
  yearsExperience: z.number(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  /** Public introduction (no contact data). */
  bio: z.string(),
  figures: MediatorFigures,
});
export type MediatorPublicView = z.infer<typeof MediatorPublicView>;

export const MediatorStaffView = MediatorPublicView.extend({
  birthYear: z.number().nullable(),
  gender: z.enum(["male", "female"]).nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  homeRegionNodeId: z.number().nullable(),
  accountId: z.number().nullable(),
  accountUsername: z.string().nullable(),
  personId: z.number().nullable(),
  employerCreditCode: z.string().nullable(),
  availableDays: z.array(z.number()),
  leaveFrom: z.string().nullable(),
  leaveTo: z.string().nullable(),
  onLeave: z.boolean(),
  active: z.boolean(),
});
export type MediatorStaffView = z.infer<typeof MediatorStaffView>;

/** What the directory's filters can choose from: the values the active force has. */
export const DirectoryFacets = z.object({
  communities: z.array(z.object({ code: z.string(), name: z.string() })),
  studios: z.array(z.object({ id: z.number(), name: z.string() })),
  dialects: z.array(z.string()),
  specialties: z.array(z.string()),
});
export type DirectoryFacets = z.infer<typeof DirectoryFacets>;

export const DIRECTORY_SORTS = ["grade", "handled", "successRate", "experience", "load"] as const;

export const DirectoryQuery = z.object({
  field: z.enum(CATEGORIES).optional(),
  specialty: z.string().trim().max(20).optional(),
  /** Home community, by region code. */
  community: z.string().trim().max(40).optional(),
  kind: z.enum(MEDIATOR_KINDS).optional(),
  studio: z.coerce.number().int().optional(),
  dialect: z.string().trim().max(20).optional(),
  q: z.string().trim().max(20).optional(),
  sort: z.enum(DIRECTORY_SORTS).default("grade"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const StaffQuery = DirectoryQuery.extend({
  active: z.enum(["true", "false", "all"]).default("true"),
});
export type StaffQuery = z.infer<typeof StaffQuery>;

const Tag = z.string().trim().min(1).max(20);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

/** The editable fields. No defaults here: a PATCH must leave what it does not name untouched. */
const MediatorFields = z.object({
  name: z.string().trim().min(2).max(20),
  kind: z.enum(MEDIATOR_KINDS),
  fields: z.array(z.enum(CATEGORIES)).max(15),
  specialties: z.array(Tag).max(20),
  birthYear: z.number().int().min(1920).max(2010).nullable(),
  gender: z.enum(["male", "female"]).nullable(),
  yearsExperience: z.number().int().min(0).max(70),
  dialects: z.array(Tag).max(10),
  /** Home village/community by region code. */
  homeRegionCode: z.string().trim().max(40).nullable(),
  unitId: z.number().int().nullable(),
  studioUnitId: z.number().int().nullable(),
  grade: z.enum(MEDIATOR_GRADES),
  availableDays: z.array(z.number().int().min(1).max(7)).max(7),
  leaveFrom: IsoDate.nullable(),
  leaveTo: IsoDate.nullable(),
  employerCreditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "统一社会信用代码为18位").nullable(),
  bio: z.string().trim().max(500),
  accountId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  active: z.boolean(),
});

/** A new mediator: name and kind; the rest may be left out (the table's defaults apply). */
export const MediatorInput = MediatorFields.partial().required({ name: true, kind: true });
export type MediatorInput = z.infer<typeof MediatorInput>;

export const MediatorPatch = MediatorFields.partial();
export type MediatorPatch = z.infer<typeof MediatorPatch>;
