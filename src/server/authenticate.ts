// Authentication as a hook on every /api route, driven by the route's declaration in `config.auth`:
//   { public: true }                      anyone
//   { permission: "x.y" }                 a logged-in account whose role may do x.y (cookie session)
//   { permission: "x.y", tokens: true }   … or an API token granted x.y
//   { permission: null }                  any logged-in account (the action decides inside)
// Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`.
import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { resolveApiToken, TOKEN_PREFIX } from "../accounts/api-tokens.js";
import type { Action } from "../accounts/permissions.js";
import { requirePermission } from "../accounts/policies.js";
import { resolveSession } from "../accounts/sessions.js";
import { AppError } from "../errors/catalogue.js";
import type { Db } from "../db/client.js";
import type { Actor } from "./context.js";

export type AuthDeclaration = { public: true } | { permission: Action | null; tokens?: boolean };

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: AuthDeclaration;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export const SESSION_COOKIE = "tb_session";
export const CSRF_COOKIE = "tb_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function makeAuthenticate(db: Db) {
  return async function authenticate(req: FastifyRequest, _reply: FastifyReply) {
    req.actor = { kind: "anonymous" };
    const decl = req.routeOptions.config.auth;
    if (!decl) return; // non-API routes (static files); every /api route declares auth (checked at start)
    if ("public" in decl) return;
    const now = new Date();
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      if (!decl.tokens || !bearer.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED");
      req.actor = await resolveApiToken(db, bearer, now);
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (!cookie) throw new AppError("UNAUTHENTICATED");
      const session = await resolveSession(db, cookie, now);
      if (!SAFE_METHODS.has(req.method) && !sameToken(req.headers["x-csrf-token"], session.csrfToken)) {
        throw new AppError("CSRF_FAILED");
      }
      req.actor = session.actor;
    }
    if (decl.permission) requirePermission(req.actor, decl.permission);
  };
}
