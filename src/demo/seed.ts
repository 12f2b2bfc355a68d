// The Gutang demo: region tree from the shipped registry, the street's units, one account per role and a few
// dozen invented cases. Runs only on an empty database (no accounts yet).
import { and, asc, eq, isNull, like, sql } from "drizzle-orm";
import { accounts } from "../accounts/schema.js";
import { hashPassword } from "../accounts/passwords.js";
import { caseParties, cases } from "../cases/schema.js";
import type { Db } from "../db/client.js";
import { recordPerson } from "../people/record-person.js";
import type { Cipher } from "../personal-data/cipher.js";
import { importRegistry, loadRegistryFile, SHIPPED_REGISTRY_PATH } from "../regions/import-registry.js";
import { regionNodes } from "../regions/schema.js";
import { inTransaction } from "../server/context.js";
import { seedUnits, unitIdByCode } from "../units/seed-units.js";
import { units } from "../units/schema.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.js";
import { demoCases } from "./demo-cases.js";

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts);
  return row.n === 0;
}

export async function seedDemo(db: Db, cipher: Cipher, opts: { cases?: number } = {}) {
  return inTransaction({ db, cipher }, { actor: { kind: "system", label: "demo-seed" }, correlationId: "demo-seed" }, async (ctx) => {
    await importRegistry(ctx, loadRegistryFile(SHIPPED_REGISTRY_PATH));
    await seedUnits(ctx);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      const unitId = a.unit ? await unitIdByCode(ctx, a.unit) : null;
      const regionCode = a.region ?? (await ctx.tx.select({ code: regionNodes.code }).from(units).innerJoin(regionNodes, eq(regionNodes.id, units.regionNodeId)).where(eq(units.id, unitId!)))[0].code;
      const [node] = await ctx.tx.select({ id: regionNodes.id }).from(regionNodes).where(eq(regionNodes.code, regionCode));
      await ctx.tx.insert(accounts).values({ username: a.username, displayName: a.displayName, role: a.role, unitId, regionNodeId: node.id, passwordHash });
    }

    const communities = await ctx.tx.select().from(regionNodes).where(eq(regionNodes.level, "community")).orderBy(asc(regionNodes.code));
    const microGrids = await ctx.tx
      .select({ id: regionNodes.id, path: regionNodes.path })
      .from(regionNodes)
      .where(and(eq(regionNodes.level, "micro_grid"), isNull(regionNodes.retiredAt), like(regionNodes.path, "%")))
      .orderBy(asc(regionNodes.code));
    let n = 0;
    for (const c of demoCases(communities.map((c) => c.code), opts.cases)) {
      n++;
      const inCommunity = microGrids.filter((m) => m.path.includes(`/${c.community}/`));
      const place = inCommunity[(n * 7) % inCommunity.length];
      const [row] = await ctx.tx
        .insert(cases)
        .values({
          code: `GT-2026-${String(n).padStart(6, "0")}`,
          title: c.title,
          summary: c.summary,
          regionNodeId: place.id,
          leadUnitId: await unitIdByCode(ctx, c.leadUnit),
          openedAt: new Date(Date.UTC(2026, 10, 1) + n * 13 * 3600 * 1000),
          status: (["open", "in_progress", "resolved", "closed"] as const)[n % 4],
        })
        .returning({ id: cases.id });
      for (const p of c.parties) {
        const person = await recordPerson(ctx, { name: p.name, idNumber: p.idNumber, phone: p.phone, regionNodeId: place.id });
        await ctx.tx.insert(caseParties).values({ caseId: row.id, personId: person.id, role: p.role });
      }
    }
    return { accounts: DEMO_ACCOUNTS.length, cases: n };
  });
}
