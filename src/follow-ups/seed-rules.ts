// The street's default follow-up rules, seeded once when the table is empty (staff edit them afterwards):
// every case day 7 and day 30; yellow cases sooner and more often; red cases from the next day to day 60; family
// (HY) and labour (LD) disputes, which tend to flare up again months later, add a visit on day 90 whatever the colour.
import type { Db, DbOrTx } from "../db/client.js";
import { followUpRules } from "./schema.js";

type Colour = "red" | "yellow" | "green";
export interface RuleSeed {
  category: string | null;
  riskLevel: Colour | null;
  offsetsDays: number[];
}

const DEFAULT = [7, 30];
const YELLOW = [3, 15, 30];
const RED = [1, 7, 15, 30, 60];
const LONG_TAIL_TYPES = ["HY", "LD"];

export const DEFAULT_FOLLOW_UP_RULES: RuleSeed[] = [
  { category: null, riskLevel: null, offsetsDays: DEFAULT },
  { category: null, riskLevel: "yellow", offsetsDays: YELLOW },
  { category: null, riskLevel: "red", offsetsDays: RED },
  ...LONG_TAIL_TYPES.flatMap((category) => [
    { category, riskLevel: null, offsetsDays: [...DEFAULT, 90] },
    { category, riskLevel: "yellow" as const, offsetsDays: [...YELLOW, 90] },
    { category, riskLevel: "red" as const, offsetsDays: [...RED, 90] },
  ]),
];

/** Seeds the default rules when there are none; returns how many were written. */
export async function seedFollowUpRules(db: Db | DbOrTx): Promise<number> {
  const [any] = await db.select({ id: followUpRules.id }).from(followUpRules).limit(1);
  if (any) return 0;
  const rows = await db.insert(followUpRules).values(DEFAULT_FOLLOW_UP_RULES.map((r) => ({ ...r, updatedByLabel: "系统默认" }))).returning({ id: followUpRules.id });
  return rows.length;
}
