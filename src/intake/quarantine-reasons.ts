// What each quarantine reason means, for staff (zh) and the English switch.
import type { QuarantineReason } from "./draft.js";

export const QUARANTINE_REASON_NAMES: Record<QuarantineReason, { zh: string; en: string }> = {
  malformed_row: { zh: "格式错误，无法解析", en: "Malformed row" },
  unreadable_encoding: { zh: "文件编码无法识别", en: "Unreadable encoding" },
  truncated_file: { zh: "文件不完整（中途截断）", en: "File cut off midway" },
  record_too_large: { zh: "单条记录过大", en: "Record too large" },
  missing_required: { zh: "缺少必填字段", en: "Required field missing" },
  invalid_time: { zh: "时间无法识别", en: "Unreadable time" },
  time_in_future: { zh: "时间晚于当前时间", en: "Time in the future" },
  time_before_1990: { zh: "时间早于1990年", en: "Time before 1990" },
  unknown_channel: { zh: "无法判断来源渠道", en: "Unknown channel" },
  unsupported_file: { zh: "不支持的文件类型", en: "Unsupported file" },
  file_too_large: { zh: "文件过大", en: "File too large" },
};

/** Longest narrative kept as a record (characters); a longer one is quarantined, not truncated. */
export const MAX_NARRATIVE_CHARS = 20_000;
