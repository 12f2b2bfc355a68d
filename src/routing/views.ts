// The routing area's request and response shapes, shared with the web app. No database imports.
import { z } from "zod";
import { CATEGORIES } from "../cases/categories.js";
import { CHANNELS } from "../intake/channels.js";
import { HANDLING_LEVELS } from "../tasks/states.js";
import { UNIT_KINDS } from "../units/kinds.js";
import { RISK_LEVELS, ROUTING_VIA } from "./names.js";

/** One row of the matrix as an admin writes it. Null conditions match anything. */
export const RuleInput = z
  .object({
    category: z.enum(CATEGORIES).nullable().default(null),
    regionNodeId: z.number().int().nullable().default(null),
    minAmount: z.number().min(0).max(1e12).nullable().default(null),
    minPeople: z.number().int().min(1).max(100_000).nullable().default(null),
    channel: z.enum(CHANNELS).nullable().default(null),
    riskLevel: z.enum(RISK_LEVELS).nullable().default(null),
    leadUnitId: z.number().int().nullable().default(null),
    leadUnitKind: z.enum(UNIT_KINDS).nullable().default(null),
    coUnitKinds: z.array(z.enum(UNIT_KINDS)).max(8).default([]),
    level: z.enum(HANDLING_LEVELS),
    openCall: z.boolean().default(false),
    note: z.string().trim().max(200).default(""),
  })
  .refine((r) => r.openCall || r.leadUnitId != null || r.leadUnitKind != null, { message: "未发布揭榜的规则须指定牵头单位或单位类型", path: ["leadUnitKind"] })
  .refine((r) => r.leadUnitId == null || r.leadUnitKind == null, { message: "牵头单位与单位类型只能二选一", path: ["leadUnitId"] });
export type RuleInput = z.output<typeof RuleInput>;

export const MatrixInput = z.object({
  note: z.string().trim().min(2).max(300),
  rules: z.array(RuleInput).min(1).max(500),
});

export const RuleView = z.object({
  id: z.number(),
  position: z.number(),
  category: z.enum(CATEGORIES).nullable(),
  categoryName: z.string().nullable(),
  regionNodeId: z.number().nullable(),
  regionName: z.string().nullable(),
  minAmount: z.number().nullable(),
  minPeople: z.number().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  leadUnitId: z.number().nullable(),
  leadUnitName: z.string().nullable(),
  leadUnitKind: z.enum(UNIT_KINDS).nullable(),
  coUnitKinds: z.array(z.enum(UNIT_KINDS)),
  level: z.enum(HANDLING_LEVELS),
  openCall: z.boolean(),
  note: z.string(),
  /** The rule in one Chinese sentence: "劳动争议 → 劳动保障所牵头，司法所协办，街道层级". */
  summary: z.string(),
});

export const VersionView = z.object({
  id: z.number(),
  version: z.number(),
  note: z.string(),
  createdByLabel: z.string(),
  createdAt: z.string(),
  ruleCount: z.number(),
  /** Routing decisions that used this version. */
  routedCount: z.number(),
  current: z.boolean(),
});

export const MatrixView = z.object({ version: VersionView.nullable(), rules: z.array(RuleView) });

export const RoutingView = z.object({
  id: z.number(),
  via: z.enum(ROUTING_VIA),
  viaName: z.string(),
  version: z.number().nullable(),
  rulePosition: z.number().nullable(),
  leadUnitId: z.number().nullable(),
  leadUnitName: z.string().nullable(),
  coUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  level: z.enum(HANDLING_LEVELS),
  levelName: z.string(),
  reasons: z.array(z.string()),
  note: z.string().nullable(),
  decidedByLabel: z.string(),
  at: z.string(),
});

export const CaseRoutingView = z.object({
  caseId: z.number(),
  handlingLevel: z.enum(HANDLING_LEVELS).nullable(),
  leadUnitId: z.number().nullable(),
  leadUnitName: z.string().nullable(),
  /** Whether the case has an open lead task (assigned, claimed or on the claim board). */
  routed: z.boolean(),
  routings: z.array(RoutingView),
  /** What the caller may do now (computed on the server; the UI does not re-derive the rules). */
  abilities: z.object({ route: z.boolean(), reroute: z.boolean(), escalate: z.boolean(), pushDown: z.boolean() }),
});

export const WorkflowStepView = z.object({
  id: z.number(),
  workflow: z.string(),
  workflowName: z.string(),
  stepKey: z.string(),
  title: z.string(),
  position: z.number(),
  ownerKind: z.string(),
  ownerName: z.string(),
  doneAt: z.string().nullable(),
  doneByLabel: z.string().nullable(),
  doneByUnitName: z.string().nullable(),
  note: z.string().nullable(),
  canComplete: z.boolean(),
});

export const WorkflowView = z.object({ caseId: z.number(), steps: z.array(WorkflowStepView) });

export const RoutingResult = z.object({ routingId: z.number(), taskId: z.number(), leadUnitId: z.number().nullable(), level: z.enum(HANDLING_LEVELS) });
