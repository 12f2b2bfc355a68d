// A record's address status and data-quality flags as tags, in the list and the detail alike.
import { Tag } from "antd";
import { ADDRESS_STATUS, FLAG_NAMES } from "./labels.js";
import type { RecordSummary } from "./record-api.js";

export function AddressStatusTag({ status }: { status: RecordSummary["addressStatus"] }) {
  const s = ADDRESS_STATUS[status];
  return <Tag color={s.color}>{s.name}</Tag>;
}

export function FlagTags({ flags }: { flags: string[] }) {
  return flags.map((f) => <Tag key={f} color="volcano">{FLAG_NAMES[f] ?? f}</Tag>);
}
