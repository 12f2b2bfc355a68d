// The HTTP server: plugins, the authentication hook, the error catalogue, every domain's routes, the web app.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance, type FastifyBaseLogger, type RawServerDefault } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../db/client.js";
import type { Cipher } from "../personal-data/cipher.js";
import { makeAuthenticate, type AuthDeclaration } from "./authenticate.js";
import { handleError } from "./errors.js";
import { loggerOptions } from "./logging.js";
import type { Services } from "./context.js";
import { registerRoutes } from "./routes.js";
import { intakeDepsCache } from "../intake/deps.js";

export interface RouteInfo {
  method: string;
  url: string;
  auth: AuthDeclaration | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its auth declaration (for the permission snapshot and the scope walk). */
    routeTable: RouteInfo[];
  }
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface AppOptions {
  db: Db;
  cipher: Cipher;
  /** Pino options or a ready logger stream; false for silence. */
  logger?: boolean | Record<string, unknown>;
  loginRateLimit?: { max: number; timeWindow: number };
  /** Built web app to serve at /. */
  webDir?: string;
  secureCookies?: boolean;
  /** Case formation after intake; the server passes its background former, tests may pass their own. */
  cases?: { trigger: () => void };
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { ...loggerOptions, ...(typeof opts.logger === "object" ? opts.logger : {}) },
    genReqId: (req) => {
      const given = req.headers["x-correlation-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: process.env.TONGBAN_TRUST_PROXY === "1",
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) => handleError(Object.assign(new Error("not found"), { statusCode: 404 }), req, reply));
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-correlation-id", req.id);
    // API answers may carry personal data: never kept by browsers or proxies.
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });

  // Every /api route must say who may call it; a route without a declaration is a bug, caught at start.
  const routeTable: RouteInfo[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method, url: route.url, auth: route.config?.auth });
    }
    if (route.url.startsWith("/api/") && !route.config?.auth) {
      throw new Error(`route ${route.method} ${route.url} has no auth declaration`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'", "ws:", "wss:"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: "警情通办 Tongban API", version: "0.1.0" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tb_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  const services: Services = { db: opts.db, cipher: opts.cipher, intake: intakeDepsCache(opts.db, opts.cipher), cases: opts.cases ?? { trigger: () => undefined } };
  // Authentication runs before the body is parsed or validated: anonymous callers learn nothing from validation.
  app.addHook("onRequest", makeAuthenticate(opts.db));
  await registerRoutes(app, services, {
    loginRateLimit: opts.loginRateLimit ?? { max: 20, timeWindow: 60_000 },
    secureCookies: opts.secureCookies ?? false,
  });

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false });
    // Client-side routes: any other GET gets the app shell.
    // An async handler returning the reply: the file is streamed after the handler returns, and Fastify waits for it
    // (a plain handler returning the reply could have it taken for the payload while the file was still opening).
    app.get("/*", async (req, reply) => {
      // API paths and missing files (a path ending in an extension) are not pages: 404, not the app shell.
      if (req.url.startsWith("/api/") || /\.[a-z0-9]+$/i.test(req.url.split("?")[0])) {
        handleError(Object.assign(new Error("not found"), { statusCode: 404 }), req, reply);
        return reply;
      }
      return reply.type("text/html").sendFile("index.html");
    });
  }
  return app;
}
