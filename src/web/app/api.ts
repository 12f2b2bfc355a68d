// The one way the web app talks to the server: same-origin cookies, the CSRF header on writes, the language header,
// and the server's error body turned into an ApiError the shell can show.
import { getLang } from "./lang.js";

export interface ApiErrorBody {
  code: string;
  message: string;
  correlationId: string;
  detail?: string;
  fields?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.detail ? `${body.message}：${body.detail}` : body.message);
  }
}

const CSRF_COOKIE = "tb_csrf";

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The headers every call sends: the CSRF token on writes, the language when it is English. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") headers["x-csrf-token"] = readCookie(CSRF_COOKIE) ?? "";
  if (getLang() === "en") headers["x-lang"] = "en";
  return headers;
}

/** A failed answer as an ApiError: the server's error body, or the bare status when there is none. */
export function apiError(status: number, statusText: string, text: string, correlationId: string | null): ApiError {
  const err = (safeJson(text) as { error?: ApiErrorBody } | undefined)?.error;
  return new ApiError(status, err ?? { code: "HTTP_" + status, message: `${status} ${statusText}`, correlationId: correlationId ?? "" });
}

export function networkError(): ApiError {
  return new ApiError(0, { code: "NETWORK", message: getLang() === "en" ? "Cannot reach the server" : "无法连接服务器", correlationId: "" });
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = requestHeaders(method);
  if (body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  const text = await res.text();
  if (!res.ok) throw apiError(res.status, res.statusText, text, res.headers.get("x-correlation-id"));
  return (text ? safeJson(text) : undefined) as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", query ? withQuery(path, query) : path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** 401 means the session is gone: the shell sends the user to the login page. */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}
