import { Tag } from "antd";
import { CASE_STATUS_NAMES } from "../../../cases/statuses.js";
import type { CaseStatus } from "./case-api.js";

const COLORS: Record<CaseStatus, string> = { open: "red", in_progress: "blue", resolved: "green", closed: "default" };

export const CASE_STATUS_OPTIONS = Object.entries(CASE_STATUS_NAMES).map(([value, label]) => ({ value: value as CaseStatus, label }));

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={COLORS[status]}>{CASE_STATUS_NAMES[status]}</Tag>;
}
