// Proposing a team for a case: candidates from the indexes (load.ts), conflicts and leave excluded with their
// reasons, the rest scored (score.ts); one mediator per complementary slot (法律专业, 熟悉当地, 属地网格, then the
// best of the rest), the lead the best-scoring senior among them, and the next best per slot as alternatives.
import type { z } from "zod";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import { MEDIATOR_GRADE_NAMES, MEDIATOR_KIND_NAMES } from "../kinds.js";
import { conflictsOf, partyIndex } from "./conflicts.js";
import { loadCandidates, loadCaseContext, type Candidate } from "./load.js";
import { isSenior, prepareCase, scoreCandidate, SCORE_WEIGHTS, unavailableReason, type CaseFacts, type PreparedCase, type Score } from "./score.js";
import { SLOT_KINDS, SLOT_NEEDS_LOCALITY, TEAM_SLOT_NAMES, type TeamSlot } from "./slots.js";
import type { MediatorBriefView, ProposalView } from "./views.js";

export const DEFAULT_TEAM_SIZE = 3;
const ALTERNATIVES_PER_SLOT = 3;
/** Excluded candidates shown: every conflict, and the best-scoring of those on leave. */
const EXCLUDED_SHOWN = 30;

export interface Scored {
  m: Candidate;
  score: Score;
}

export function brief(m: Candidate): z.infer<typeof MediatorBriefView> {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    kindName: MEDIATOR_KIND_NAMES[m.kind],
    grade: m.grade,
    gradeName: MEDIATOR_GRADE_NAMES[m.grade],
    unitName: m.unitName,
    yearsExperience: m.yearsExperience,
    activeTeams: m.activeTeams,
  };
}

const present = (s: Scored) => ({ mediator: brief(s.m), total: s.score.total, breakdown: s.score.breakdown, reasons: s.score.reasons as Record<string, string> });
/** Scored without words for speed; those shown get their reasons. */
const explained = (facts: CaseFacts, prepared: PreparedCase) => (s: Scored) => present({ m: s.m, score: scoreCandidate(facts, s.m, prepared, true) });

export function fitsSlot(slot: TeamSlot, s: Scored): boolean {
  const kinds = SLOT_KINDS[slot];
  if (kinds && !kinds.includes(s.m.kind)) return false;
  return !SLOT_NEEDS_LOCALITY[slot] || s.score.breakdown.locality > 0;
}

/** Picks one per slot in order, then fills up with the best of the rest; the lead is the best-scoring senior. */
export function composeTeam(ranked: Scored[], size: number): { members: (Scored & { slot: TeamSlot; role: "lead" | "member" })[]; notes: string[] } {
  const picked: (Scored & { slot: TeamSlot })[] = [];
  const notes: string[] = [];
  const taken = new Set<number>();
  for (const slot of ["legal", "local", "grid"] as const) {
    if (picked.length >= size) break;
    const best = ranked.find((s) => !taken.has(s.m.id) && fitsSlot(slot, s));
    if (best) {
      picked.push({ ...best, slot });
      taken.add(best.m.id);
    } else notes.push(`没有可用的${TEAM_SLOT_NAMES[slot]}人选`);
  }
  for (const s of ranked) {
    if (picked.length >= size) break;
    if (!taken.has(s.m.id)) {
      picked.push({ ...s, slot: "extra" });
      taken.add(s.m.id);
    }
  }
  const seniors = picked.filter((s) => isSenior(s.m.grade));
  const leadPool = seniors.length ? seniors : picked;
  if (picked.length && !seniors.length) notes.push("小组中没有资深调解员，由得分最高者任组长");
  const lead = leadPool.reduce<Scored | null>((a, b) => (a == null || b.score.total > a.score.total ? b : a), null);
  const members = picked.map((s) => ({ ...s, role: s.m.id === lead?.m.id ? ("lead" as const) : ("member" as const) }));
  members.sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
  return { members, notes };
}

export async function proposeTeam(db: DbOrTx, caseId: number, opts: { size?: number; now?: Date } = {}): Promise<z.infer<typeof ProposalView>> {
  const started = performance.now();
  const size = opts.size ?? DEFAULT_TEAM_SIZE;
  if (!Number.isInteger(size) || size < 2 || size > 4) throw new AppError("VALIDATION_FAILED", "调解小组为组长加 1–3 名组员（2–4 人）");
  const context = await loadCaseContext(db, caseId, opts.now ?? new Date());
  const candidates = await loadCandidates(db, context, { pool: true });
  const prepared = prepareCase(context.facts);

  const mayConflict = partyIndex(context.parties);
  const ranked: Scored[] = [];
  const excluded: (Scored & { reasons: string[]; conflict: boolean })[] = [];
  for (const m of candidates) {
    const conflicts = mayConflict(m) ? conflictsOf(m, context.parties).map((c) => c.reason) : [];
    const away = unavailableReason(m, context.facts.date);
    const score = scoreCandidate(context.facts, m, prepared, false);
    if (conflicts.length || away) excluded.push({ m, score, reasons: away ? [...conflicts, away] : conflicts, conflict: conflicts.length > 0 });
    else ranked.push({ m, score });
  }
  const byScore = (a: Scored, b: Scored) => b.score.total - a.score.total || a.m.id - b.m.id;
  ranked.sort(byScore);
  excluded.sort((a, b) => Number(b.conflict) - Number(a.conflict) || byScore(a, b));

  const { members, notes } = composeTeam(ranked, size);
  const explain = explained(context.facts, prepared);
  const inTeam = new Set(members.map((s) => s.m.id));
  const alternatives = (["legal", "local", "grid", "extra"] as const).map((slot) => ({
    slot,
    slotName: TEAM_SLOT_NAMES[slot],
    candidates: ranked.filter((s) => !inTeam.has(s.m.id) && fitsSlot(slot, s)).slice(0, ALTERNATIVES_PER_SLOT).map(explain),
  }));
  return {
    caseId,
    category: context.facts.category,
    size,
    members: members.map((s) => ({ ...explain(s), slot: s.slot, slotName: TEAM_SLOT_NAMES[s.slot], role: s.role })),
    alternatives,
    excluded: excluded.filter((e, i) => e.conflict || i < EXCLUDED_SHOWN).map((e) => ({ mediator: brief(e.m), reasons: e.reasons })),
    notes,
    candidatesConsidered: candidates.length,
    weights: SCORE_WEIGHTS,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
