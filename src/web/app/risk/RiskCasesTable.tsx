// The 重点案件 tab: ranked cases with their colour, points, main factors, place, lead unit and open warnings.
import { Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { CaseStatusTag } from "../cases/CaseStatusTag.js";
import { beijingTime } from "../intake/labels.js";
import { useRiskCases, type RiskCaseRow, type RiskFilter } from "./risk-api.js";
import { formatPoints } from "./RiskFactorList.js";
import { RiskTag } from "./RiskTag.js";

export function RiskCasesTable({ filter }: { filter: RiskFilter }) {
  const { data, isFetching } = useRiskCases(filter);
  return (
    <Table<RiskCaseRow>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: "暂无红色、黄色风险案件" }}
      scroll={{ x: 1300 }}
      columns={[
        { title: "序号", width: 60, render: (_, _r, i) => i + 1 },
        {
          title: "案件",
          width: 260,
          render: (_, c) => (
            <>
              <Link to={`/cases/${c.id}`}>{c.code}</Link>
              <br />
              <Typography.Text type="secondary" ellipsis={{ tooltip: c.title }} style={{ maxWidth: 240 }}>{c.title}</Typography.Text>
            </>
          ),
        },
        { title: "风险", width: 100, render: (_, c) => <RiskTag level={c.riskLevel} score={c.riskScore} factors={c.riskFactors} showScore /> },
        {
          title: "主要因素",
          render: (_, c) => (
            <Space size={[0, 4]} wrap>
              {c.topFactors.map((f) => (
                <Tag key={`${f.factor}-${f.label}`} color={f.hard ? "red" : undefined} title={f.detail}>
                  {f.label} +{formatPoints(f.points)}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: "村（社区）", dataIndex: "communityName", width: 120, render: (v: string | null) => v ?? "街道本级" },
        { title: "网格", dataIndex: "gridName", width: 140, render: (v: string | null) => v ?? "—" },
        { title: "承办单位", dataIndex: "leadUnitName", width: 160, render: (v: string | null) => v ?? "未分派" },
        { title: "最近报送", dataIndex: "lastReportedAt", width: 140, render: (v: string | null) => beijingTime(v) },
        { title: "状态", dataIndex: "status", width: 90, render: (_, c) => <CaseStatusTag status={c.status} /> },
        {
          title: "未销号预警",
          dataIndex: "openWarnings",
          width: 100,
          align: "right",
          render: (n: number) => (n > 0 ? <Link to="/warnings"><Tag color="volcano">{n}</Tag></Link> : 0),
        },
      ]}
    />
  );
}
