// The complementary places on a proposed team, and which kinds of mediator fill each. No database imports: the web
// app uses this too.
import type { MediatorKind } from "../kinds.js";

export const TEAM_SLOTS = ["legal", "local", "grid", "extra"] as const;
export type TeamSlot = (typeof TEAM_SLOTS)[number];

export const TEAM_SLOT_NAMES: Record<TeamSlot, string> = {
  legal: "法律专业",
  local: "熟悉当地",
  grid: "属地网格",
  extra: "补充力量",
};

/** Kinds that fill a slot; `local` and `grid` also need the mediator to live in the case's or a party's place. */
export const SLOT_KINDS: Record<TeamSlot, readonly MediatorKind[] | null> = {
  legal: ["judicial", "legal_aid", "professional"],
  local: ["notable", "cadre"],
  grid: ["grid_worker"],
  extra: null,
};

export const SLOT_NEEDS_LOCALITY: Record<TeamSlot, boolean> = { legal: false, local: true, grid: true, extra: false };

/** The slot a mediator's kind fills on a team chosen by staff (police and volunteers fill 补充力量). */
export function slotOfKind(kind: MediatorKind): TeamSlot {
  for (const slot of ["legal", "local", "grid"] as const) if (SLOT_KINDS[slot]!.includes(kind)) return slot;
  return "extra";
}

export const TEAM_ROLE_NAMES = { lead: "组长", member: "组员" } as const;
export const REQUEST_STATUS_NAMES = { pending: "待答复", accepted: "已接受", declined: "已谢绝" } as const;
export const FORMED_BY_NAMES = { proposal: "系统推荐", citizen: "当事人指定", staff: "工作人员组建" } as const;
