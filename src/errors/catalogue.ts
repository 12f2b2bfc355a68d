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
  "SUPERVISION_NOT_ORDERED_UNIT",
  "SUPERVISION_WRONG_STATE",
  "WARNING_NOT_RECIPIENT",
  "WARNING_WRONG_STATE",
  "TASK_STATE",
  "NOT_YOUR_TASK",
  "CLAIM_LOST",
  "CLAIM_CLOSED",
  "NOT_ELIGIBLE",
  "ROUTING_LEVEL_LIMIT",
  "ALREADY_ROUTED",
  "NOT_STEP_OWNER",
  "STAGE_NOT_OPEN",
  "EXTENSION_PENDING",
  "EXTENSION_DECIDED",
  "MEDIATION_STAGE_MOVE",
  "SESSION_STATE",
  "AGREEMENT_STATE",
  "CONFIRMATION_STATE",
  "NOT_COURT_UNIT",
  "REFERRAL_STATE",
  "PDF_FONT_MISSING",
  "MEDIATOR_CONFLICT",
  "MEDIATOR_UNAVAILABLE",
  "MEDIATION_NO_TEAM",
  "MEDIATOR_REQUEST_DECIDED",
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
  SUPERVISION_NOT_ORDERED_UNIT: { status: 403, zh: "只有被督办单位可以回复督办", en: "Only the supervised unit may respond to the order" },
  SUPERVISION_WRONG_STATE: { status: 409, zh: "督办单当前状态不允许此操作", en: "The supervision order's state does not allow this" },
  WARNING_NOT_RECIPIENT: { status: 403, zh: "本单位不是该预警的签收单位", en: "Your unit is not a recipient of this warning" },
  WARNING_WRONG_STATE: { status: 409, zh: "预警当前状态不允许此操作", en: "The warning's state does not allow this" },
  TASK_STATE: { status: 409, zh: "任务当前状态不允许此操作", en: "The task's state does not allow this" },
  NOT_YOUR_TASK: { status: 403, zh: "该任务不由本单位承办", en: "This task is not your unit's" },
  CLAIM_LOST: { status: 409, zh: "已被其他单位认领", en: "Another unit has claimed it" },
  CLAIM_CLOSED: { status: 409, zh: "认领已截止", en: "The claim period has ended" },
  NOT_ELIGIBLE: { status: 403, zh: "本单位不在可认领范围内", en: "Your unit may not claim this" },
  ROUTING_LEVEL_LIMIT: { status: 409, zh: "已在最高（最低）层级，不能再上提（下沉）", en: "The case is already at the top (bottom) level" },
  ALREADY_ROUTED: { status: 409, zh: "案件已有在办的牵头任务", en: "The case already has an open lead task" },
  NOT_STEP_OWNER: { status: 403, zh: "只有牵头单位或该步骤的责任单位可以勾选", en: "Only the lead unit or the step's owner unit may tick this step" },
  STAGE_NOT_OPEN: { status: 409, zh: "该环节没有进行中的办理时限", en: "The stage has no running deadline" },
  EXTENSION_PENDING: { status: 409, zh: "该环节已有待审批的延期申请", en: "An extension request for this stage is already pending" },
  EXTENSION_DECIDED: { status: 409, zh: "该延期申请已审批", en: "The extension request has already been decided" },
  MEDIATION_STAGE_MOVE: { status: 409, zh: "调解阶段不能这样变更", en: "The case cannot move to that mediation stage" },
  SESSION_STATE: { status: 409, zh: "调解会议当前状态不允许此操作", en: "The session's state does not allow this" },
  AGREEMENT_STATE: { status: 409, zh: "调解协议当前状态不允许此操作", en: "The agreement's state does not allow this" },
  CONFIRMATION_STATE: { status: 409, zh: "司法确认申请当前状态不允许此操作", en: "The judicial confirmation's state does not allow this" },
  NOT_COURT_UNIT: { status: 403, zh: "只有受理的人民法庭可以作出司法确认决定", en: "Only the court the request was sent to may decide it" },
  REFERRAL_STATE: { status: 409, zh: "移交当前状态不允许此操作", en: "The referral's state does not allow this" },
  PDF_FONT_MISSING: { status: 503, zh: "缺少中文字体，暂不能生成PDF，请使用打印页面", en: "No Chinese font is installed; the PDF cannot be made — use the print page" },
  MEDIATOR_CONFLICT: { status: 409, zh: "该调解员与本案存在利益冲突，须回避", en: "The mediator has a conflict of interest with this case" },
  MEDIATOR_UNAVAILABLE: { status: 409, zh: "该调解员已停用或正在休假", en: "The mediator is inactive or on leave" },
  MEDIATION_NO_TEAM: { status: 409, zh: "案件没有在办的调解小组", en: "The case has no active mediation team" },
  MEDIATOR_REQUEST_DECIDED: { status: 409, zh: "该指定申请已答复", en: "The request has already been answered" },
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
