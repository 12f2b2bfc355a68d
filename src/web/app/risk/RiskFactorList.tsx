// The factors behind a case's risk, most points first: what it is, why (the rule's readable detail), and the points.
// A hard factor makes a case red on its own.
import { Table, Tag, Typography } from "antd";
import type { RiskFactor } from "./risk-api.js";

export function sortFactors(factors: RiskFactor[]): RiskFactor[] {
  return [...factors].sort((a, b) => Number(b.hard ?? false) - Number(a.hard ?? false) || b.points - a.points);
}

export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

const HardTag = () => <Tag color="red" style={{ marginInlineStart: 4 }}>一票红色</Tag>;

/** Compact, for a popover: one line per factor. */
export function RiskFactorList({ factors }: { factors: RiskFactor[] }) {
  if (!factors.length) return <Typography.Text type="secondary">无风险因素</Typography.Text>;
  return (
    <div data-testid="risk-factors">
      {sortFactors(factors).map((f, i) => (
        <div key={`${f.factor}-${i}`} style={{ display: "flex", gap: 12, justifyContent: "space-between", padding: "4px 0" }}>
          <div>
            <Typography.Text strong>{f.label}</Typography.Text>
            {f.hard && <HardTag />}
            <br />
            <Typography.Text type="secondary">{f.detail}</Typography.Text>
          </div>
          <Typography.Text strong style={{ whiteSpace: "nowrap" }}>+{formatPoints(f.points)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** The 风险因素 table on a case's page. */
export function RiskFactorTable({ factors }: { factors: RiskFactor[] }) {
  return (
    <Table<RiskFactor>
      rowKey={(f) => `${f.factor}-${f.label}-${f.detail}`}
      size="small"
      pagination={false}
      dataSource={sortFactors(factors)}
      locale={{ emptyText: "无风险因素" }}
      columns={[
        { title: "风险因素", dataIndex: "label", width: 240, render: (label: string, f) => <>{label}{f.hard && <HardTag />}</> },
        { title: "依据", dataIndex: "detail" },
        { title: "分值", dataIndex: "points", width: 80, align: "right", render: (p: number) => `+${formatPoints(p)}` },
      ]}
    />
  );
}
