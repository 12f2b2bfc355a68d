// Account administration: GET/POST /api/accounts, PATCH /api/accounts/:id, POST /api/accounts/:id/password.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors/catalogue.js";
import { regionNodes } from "../../regions/schema.js";
import type { App } from "../../server/app.js";
import { inTransaction, type Ctx, type Services } from "../../server/context.js";
import { units } from "../../units/schema.js";
import { hashPassword, PASSWORD_RULE } from "../passwords.js";
import { authorize, scopeCondition } from "../policies.js";
import { ROLE_NAMES, ROLES } from "../roles.js";
import { accounts } from "../schema.js";
import { endAllSessions } from "../sessions.js";
import { AccountView } from "../views.js";

const Password = z.string().min(PASSWORD_RULE.min, `密码至少${PASSWORD_RULE.min}位`).max(PASSWORD_RULE.max);
const AccountInput = z.object({
  username: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、_ . -"),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
  unitId: z.number().int().nullable().default(null),
  /** Scope root; defaults to the unit's region. */
  regionCode: z.string().trim().max(40).optional(),
  password: Password,
});
const AccountPatch = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.number().int().nullable().optional(),
  regionCode: z.string().trim().max(40).optional(),
  disabled: z.boolean().optional(),
  /** Clears a lockout. */
  unlock: z.literal(true).optional(),
});
const IdParams = z.object({ id: z.coerce.number().int() });

export function registerAccountRoutes(app: App, services: Services) {
  const run = <T>(req: { actor: Ctx["actor"]; id: string; ip: string }, work: (ctx: Ctx) => Promise<T>) =>
    inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, work);

  app.get("/api/accounts", {
    config: { auth: { permission: "accounts.read" } },
    schema: { tags: ["accounts"], summary: "账号列表", response: { 200: z.object({ items: z.array(AccountView) }) } },
    handler: async (req) => ({ items: await listAccounts(services.db, scopeCondition(req.actor, accounts.regionNodeId, accounts.unitId)) }),
  });

  app.post("/api/accounts", {
    config: { auth: { permission: "accounts.manage" } },
    schema: { tags: ["accounts"], summary: "新建账号", body: AccountInput, response: { 200: AccountView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const { password, regionCode, ...fields } = req.body;
        const regionNodeId = await scopeRoot(ctx.tx, fields.unitId, regionCode);
        const [node] = await ctx.tx.select().from(regionNodes).where(eq(regionNodes.id, regionNodeId));
        authorize(ctx.actor, "accounts.manage", { regionPath: node.path });
        const [dupe] = await ctx.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, fields.username));
        if (dupe) throw new AppError("CONFLICT", `用户名 ${fields.username} 已存在`);
        const [row] = await ctx.tx
          .insert(accounts)
          .values({ ...fields, regionNodeId, passwordHash: await hashPassword(password) })
          .returning();
        await recordAudit(ctx, { action: "account.create", subjectType: "account", subjectId: row.id, newValues: { ...fields, regionNodeId } });
        return (await listAccounts(ctx.tx, eq(accounts.id, row.id)))[0];
      }),
  });

  app.patch("/api/accounts/:id", {
    config: { auth: { permission: "accounts.manage" } },
    schema: { tags: ["accounts"], summary: "修改、停用或解锁账号", params: IdParams, body: AccountPatch, response: { 200: AccountView } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const account = await loadInScope(ctx, req.params.id);
        const { regionCode, disabled, unlock, ...fields } = req.body;
        const unitId = fields.unitId === undefined ? account.unitId : fields.unitId;
        const regionNodeId = regionCode || fields.unitId !== undefined ? await scopeRoot(ctx.tx, unitId, regionCode) : account.regionNodeId;
        if (regionNodeId !== account.regionNodeId) {
          // An admin can only hand out scopes inside their own.
          const [node] = await ctx.tx.select({ path: regionNodes.path }).from(regionNodes).where(eq(regionNodes.id, regionNodeId));
          authorize(ctx.actor, "accounts.manage", { regionPath: node.path });
        }
        const disabledAt = disabled === undefined ? account.disabledAt : disabled ? (account.disabledAt ?? ctx.now) : null;
        const [row] = await ctx.tx
          .update(accounts)
          .set({ ...fields, regionNodeId, disabledAt, ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}), updatedAt: ctx.now })
          .where(eq(accounts.id, account.id))
          .returning();
        // A disabled account loses its sessions at once; a changed role or scope starts from a fresh login.
        const scopeChanged = row.role !== account.role || row.regionNodeId !== account.regionNodeId || row.unitId !== account.unitId;
        if (disabled || scopeChanged) await endAllSessions(ctx.tx, account.id, disabled ? "disabled" : "scope_changed", ctx.now);
        const pick = (a: typeof account) => ({ displayName: a.displayName, role: a.role, unitId: a.unitId, regionNodeId: a.regionNodeId, disabled: a.disabledAt != null });
        const action = disabled === true && !account.disabledAt ? "account.disable" : disabled === false && account.disabledAt ? "account.enable" : "account.update";
        await recordAudit(ctx, { action, subjectType: "account", subjectId: account.id, oldValues: pick(account), newValues: { ...pick(row), ...(unlock ? { unlocked: true } : {}) } });
        return (await listAccounts(ctx.tx, eq(accounts.id, row.id)))[0];
      }),
  });

  app.post("/api/accounts/:id/password", {
    config: { auth: { permission: "accounts.manage" } },
    schema: { tags: ["accounts"], summary: "重置密码", params: IdParams, body: z.object({ password: Password }), response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) =>
      run(req, async (ctx) => {
        const account = await loadInScope(ctx, req.params.id);
        await ctx.tx.update(accounts).set({ passwordHash: await hashPassword(req.body.password), failedLogins: 0, lockedUntil: null, updatedAt: ctx.now }).where(eq(accounts.id, account.id));
        await endAllSessions(ctx.tx, account.id, "password_reset", ctx.now);
        await recordAudit(ctx, { action: "account.password_reset", subjectType: "account", subjectId: account.id });
        return { ok: true as const };
      }),
  });
}

