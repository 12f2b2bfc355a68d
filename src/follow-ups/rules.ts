// Which follow-up rule applies to a case: the most specific active rule (type and colour, then colour, then type,
// then the default). The seeded rules (seed-rules.ts) are the street's defaults; staff edit them in the web app.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { followUpRules } from "./schema.js";
import { FALLBACK_OFFSETS } from "./states.js";

export type FollowUpRule = typeof followUpRules.$inferSelect;
type RuleShape = Pick<FollowUpRule, "category" | "riskLevel" | "offsetsDays">;

/** Specificity of a rule that matches: 3 type+colour, 2 colour, 1 type, 0 default; -1 when it does not match. */
function specificity(rule: Pick<FollowUpRule, "category" | "riskLevel">, category: string | null, riskLevel: string | null): number {
  if (rule.category != null && rule.category !== category) return -1;
  if (rule.riskLevel != null && rule.riskLevel !== riskLevel) return -1;
  return (rule.riskLevel != null ? 2 : 0) + (rule.category != null ? 1 : 0);
}

/** The rule that wins among `rules` (all taken as active), or null when none matches. */
export function pickRule<R extends RuleShape>(rules: R[], category: string | null, riskLevel: string | null): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const r of rules) {
    const s = specificity(r, category, riskLevel);
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  return best;
}

/** The days after closure to visit a case of this type and colour. */
export async function offsetsFor(db: DbOrTx, category: string | null, riskLevel: string | null): Promise<{ offsets: number[]; ruleId: number | null }> {
  const rules = await db.select().from(followUpRules).where(eq(followUpRules.active, true)).orderBy(followUpRules.id);
  const rule = pickRule(rules, category, riskLevel);
  return rule ? { offsets: normaliseOffsets(rule.offsetsDays), ruleId: rule.id } : { offsets: FALLBACK_OFFSETS, ruleId: null };
}

/** Sorted, distinct, whole days from 1 to 365. */
export function normaliseOffsets(days: number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 365))].sort((a, b) => a - b);
}
