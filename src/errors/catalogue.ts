// The one error catalogue: stable code → HTTP status → message (zh-CN, with English for the language switch).
// Adding a code without a row here fails to compile.

export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "SESSION_EXPIRED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "ACCOUNT_DISABLED",
  "CSRF_FAILED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "DATABASE_UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

interface Entry {
  status: number;
  zh: string;
  en: string;
}

export const CATALOGUE: Record<ErrorCode, Entry> = {
  VALIDATION_FAILED: { status: 400, zh: "提交的内容不符合要求", en: "The request is not valid" },
  UNAUTHENTICATED: { status: 401, zh: "请先登录", en: "Please log in" },
  SESSION_EXPIRED: { status: 401, zh: "登录已过期，请重新登录", en: "Your session has expired; please log in again" },
  INVALID_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_LOCKED: { status: 423, zh: "登录失败次数过多，账号已锁定15分钟", en: "Too many failed logins; the account is locked for 15 minutes" },
  ACCOUNT_DISABLED: { status: 403, zh: "账号已停用", en: "This account is disabled" },
  CSRF_FAILED: { status: 403, zh: "请求校验失败，请刷新页面后重试", en: "Request verification failed; reload the page and try again" },
  FORBIDDEN: { status: 403, zh: "没有执行此操作的权限", en: "You are not allowed to do this" },
  NOT_FOUND: { status: 404, zh: "未找到", en: "Not found" },
  CONFLICT: { status: 409, zh: "与现有数据冲突", en: "Conflicts with existing data" },
  RATE_LIMITED: { status: 429, zh: "操作过于频繁，请稍后再试", en: "Too many requests; try again later" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "提交的内容过大", en: "The request is too large" },
  DATABASE_UNAVAILABLE: { status: 503, zh: "数据库暂时不可用", en: "The database is unavailable" },
  INTERNAL: { status: 500, zh: "系统内部错误，请稍后再试", en: "Internal error; try again later" },
};

/** An error a command raises on purpose. `detail` must be safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(detail ?? code);
  }
}

export function errorBody(code: ErrorCode, lang: "zh" | "en", correlationId: string, extra?: { detail?: string; fields?: unknown }) {
  const entry = CATALOGUE[code];
  return { error: { code, message: lang === "en" ? entry.en : entry.zh, correlationId, ...extra } };
}
