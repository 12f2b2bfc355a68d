// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../audit/record.js";
import { AppError } from "../../errors/catalogue.js";
import { regionNodes } from "../../regions/schema.js";
import type { App } from "../../server/app.js";
import { CSRF_COOKIE, SESSION_COOKIE } from "../../server/authenticate.js";
import { inTransaction, type Services } from "../../server/context.js";
import { units } from "../../units/schema.js";
import { login, loginFailed } from "../login.js";
import { actionsOf } from "../permissions.js";
import { ROLE_NAMES } from "../roles.js";
import { accounts } from "../schema.js";
import { endSession, SESSION_ABSOLUTE_MS } from "../sessions.js";
import { Me } from "../views.js";

export function registerSessionRoutes(app: App, services: Services, opts: { loginRateLimit: { max: number; timeWindow: number }; secureCookies: boolean }) {
  const cookieBase = { path: "/", sameSite: "lax" as const, secure: opts.secureCookies, maxAge: SESSION_ABSOLUTE_MS / 1000 };

  app.post("/api/auth/login", {
    config: { auth: { public: true }, rateLimit: { ...opts.loginRateLimit, keyGenerator: (req) => req.ip } },
    schema: {
      tags: ["auth"],
      summary: "登录",
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
      response: { 200: z.object({ csrfToken: z.string(), me: Me }) },
    },
    handler: async (req, reply) => {
      const result = await inTransaction(services, { actor: { kind: "anonymous" }, correlationId: req.id, ip: req.ip }, (ctx) =>
        login(ctx, { ...req.body, userAgent: req.headers["user-agent"] }),
      );
      // The failure is thrown only now, after the failed-attempt counter and its audit rows were committed.
      if (loginFailed(result)) throw new AppError(result.failure);
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieBase, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false });
      const me = await loadMe(services, result.accountId);
      return { csrfToken: result.csrfToken, me };
    },
  });

  app.post("/api/auth/logout", {
    config: { auth: { permission: null } },
    schema: { tags: ["auth"], summary: "退出登录", response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req, reply) => {
      await inTransaction(services, { actor: req.actor, correlationId: req.id, ip: req.ip }, async (ctx) => {
        if (ctx.actor.kind === "account" && ctx.actor.sessionId) {
          await endSession(ctx.tx, ctx.actor.sessionId, "logout", ctx.now);
          await recordAudit(ctx, { action: "session.logout", subjectType: "account", subjectId: ctx.actor.id });
        }
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  });

  app.get("/api/auth/me", {
    config: { auth: { permission: null, tokens: true } },
    schema: { tags: ["auth"], summary: "当前登录身份与权限", response: { 200: z.object({ me: Me, csrfToken: z.string().nullable() }) } },
    handler: async (req) => {
      const actor = req.actor;
      if (actor.kind === "token") {
        const [node] = await services.db.select().from(regionNodes).where(eq(regionNodes.id, actor.regionNodeId));
        return {
          csrfToken: null,
          me: {
            id: actor.id, username: `token:${actor.name}`, displayName: actor.name, role: null, roleName: "接口令牌",
            unit: null, region: { id: node.id, code: node.code, name: node.name, path: node.path },
            permissions: actor.scopes, kind: "token" as const,
          },
        };
      }
      if (actor.kind !== "account") throw new AppError("UNAUTHENTICATED");
      return { csrfToken: req.cookies["tb_csrf"] ?? null, me: await loadMe(services, actor.id) };
    },
  });
}

async function loadMe(services: Services, accountId: number) {
  const [row] = await services.db
    .select({ account: accounts, unit: units, region: regionNodes })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .innerJoin(regionNodes, eq(regionNodes.id, accounts.regionNodeId))
    .where(eq(accounts.id, accountId));
  const a = row.account;
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    roleName: ROLE_NAMES[a.role],
    unit: row.unit ? { id: row.unit.id, name: row.unit.name, kind: row.unit.kind } : null,
    region: { id: row.region.id, code: row.region.code, name: row.region.name, path: row.region.path },
    permissions: actionsOf(a.role),
    kind: "account" as const,
  };
}

