// Referrals (诉调衔接) as the API shows them (shared with the web app: zod and kinds only).
import { z } from "zod";
import { PersonView } from "../../people/views.js";
import { AgreementView } from "../agreements/views.js";
import { StageChangeView } from "../funnel/views.js";
import { MEDIATION_STAGES, REFERRAL_KINDS, REFERRAL_STATUSES } from "../kinds.js";
import { SessionView } from "../sessions/views.js";

export const ARBITRATION_KINDS = ["labour", "commercial"] as const;
export const ARBITRATION_KIND_NAMES = { labour: "劳动人事争议仲裁", commercial: "商事仲裁" } as const;

export const ReferralView = z.object({
  id: z.number(),
  caseId: z.number(),
  kind: z.enum(REFERRAL_KINDS),
  targetUnitId: z.number().nullable(),
  targetName: z.string(),
  guidance: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  note: z.string().nullable(),
  createdByLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const CreateReferralBody = z.object({
  kind: z.enum(REFERRAL_KINDS),
  /** For arbitration: labour (劳动人事争议仲裁) or commercial (商事仲裁); left out: labour for a labour dispute. */
  arbitrationKind: z.enum(ARBITRATION_KINDS).optional(),
  targetUnitId: z.number().int().optional(),
  targetName: z.string().trim().min(2).max(100).optional(),
  /** Left out: the kind's guidance template. */
  guidance: z.string().trim().min(2).max(5000).optional(),
  note: z.string().trim().max(2000).optional(),
});

export const UpdateReferralBody = z.object({ status: z.enum(["accepted", "closed"]), note: z.string().trim().max(2000).optional() });

/** What goes with a referral: the case, its parties (masked), records, sessions, agreements and funnel. */
export const DossierView = z.object({
  referral: ReferralView,
  case: z.object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    summary: z.string(),
    category: z.string().nullable(),
    regionName: z.string(),
    openedAt: z.string(),
    mediationStage: z.enum(MEDIATION_STAGES).nullable(),
  }),
  parties: z.array(PersonView.extend({ role: z.enum(["reporter", "applicant", "respondent", "other"]) })),
  records: z.array(z.object({ id: z.number(), channel: z.string(), externalId: z.string(), reportedAt: z.string(), narrative: z.string() })),
  sessions: z.array(SessionView),
  agreements: z.array(AgreementView),
  stageChanges: z.array(StageChangeView),
});
