// The evidence behind a match, each piece with its weight: green when it argues for the same dispute, red against.
import { Space, Tag, Typography } from "antd";
import type { Evidence } from "./case-api.js";
import { signed } from "./labels.js";

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (!evidence.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid="evidence">
      {evidence.map((e, i) => (
        <Tag key={i} color={e.weight > 0 ? "green" : e.weight < 0 ? "red" : "default"}>
          {e.detail} {signed(e.weight)}
        </Tag>
      ))}
    </Space>
  );
}
