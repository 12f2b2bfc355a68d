// Sending queued webhook deliveries. A sweep claims due rows with FOR UPDATE SKIP LOCKED and pushes their
// next_attempt_at forward by a lease before sending, so two processes never send the same attempt; the outcome is
// written back only if the row is still at the attempt that was claimed.
import crypto from "node:crypto";
import type { Db } from "../db/client.js";
import type { Sweep } from "../jobs/boss.js";
import type { Cipher } from "../personal-data/cipher.js";

/** Wait after the 1st, 2nd … 5th failed attempt; the 6th failure gives up. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;
export const SEND_TIMEOUT_MS = 5_000;
/** A claimed attempt not written back within this time (the process died mid-send) becomes due again. */
export const LEASE_MS = 2 * 60_000;
const BATCH = 50;
const PARALLEL = 8;

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export interface DeliverOptions {
  cipher: Cipher;
  fetch?: FetchFn;
  /** Rows claimed per round; rounds continue until nothing is due. */
  batch?: number;
}

interface Claimed {
  id: number;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret_enc: string;
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** `sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return "sha256=" + crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function nextAttemptDelay(attemptsMade: number): number | null {
  return attemptsMade >= MAX_ATTEMPTS ? null : RETRY_BACKOFF_MS[attemptsMade - 1];
}

/** Sends every delivery due at `now` (of active webhooks); returns how many were delivered, retried and given up. */
export async function deliverDue(db: Db, now: Date, opts: DeliverOptions) {
  const totals = { delivered: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDue(db, now, opts.batch ?? BATCH);
    if (!claimed.length) return totals;
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      await Promise.all(
        claimed.slice(i, i + PARALLEL).map(async (d) => {
          const outcome = await send(d, opts);
          const result = await record(db, d, outcome, now);
          if (result) totals[result]++;
        }),
      );
    }
  }
}

async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const { rows } = await db.$client.query<Claimed>(
    `UPDATE webhook_deliveries d SET next_attempt_at = $2
       FROM unit_webhooks w
      WHERE w.id = d.webhook_id
        AND d.id IN (SELECT d2.id FROM webhook_deliveries d2
                       JOIN unit_webhooks w2 ON w2.id = d2.webhook_id AND w2.active
                      WHERE d2.status = 'pending' AND d2.next_attempt_at <= $1
                      ORDER BY d2.next_attempt_at, d2.id
                      LIMIT $3
                      FOR UPDATE OF d2 SKIP LOCKED)
  RETURNING d.id, d.event, d.payload, d.attempts, w.url, w.secret_enc`,
    [now, new Date(now.getTime() + LEASE_MS), limit],
  );
  return rows;
}

async function send(d: Claimed, opts: DeliverOptions): Promise<Outcome> {
  let secret: string;
  try {
    secret = opts.cipher.decrypt(d.secret_enc);
  } catch {
    return { ok: false, statusCode: null, error: "签名密钥无法解密" };
  }
  const url = safeUrl(d.url);
  if (!url) return { ok: false, statusCode: null, error: "推送地址无效（只允许 http/https）" };
  const body = JSON.stringify(d.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const res = await (opts.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Tongban-Webhook/1",
        "x-tongban-event": d.event,
        "x-tongban-delivery": String(d.id),
        "x-tongban-timestamp": timestamp,
        "x-tongban-signature": signature(secret, timestamp, body),
      },
      body,
      // Redirects are never followed: a receiver that moved must have its address updated.
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
    const error = res.status >= 300 && res.status < 400 ? `重定向未跟随（${res.headers.get("location") ?? ""}）` : `HTTP ${res.status}`;
    return { ok: false, statusCode: res.status || null, error: error.slice(0, 500) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const message = e.name === "TimeoutError" ? `超时（${SEND_TIMEOUT_MS / 1000} 秒无应答）` : e.cause?.code ?? e.cause?.message ?? e.message;
    return { ok: false, statusCode: null, error: String(message).slice(0, 500) };
  }
}

function safeUrl(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

async function record(db: Db, d: Claimed, outcome: Outcome, now: Date): Promise<"delivered" | "retried" | "failed" | null> {
  const attempts = d.attempts + 1;
  const delay = nextAttemptDelay(attempts);
  const status = outcome.ok ? "delivered" : delay === null ? "failed" : "pending";
  // Guarded by the claimed attempt count: a write-back after the lease expired and another process retried is dropped.
  const { rowCount } = await db.$client.query(
    `UPDATE webhook_deliveries
        SET status = $3, attempts = $4, last_status_code = $5, last_error = $6,
            delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END,
            next_attempt_at = COALESCE($7, next_attempt_at)
      WHERE id = $1 AND status = 'pending' AND attempts = $2`,
    [d.id, d.attempts, status, attempts, outcome.statusCode, outcome.error, status === "pending" ? new Date(now.getTime() + delay!) : null],
  );
  if (!rowCount) return null;
  return status === "delivered" ? "delivered" : status === "failed" ? "failed" : "retried";
}

/** Every minute: send what is due. Register with startJobs at server start. */
export const webhookSweep: Sweep = {
  name: "webhooks.deliver",
  cron: "* * * * *",
  run: ({ db, cipher }, now) => deliverDue(db, now, { cipher }),
};
