// An order's status as a coloured tag, overdue marked.
import { Tag } from "antd";
import { SUPERVISION_STATUSES, SUPERVISION_STATUS_NAMES, type SupervisionStatus } from "../../../supervision/statuses.js";

const COLOURS: Record<SupervisionStatus, string> = { open: "orange", responded: "blue", closed: "green", escalated: "red" };

export const SUPERVISION_STATUS_OPTIONS = SUPERVISION_STATUSES.map((s) => ({ value: s, label: SUPERVISION_STATUS_NAMES[s] }));

export function SupervisionStatusTag({ status, overdue }: { status: SupervisionStatus; overdue?: boolean }) {
  return (
    <>
      <Tag color={COLOURS[status]}>{SUPERVISION_STATUS_NAMES[status]}</Tag>
      {overdue && <Tag color="red">已逾期</Tag>}
    </>
  );
}
