// The 风险分布 tab: cases per colour in each community — or in each grid once a community is chosen; a row narrows
// the list to its place.
import { Button, Table, Tag } from "antd";
import { useRiskSummary, type RiskSummaryRow } from "./risk-api.js";

/** Community codes are 12 digits; a grid's code carries its community's and a suffix (330282006004-G01). */
const isCommunityCode = (code: string | undefined) => Boolean(code && /^\d{12}$/.test(code));

export function RiskSummaryTable({ regionCode, onPick }: { regionCode?: string; onPick: (code: string) => void }) {
  const by = isCommunityCode(regionCode) ? "grid" : "community";
  const { data, isFetching } = useRiskSummary(regionCode, by);
  const count = (color: string) => (n: number) => (n > 0 ? <Tag color={color}>{n}</Tag> : 0);
  return (
    <Table<RiskSummaryRow>
      rowKey={(r) => r.code ?? "-"}
      size="small"
      loading={isFetching}
      dataSource={data?.items}
      pagination={false}
      locale={{ emptyText: "无" }}
      columns={[
        { title: by === "grid" ? "网格" : "村（社区）", dataIndex: "name", render: (name: string, r) => (r.code ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(r.code!)}>{name}</Button> : name) },
        { title: "红色", dataIndex: "red", width: 90, align: "right", render: count("red") },
        { title: "黄色", dataIndex: "yellow", width: 90, align: "right", render: count("gold") },
        { title: "绿色", dataIndex: "green", width: 90, align: "right", render: count("green") },
        { title: "未评估", dataIndex: "unscored", width: 90, align: "right" },
      ]}
    />
  );
}