async function loadInScope(ctx: Ctx, id: number) {
  const [row] = await ctx.tx
    .select({ account: accounts, path: regionNodes.path })
    .from(accounts)
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(eq(accounts.id, id))
    .for("update", { of: accounts });
  authorize(ctx.actor, "accounts.manage", row ? { regionPath: row.path, unitIds: [row.account.unitId] } : null);
  return row.account;
}

/** An account's scope root: the given region, else its unit's region. */
async function scopeRoot(db: DbOrTx, unitId: number | null, regionCode: string | undefined): Promise<number> {
  if (regionCode) {
    const [node] = await db.select({ id: regionNodes.id }).from(regionNodes).where(eq(regionNodes.code, regionCode));
    if (!node) throw new AppError("VALIDATION_FAILED", `区域代码 ${regionCode} 不存在`);
    return node.id;
  }
  if (unitId == null) throw new AppError("VALIDATION_FAILED", "请选择所属单位或辖区");
  const [unit] = await db.select({ regionNodeId: units.regionNodeId }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError("VALIDATION_FAILED", "所属单位不存在");
  return unit.regionNodeId;
}

async function listAccounts(db: DbOrTx, where: ReturnType<typeof eq> | ReturnType<typeof sql>): Promise<AccountView[]> {
  const rows = await db
    .select({ account: accounts, unitName: units.name, regionName: regionNodes.name })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(and(where))
    .orderBy(asc(accounts.id));
  const now = Date.now();
  return rows.map(({ account: a, unitName, regionName }) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    roleName: ROLE_NAMES[a.role],
    unitId: a.unitId,
    unitName,
    regionNodeId: a.regionNodeId,
    regionName,
    disabled: a.disabledAt != null,
    locked: a.lockedUntil != null && a.lockedUntil.getTime() > now,
    lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
  }));
}
