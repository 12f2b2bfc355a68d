// The level, status and reasons of a warning as tags.
import { Space, Tag, Tooltip } from "antd";
import { WARNING_LEVEL_NAMES, WARNING_STATUS_NAMES, type WarningLevel, type WarningStatus } from "../../../warnings/states.js";

const STATUS_COLOURS: Record<WarningStatus, string> = { raised: "error", acknowledged: "processing", feedback: "cyan", supervised: "warning", closed: "default" };

export function WarningLevelTag({ level }: { level: WarningLevel }) {
  return <Tag color={level === "red" ? "red" : "gold"}>{WARNING_LEVEL_NAMES[level]}</Tag>;
}

export function WarningStatusTag({ status, ackOverdue }: { status: WarningStatus; ackOverdue?: boolean }) {
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[status]}>{WARNING_STATUS_NAMES[status]}</Tag>
      {ackOverdue && <Tag color="red">超时未签收</Tag>}
    </Space>
  );
}

export function WarningReasons({ reasons }: { reasons: { label: string; detail: string }[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r, i) => (
        <Tooltip key={i} title={r.detail}>
          <Tag>{r.label}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
