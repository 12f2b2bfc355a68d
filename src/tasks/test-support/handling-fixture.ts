// A case ready for handling, and the accounts that handle it: the street centre, a community centre, a department.
import type { Role } from "../../accounts/roles.js";
import { cases } from "../../cases/schema.js";
import { eq } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../server/context.js";
import { createAccount, createCase, login, type Session, type TestApp } from "../../test/app.js";

export const HOME = "330282006004"; // 团圈社区
export const AWAY = "330282006001"; // 上傅家社区

export interface Staff {
  id: number;
  session: Session;
}

export async function staff(h: TestApp, role: Role, region: string, unit?: string): Promise<Staff> {
  const a = await createAccount(h.t, role, region, unit);
  return { id: a.id, session: await login(h.app, a.username) };
}

export async function handlingCase(h: TestApp, opts: { region?: string; category?: string; title?: string } = {}) {
  const c = await createCase(h.t, { region: opts.region ?? `${HOME}-G01`, title: opts.title ?? "邻里漏水纠纷" });
  if (opts.category !== undefined) await h.t.db.update(cases).set({ category: opts.category }).where(eq(cases.id, c.id));
  return c;
}

export function asSystem<T>(h: TestApp, work: (ctx: Ctx) => Promise<T>, now?: Date): Promise<T> {
  return inTransaction({ db: h.t.db, cipher: h.t.cipher }, { actor: { kind: "system", label: "test" }, correlationId: "test" }, (ctx) =>
    work(now ? { ...ctx, now } : ctx),
  );
}
