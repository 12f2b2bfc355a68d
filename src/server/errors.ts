// Maps every thrown error to the catalogue. 5xx details go to the log, never to the client.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, CATALOGUE, errorBody, type ErrorCode } from "../errors/catalogue.js";

export function requestLang(req: FastifyRequest): "zh" | "en" {
  const header = String(req.headers["x-lang"] ?? req.headers["accept-language"] ?? "");
  return header.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(req);
  let code: ErrorCode = "INTERNAL";
  let extra: { detail?: string; fields?: unknown } | undefined;
  if (err instanceof AppError) {
    code = err.code;
    extra = { detail: err.detail, fields: err.fields };
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    code = "VALIDATION_FAILED";
    extra = {
      fields: err.validation.map((v) => ({ path: `${err.validationContext ?? ""}${v.instancePath}`, message: v.message })),
    };
  } else if ((err as FastifyError).statusCode === 429) {
    code = "RATE_LIMITED";
  } else if ((err as FastifyError).statusCode === 413) {
    code = "PAYLOAD_TOO_LARGE";
  } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
    code = (err as FastifyError).statusCode === 404 ? "NOT_FOUND" : "VALIDATION_FAILED";
  } else if (isConnectionError(err)) {
    code = "DATABASE_UNAVAILABLE";
  }
  const status = CATALOGUE[code].status;
  if (status >= 500) req.log.error({ err }, "request failed");
  return reply.status(status).send(errorBody(code, lang, req.id, status >= 500 ? undefined : extra));
}

function isConnectionError(err: Error): boolean {
  const c = (err as { code?: string }).code;
  return c === "ECONNREFUSED" || c === "57P01" || c === "08006" || c === "08001";
}
