// Factories for the routing tests: a case with a category, a place and records carrying money, people and channels.
import { eq } from "drizzle-orm";
import { cases } from "../cases/schema.js";
import { inTransaction, type Ctx } from "../server/context.js";
import { createCase, type TestApp } from "../test/app.js";

let n = 0;

export interface CaseSpec {
  region: string;
  category?: string | null;
  risk?: "red" | "yellow" | "green";
  records?: { channel?: string; amount?: number; people?: number }[];
}

export async function routingCase(h: TestApp, spec: CaseSpec) {
  const c = await createCase(h.t, { region: spec.region, title: `流转测试 ${++n}` });
  await h.t.db.update(cases).set({ category: spec.category ?? null, riskLevel: spec.risk ?? null }).where(eq(cases.id, c.id));
  for (const r of spec.records ?? []) {
    await h.t.db.$client.query(
      `INSERT INTO records (raw_record_id, channel, external_id, version, reported_at, narrative, narrative_key, category_words, amount, people_count, address_status, case_id)
       VALUES (0, $1, $2, 1, now(), '测试', '测试', '{}', $3, $4, 'unresolved', $5)`,
      [r.channel ?? "12345", `RT-${++n}`, r.amount ?? null, r.people ?? null, c.id],
    );
  }
  return c;
}

export function asSystem<T>(h: TestApp, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inTransaction({ db: h.t.db, cipher: h.t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, work);
}

export async function unitName(h: TestApp, id: number | null): Promise<string | null> {
  if (id == null) return null;
  return (await h.t.db.$client.query(`SELECT name FROM units WHERE id = $1`, [id])).rows[0]?.name ?? null;
}

export const query = async (h: TestApp, sql: string, params: unknown[] = []) => (await h.t.db.$client.query(sql, params)).rows;
