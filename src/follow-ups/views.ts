// Response shapes of follow-up visits and rules, shared with the web app. No database imports.
import { z } from "zod";
import { ASSIGNEE_KINDS, VISIT_CONTACTS, VISIT_OUTCOMES, VISIT_STATUSES, VISIT_WHEN } from "./states.js";

export * from "./states.js";

/** What the current user may do with the visit: computed on the server, the UI only reads it. */
export const VisitAbilities = z.object({ record: z.boolean(), reassign: z.boolean() });

export const FollowUpVisitView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  caseStatus: z.string(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  riskLevel: z.enum(["red", "yellow", "green"]).nullable(),
  regionName: z.string(),
  communityName: z.string().nullable(),
  /** The closure it follows, and the day after it. */
  closedAt: z.string(),
  offsetDays: z.number(),
  dueAt: z.string(),
  /** YYYY-MM-DD, Beijing. */
  dueDate: z.string(),
  /** Which tab it belongs to now. */
  when: z.enum(VISIT_WHEN).nullable(),
  overdue: z.boolean(),
  assigneeKind: z.enum(ASSIGNEE_KINDS),
  assigneeAccountId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(VISIT_STATUSES),
  contact: z.enum(VISIT_CONTACTS).nullable(),
  partiesState: z.string().nullable(),
  satisfaction: z.number().nullable(),
  settled: z.boolean().nullable(),
  note: z.string().nullable(),
  outcome: z.enum(VISIT_OUTCOMES).nullable(),
  recurrenceCaseId: z.number().nullable(),
  recurrenceCaseCode: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneByLabel: z.string().nullable(),
  overdueAlertedAt: z.string().nullable(),
  can: VisitAbilities,
});
export type FollowUpVisitView = z.infer<typeof FollowUpVisitView>;

export const VisitCounts = z.object({ today: z.number(), overdue: z.number(), upcoming: z.number(), done: z.number() });
export type VisitCounts = z.infer<typeof VisitCounts>;

export const FollowUpListView = z.object({ items: z.array(FollowUpVisitView), nextBefore: z.number().nullable(), counts: VisitCounts });
export type FollowUpListView = z.infer<typeof FollowUpListView>;

export const FollowUpRuleView = z.object({
  id: z.number(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  riskLevel: z.enum(["red", "yellow", "green"]).nullable(),
  offsetsDays: z.array(z.number()),
  active: z.boolean(),
  updatedByLabel: z.string(),
  updatedAt: z.string(),
});
export type FollowUpRuleView = z.infer<typeof FollowUpRuleView>;
export const FollowUpRulesView = z.object({ items: z.array(FollowUpRuleView) });

/** The visit record form. Unreachable needs nothing else; otherwise satisfaction and settled, and if not settled, the choice. */
export const RecordVisitBody = z
  .object({
    contact: z.enum(VISIT_CONTACTS),
    partiesState: z.string().trim().max(2000).optional(),
    satisfaction: z.number().int().min(1).max(5).optional(),
    settled: z.boolean().optional(),
    notSettled: z.enum(["reopen", "recurrence"]).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contact === "unreachable") return;
    if (!v.partiesState || v.partiesState.length < 2) ctx.addIssue({ code: "custom", path: ["partiesState"], message: "请填写当事人现状" });
    if (v.satisfaction == null) ctx.addIssue({ code: "custom", path: ["satisfaction"], message: "请选择满意度" });
    if (v.settled == null) ctx.addIssue({ code: "custom", path: ["settled"], message: "请选择纠纷是否化解" });
    if (v.settled === false && !v.notSettled) ctx.addIssue({ code: "custom", path: ["notSettled"], message: "未化解时请选择：原案件重新办理或另立复发案件" });
  });
export type RecordVisitBody = z.infer<typeof RecordVisitBody>;
