// The funnel as the API shows it (shared with the web app: zod and kinds only).
import { z } from "zod";
import { MEDIATION_STAGES } from "../kinds.js";

export const StageChangeView = z.object({
  id: z.number(),
  fromStage: z.enum(MEDIATION_STAGES).nullable(),
  toStage: z.enum(MEDIATION_STAGES),
  reason: z.string(),
  actorLabel: z.string(),
  at: z.string(),
});

export const FunnelView = z.object({
  caseId: z.number(),
  stage: z.enum(MEDIATION_STAGES).nullable(),
  changes: z.array(StageChangeView),
  can: z.object({ move: z.boolean() }),
});
export type FunnelView = z.infer<typeof FunnelView>;

export const StageMoveBody = z.object({ to: z.enum(MEDIATION_STAGES), reason: z.string().trim().max(2000).optional() });
