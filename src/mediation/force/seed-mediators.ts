// Seeds 古塘's mediation force when the registry has none, and links demo accounts to their mediators.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../../accounts/schema.js";
import { regionNodes } from "../../regions/schema.js";
import type { Ctx } from "../../server/context.js";
import { units } from "../../units/schema.js";
import { mediators } from "../schema.js";
import { generateMediators, type MediatorSeed } from "./generate-mediators.js";

export { generateMediators, type MediatorSeed } from "./generate-mediators.js";

export const GUTANG_FORCE = { size: 150, seed: 20260306 } as const;

/**
 * ~150 mediators for the street, only when the table is empty; then links accounts named in the seed (tiaojie →
 * 黄新华) that exist and are not linked yet. Returns how many mediators it inserted.
 */
export async function seedMediators(ctx: Pick<Ctx, "tx" | "now">): Promise<number> {
  const [{ n }] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(mediators);
  let inserted = 0;
  if (n === 0) {
    const communities = await ctx.tx
      .select({ code: regionNodes.code, kind: regionNodes.kind })
      .from(regionNodes)
      .where(and(eq(regionNodes.level, "community"), isNull(regionNodes.retiredAt)))
      .orderBy(asc(regionNodes.code));
    if (communities.length) {
      inserted = await insertMediators(ctx, generateMediators(GUTANG_FORCE.size, GUTANG_FORCE.seed, { communities, asOf: ctx.now }));
    }
  }
  await linkSeedAccounts(ctx, SEED_ACCOUNT_LINKS);
  return inserted;
}

/** Demo accounts that are mediators of the seeded force (src/demo/demo-accounts.ts). */
const SEED_ACCOUNT_LINKS = [{ name: "黄新华", username: "tiaojie" }];

/** Inserts generated mediators, resolving community, unit and studio codes to ids (unknown codes become null). */
export async function insertMediators(ctx: Pick<Ctx, "tx">, seeds: MediatorSeed[]): Promise<number> {
  if (!seeds.length) return 0;
  const regionCodes = [...new Set(seeds.map((s) => s.homeCommunityCode))];
  const unitCodes = [...new Set(seeds.flatMap((s) => [s.unitCode, s.studioCode]).filter((c): c is string => c != null))];
  const regionIds = new Map(
    (await ctx.tx.select({ id: regionNodes.id, code: regionNodes.code }).from(regionNodes).where(inArray(regionNodes.code, regionCodes))).map((x) => [x.code, x.id]),
  );
  const unitIds = new Map(
    unitCodes.length ? (await ctx.tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, unitCodes))).map((x) => [x.code, x.id]) : [],
  );
  const byUsername = new Map<string, number>();
  const usernames = seeds.map((s) => s.accountUsername).filter((u): u is string => u != null);
  if (usernames.length) {
    for (const a of await ctx.tx.select({ id: accounts.id, username: accounts.username }).from(accounts).where(inArray(accounts.username, usernames))) byUsername.set(a.username, a.id);
  }
  const rows = seeds.map((s) => ({
    name: s.name,
    kind: s.kind,
    accountId: s.accountUsername ? (byUsername.get(s.accountUsername) ?? null) : null,
    fields: s.fields,
    specialties: s.specialties,
    birthYear: s.birthYear,
    gender: s.gender,
    yearsExperience: s.yearsExperience,
    dialects: s.dialects,
    homeRegionNodeId: regionIds.get(s.homeCommunityCode) ?? null,
    unitId: s.unitCode ? (unitIds.get(s.unitCode) ?? null) : null,
    studioUnitId: s.studioCode ? (unitIds.get(s.studioCode) ?? null) : null,
    grade: s.grade,
    availableDays: s.availableDays,
    leaveFrom: s.leaveFrom,
    leaveTo: s.leaveTo,
    employerCreditCode: s.employerCreditCode,
    bio: s.bio,
  }));
  for (let i = 0; i < rows.length; i += 1000) await ctx.tx.insert(mediators).values(rows.slice(i, i + 1000));
  return rows.length;
}

/** Links an account to the mediator of that name when both exist and neither is linked yet. */
async function linkSeedAccounts(ctx: Pick<Ctx, "tx">, links: { name: string; username: string }[]) {
  for (const { name, username } of links) {
    const [account] = await ctx.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    if (!account) continue;
    const [taken] = await ctx.tx.select({ id: mediators.id }).from(mediators).where(eq(mediators.accountId, account.id));
    if (taken) continue;
    const [m] = await ctx.tx.select({ id: mediators.id }).from(mediators).where(and(eq(mediators.name, name), isNull(mediators.accountId))).orderBy(asc(mediators.id)).limit(1);
    if (m) await ctx.tx.update(mediators).set({ accountId: account.id }).where(eq(mediators.id, m.id));
  }
}
