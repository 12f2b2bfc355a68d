// What the API shows of tasks and the timeline. No database imports: the web app uses the same schemas.
import { CaseRiskFields } from "../risk/views.js";
import { z } from "zod";
import { DEADLINE_STAGES } from "../deadlines/stages.js";
import { ASSIGNED_VIA, HANDLING_LEVELS, TASK_STATES, URGENCIES } from "./states.js";

export const DEADLINE_TIERS = ["green", "yellow", "red", "overdue"] as const;
export const DEADLINE_TIER_NAMES = { green: "正常", yellow: "临期", red: "即将超期", overdue: "已超期" } as const;

export const DeadlineView = z.object({
  stage: z.enum(DEADLINE_STAGES),
  dueAt: z.string(),
  yellowAt: z.string(),
  redAt: z.string(),
  basis: z.string(),
  extendedDays: z.number(),
  done: z.boolean(),
  tier: z.enum(DEADLINE_TIERS),
});

export const TaskAbilities = z.object({
  claim: z.boolean(),
  assign: z.boolean(),
  accept: z.boolean(),
  start: z.boolean(),
  report: z.boolean(),
  resolve: z.boolean(),
  return: z.boolean(),
  verify: z.boolean(),
  close: z.boolean(),
  extend: z.boolean(),
});

export const TaskView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  category: z.string().nullable(),
  riskLevel: CaseRiskFields.riskLevel,
  riskScore: CaseRiskFields.riskScore,
  riskFactors: CaseRiskFields.riskFactors,
  regionName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  role: z.enum(["lead", "co"]),
  level: z.enum(HANDLING_LEVELS),
  state: z.enum(TASK_STATES),
  urgency: z.enum(URGENCIES),
  assignedVia: z.enum(ASSIGNED_VIA).nullable(),
  eligibleKinds: z.array(z.string()),
  claimDeadline: z.string().nullable(),
  postedAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  resolution: z.string().nullable(),
  report: z.string().nullable(),
  deadlines: z.array(DeadlineView),
  /** The worst tier of the open deadlines (the inbox's colour). */
  tier: z.enum(DEADLINE_TIERS),
  can: TaskAbilities,
});
export type TaskViewT = z.infer<typeof TaskView>;

export const CaseEventView = z.object({
  id: z.number(),
  kind: z.string(),
  kindName: z.string(),
  taskId: z.number().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  actorLabel: z.string(),
  at: z.string(),
});
