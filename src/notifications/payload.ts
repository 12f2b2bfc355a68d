// What a unit's own system receives: one small, stable JSON object per event. Never a personal number: titles and
// bodies are written by the callers without them, and anything that still looks like an ID-card or phone number is
// masked here as a last guard.
import { maskIdNumber, maskPhone } from "../personal-data/mask.js";

export interface WebhookPayload {
  /** The notice kind (e.g. "task.assigned"), or "webhook.test" for a test delivery. */
  event: string;
  title: string;
  body: string;
  caseId: number | null;
  /** The case's code (案件编号), when the event is about a case. */
  caseCode?: string;
  taskId: number | null;
  unitId: number;
  /** When the event happened, ISO 8601 (UTC). */
  at: string;
}

export const TEST_EVENT = "webhook.test";

const ID_NUMBER = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** Masks ID-card and phone numbers in free text. */
export function maskNumbers(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m)).replace(LANDLINE, (m) => maskPhone(m));
}

export function buildPayload(input: {
  event: string;
  title: string;
  body?: string;
  caseId?: number | null;
  caseCode?: string | null;
  taskId?: number | null;
  unitId: number;
  at: Date;
}): WebhookPayload {
  return {
    event: input.event,
    title: maskNumbers(input.title),
    body: maskNumbers(input.body ?? ""),
    caseId: input.caseId ?? null,
    ...(input.caseCode ? { caseCode: input.caseCode } : {}),
    taskId: input.taskId ?? null,
    unitId: input.unitId,
    at: input.at.toISOString(),
  };
}
