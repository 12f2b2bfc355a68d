import type { FastifyRequest } from "fastify";
import { actorLabel } from "../../server/context.js";
import type { IntakeActor } from "../ingest.js";

/** The request's actor in the shape intake's audit rows take. */
export function intakeActor(req: FastifyRequest): IntakeActor {
  const a = req.actor;
  return {
    kind: a.kind === "account" || a.kind === "token" ? a.kind : "system",
    id: a.kind === "account" || a.kind === "token" ? a.id : null,
    label: actorLabel(a),
    correlationId: req.id,
    ip: req.ip,
  };
}
