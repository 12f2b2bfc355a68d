// Agreement numbers: 古塘调〔2026〕第0001号, a sequence per (Beijing) year. Taken as max + 1 under a transaction-scoped
// advisory lock per year, so two agreements made at once never get the same number (the unique index is the backstop).
import { sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.js";
import { AGREEMENT_NUMBER_PREFIX } from "./views.js";

const LOCK_KEY = 0x61677265; // "agre"

export function beijingYear(d: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(d));
}

export async function nextAgreementNumber(ctx: Pick<Ctx, "tx" | "now">): Promise<string> {
  const year = beijingYear(ctx.now);
  const head = `${AGREEMENT_NUMBER_PREFIX}〔${year}〕第`;
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY}::int, ${year}::int)`);
  const { rows } = await ctx.tx.execute<{ n: number | null }>(
    sql`SELECT max(substring(number from '第([0-9]+)号')::int) AS n FROM agreements WHERE number LIKE ${head + "%"}`,
  );
  const next = (rows[0]?.n ?? 0) + 1;
  return `${head}${String(next).padStart(4, "0")}号`;
}
