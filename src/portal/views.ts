// What the citizen portal shows a citizen of their own submissions. No database imports: the web app uses these too.
import { z } from "zod";
import { CATEGORIES } from "../cases/categories.js";
import { CASE_STATUSES } from "../cases/statuses.js";

/** Where a submission stands, in the words a citizen is told: received, being handled, resolved, closed. */
export const PROGRESS = ["received", "handling", "resolved", "closed"] as const;
export type Progress = (typeof PROGRESS)[number];

export const PROGRESS_NAMES: Record<Progress, string> = {
  received: "已受理",
  handling: "办理中",
  resolved: "已化解",
  closed: "已办结",
};

export const SubmissionView = z.object({
  /** 受理编号: the number the citizen quotes when asking. */
  externalId: z.string(),
  reportedAt: z.string(),
  narrative: z.string(),
  addressText: z.string().nullable(),
  progress: z.enum(PROGRESS),
  /** The case it joined; null while case formation has not reached it. */
  case: z
    .object({
      id: z.number(),
      code: z.string(),
      status: z.enum(CASE_STATUSES),
      category: z.string().nullable(),
      closedAt: z.string().nullable(),
      /** The next mediation session the case has scheduled: when, and where or online (互联网+调解). */
      nextSession: z.object({ scheduledAt: z.string(), online: z.boolean(), place: z.string() }).nullable(),
    })
    .nullable(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

export const LegalQuestionInput = z.object({
  question: z.string().trim().min(5, "请把问题写清楚（至少 5 个字）").max(2000),
  category: z.enum(CATEGORIES).optional(),
});

export const LegalAnswerInput = z.object({ answer: z.string().trim().min(5, "答复至少 5 个字").max(5000) });

/** A question with its answer. Who asked is not shown to the specialist: the question is answered, not the person. */
export const LegalQuestionView = z.object({
  id: z.number(),
  category: z.enum(CATEGORIES).nullable(),
  question: z.string(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type LegalQuestionView = z.infer<typeof LegalQuestionView>;
