// Intake's names for the screen. Channels and quarantine reasons come from the server's modules; the few lists the
// server keeps only as column enums (batch sources, record flags, person statuses) are named here, typed by them.
import { CHANNEL_NAMES, CHANNELS, isChannel } from "../../../intake/channels.js";
import type { PersonRole, QuarantineReason } from "../../../intake/draft.js";
import { QUARANTINE_REASON_NAMES } from "../../../intake/quarantine-reasons.js";
import { RECORD_FLAG_NAMES } from "../../../intake/flags.js";
import type { intakeBatches, recordPeople } from "../../../intake/schema.js";
import type { RecordSummary } from "./record-api.js";

type BatchRow = typeof intakeBatches.$inferSelect;
type PersonRow = typeof recordPeople.$inferSelect;

export const CHANNEL_OPTIONS = CHANNELS.map((value) => ({ value, label: CHANNEL_NAMES[value] }));

export const REASON_OPTIONS = (Object.keys(QUARANTINE_REASON_NAMES) as QuarantineReason[]).map((value) => ({
  value,
  label: QUARANTINE_REASON_NAMES[value].zh,
}));

export function reasonName(reason: string): string {
  return QUARANTINE_REASON_NAMES[reason as QuarantineReason]?.zh ?? reason;
}

export function channelName(code: string | null): string {
  if (!code) return "未识别渠道";
  return isChannel(code) ? CHANNEL_NAMES[code] : code;
}

export const SOURCE_NAMES: Record<BatchRow["source"], string> = { file: "文件", upload: "上传", api: "接口推送", form: "表单", demo: "演示数据" };

export const BATCH_STATUS: Record<BatchRow["status"], { name: string; color: string }> = {
  running: { name: "处理中", color: "processing" },
  done: { name: "完成", color: "success" },
  failed: { name: "失败", color: "error" },
};

export const ADDRESS_STATUS: Record<RecordSummary["addressStatus"], { name: string; color: string }> = {
  resolved: { name: "已定位", color: "green" },
  partial: { name: "部分定位", color: "gold" },
  unresolved: { name: "未定位", color: "red" },
};

export const FLAG_NAMES: Record<string, string> = RECORD_FLAG_NAMES;

export const PERSON_ROLE_NAMES: Record<PersonRole, string> = { reporter: "报告人", applicant: "申请人", respondent: "被申请人", other: "其他当事人" };

export const ID_STATUS: Record<PersonRow["idStatus"], { name: string; color: string }> = {
  full: { name: "完整", color: "green" },
  masked: { name: "来源已打码", color: "default" },
  invalid: { name: "无效", color: "red" },
  empty: { name: "未提供", color: "default" },
};

export const PHONE_STATUS: Record<PersonRow["phoneStatus"], { name: string; color: string }> = {
  mobile: { name: "手机", color: "green" },
  landline: { name: "固话", color: "blue" },
  invalid: { name: "无效", color: "red" },
  empty: { name: "未提供", color: "default" },
};

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An instant as Beijing wall time, `YYYY-MM-DD HH:mm`, whatever the browser's own time zone. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
