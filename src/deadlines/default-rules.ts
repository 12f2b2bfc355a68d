// The hub's default time limits (办理时限), seeded once; admins edit the table afterwards (PUT /api/deadline-rules).
// The most specific matching rule wins (compute-due.ts pickRule): a channel's own limit, then urgency, then the
// dispute type, then the level.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { deadlineRules } from "./schema.js";

export type NewDeadlineRule = Omit<typeof deadlineRules.$inferInsert, "id">;

const wd = (amount: number) => ({ amount, unit: "working_days" as const });
const hours = (amount: number) => ({ amount, unit: "hours" as const });

export const DEFAULT_DEADLINE_RULES: NewDeadlineRule[] = [
  // Claim (揭榜) and accept (签收): a working day; urgent cases within hours.
  { stage: "claim", ...wd(1), note: "揭榜认领时限" },
  { stage: "claim", urgency: "urgent", ...hours(4), yellowAt: 0.5, redAt: 0.75, note: "紧急件认领时限" },
  { stage: "accept", ...wd(1), note: "签收时限" },
  { stage: "accept", urgency: "urgent", ...hours(2), yellowAt: 0.5, redAt: 0.75, note: "紧急件签收时限" },
  // Handle (办理), by the level that handles it: the higher the level, the harder the case.
  { stage: "handle", level: "grid", ...wd(5), note: "网格办理时限" },
  { stage: "handle", level: "community", ...wd(10), note: "村（社区）办理时限" },
  { stage: "handle", level: "street", ...wd(15), note: "街道办理时限" },
  { stage: "handle", level: "county", ...wd(30), note: "市级部门办理时限" },
  { stage: "handle", urgency: "urgent", ...wd(3), note: "紧急件办理时限" },
  // Wage arrears and family quarrels do not wait: shorter at each level.
  { stage: "handle", category: "LD", level: "grid", ...wd(3), note: "劳动争议（网格）办理时限" },
  { stage: "handle", category: "LD", level: "community", ...wd(5), note: "劳动争议（村社）办理时限" },
  { stage: "handle", category: "LD", level: "street", ...wd(10), note: "劳动争议（街道）办理时限" },
  { stage: "handle", category: "LD", level: "county", ...wd(20), note: "劳动争议（市级）办理时限" },
  { stage: "handle", category: "HY", level: "grid", ...wd(3), note: "婚姻家庭（网格）办理时限" },
  { stage: "handle", category: "HY", level: "community", ...wd(7), note: "婚姻家庭（村社）办理时限" },
  { stage: "handle", category: "HY", level: "street", ...wd(10), note: "婚姻家庭（街道）办理时限" },
  // The 12345 hotline sets its own 办理时限 on every work order (blsx, usually 5 working days); it outranks ours.
  { stage: "handle", channel: "12345", ...wd(5), note: "12345 渠道时限" },
  { stage: "handle", channel: "12345", urgency: "urgent", ...wd(2), note: "12345 紧急工单时限" },
  // Verify (核验) by the street centre.
  { stage: "verify", ...wd(3), note: "核验时限" },
];

/** Seeds the defaults when the table is empty; once admins have a set, it is theirs. */
export async function seedDeadlineRules(db: DbOrTx): Promise<number> {
  return db.transaction(async (tx) => {
    // Two app processes starting together seed once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tongban.seed.deadline_rules'))`);
    const [{ n }] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM deadline_rules`)).rows;
    if (Number(n) > 0) return 0;
    const rows = await tx.insert(deadlineRules).values(DEFAULT_DEADLINE_RULES).returning({ id: deadlineRules.id });
    return rows.length;
  });
}
