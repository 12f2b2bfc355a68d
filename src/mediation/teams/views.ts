// What the API shows of team proposals, teams and trusted-mediator requests. No database imports: the web app uses
// the same schemas.
import { z } from "zod";
import { MEDIATOR_GRADES, MEDIATOR_KINDS, REQUEST_STATUSES, TEAM_ROLES } from "../kinds.js";
import { SCORE_COMPONENTS } from "./score.js";
import { TEAM_SLOTS } from "./slots.js";

export const MediatorBriefView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(MEDIATOR_KINDS),
  kindName: z.string(),
  grade: z.enum(MEDIATOR_GRADES),
  gradeName: z.string(),
  unitName: z.string().nullable(),
  yearsExperience: z.number(),
  activeTeams: z.number(),
});

const Breakdown = z.record(z.enum(SCORE_COMPONENTS), z.number());

export const ScoredCandidateView = z.object({
  mediator: MediatorBriefView,
  total: z.number(),
  breakdown: Breakdown,
  reasons: z.record(z.string(), z.string()),
});

export const ProposedMemberView = ScoredCandidateView.extend({
  slot: z.enum(TEAM_SLOTS),
  slotName: z.string(),
  role: z.enum(TEAM_ROLES),
});

export const ProposalView = z.object({
  caseId: z.number(),
  category: z.string().nullable(),
  size: z.number(),
  members: z.array(ProposedMemberView),
  alternatives: z.array(z.object({ slot: z.enum(TEAM_SLOTS), slotName: z.string(), candidates: z.array(ScoredCandidateView) })),
  excluded: z.array(z.object({ mediator: MediatorBriefView, reasons: z.array(z.string()) })),
  notes: z.array(z.string()),
  candidatesConsidered: z.number(),
  weights: z.record(z.enum(SCORE_COMPONENTS), z.number()),
  tookMs: z.number(),
});

export const TeamMemberView = z.object({
  mediatorId: z.number(),
  name: z.string(),
  kind: z.enum(MEDIATOR_KINDS),
  kindName: z.string(),
  grade: z.enum(MEDIATOR_GRADES),
  gradeName: z.string(),
  role: z.enum(TEAM_ROLES),
  brings: z.string(),
  score: z.number(),
  breakdown: z.record(z.string(), z.number()),
});

export const TeamView = z.object({
  id: z.number(),
  caseId: z.number(),
  status: z.enum(["active", "released"]),
  formedBy: z.enum(["proposal", "citizen", "staff"]),
  formedByLabel: z.string(),
  formedAt: z.string(),
  releasedAt: z.string().nullable(),
  members: z.array(TeamMemberView),
});

export const MediatorRequestView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseCode: z.string(),
  caseTitle: z.string(),
  mediatorId: z.number(),
  mediatorName: z.string(),
  requestedByLabel: z.string(),
  note: z.string(),
  status: z.enum(REQUEST_STATUSES),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  otherPartyToldAt: z.string().nullable(),
  createdAt: z.string(),
  /** The viewer is the named mediator and the request waits for an answer. */
  mayDecide: z.boolean(),
});

export const CaseTeamView = z.object({
  team: TeamView.nullable(),
  requests: z.array(MediatorRequestView),
  abilities: z.object({ propose: z.boolean(), request: z.boolean() }),
});

export const TeamMemberInput = z.object({ mediatorId: z.number().int(), role: z.enum(TEAM_ROLES) });
export const AssignTeamInput = z.object({
  members: z.array(TeamMemberInput).min(1).max(4),
  formedBy: z.enum(["proposal", "staff"]).default("proposal"),
});
export const MediatorRequestInput = z.object({
  mediatorId: z.number().int(),
  note: z.string().trim().max(1000).default(""),
  /** Staff filing for a party: the party's name. */
  onBehalfOf: z.string().trim().min(1).max(100).optional(),
});
export const DecideRequestInput = z.object({ accept: z.boolean(), note: z.string().trim().max(1000).optional() });
