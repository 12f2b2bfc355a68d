// The 重点人员 tab: natural persons ranked by their cases in the last 12 months and the highest colour among them;
// numbers masked as everywhere, each linking to the person's page.
import { Space, Table, Typography } from "antd";
import { Link } from "react-router";
import { beijingTime } from "../intake/labels.js";
import { useCan } from "../session.js";
import { useRiskPeople, type RiskPersonRow } from "./risk-api.js";
import { RiskLevelTag } from "./RiskTag.js";

export function RiskPeopleTable({ regionCode }: { regionCode?: string }) {
  const { data, isFetching } = useRiskPeople(regionCode);
  const canReadPeople = useCan()("people.read");
  return (
    <Table<RiskPersonRow>
      rowKey={(r) => r.person.id}
      size="small"
      loading={isFetching}
      dataSource={data?.items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: "暂无重点人员" }}
      scroll={{ x: 1100 }}
      columns={[
        { title: "序号", width: 60, render: (_, _r, i) => i + 1 },
        {
          title: "姓名",
          width: 120,
          render: (_, r) => (canReadPeople ? <Link to={`/people/${r.person.id}`}>{r.person.name}</Link> : r.person.name),
        },
        { title: "证件号码", width: 190, render: (_, r) => r.person.idNumber ?? "—" },
        { title: "手机号", width: 130, render: (_, r) => r.person.phone ?? "—" },
        { title: "所在区域", width: 120, render: (_, r) => r.person.regionName ?? "—" },
        { title: "近12个月案件", dataIndex: "caseCount", width: 110, align: "right" },
        { title: "最高风险", width: 90, render: (_, r) => <RiskLevelTag level={r.topLevel} /> },
        { title: "红/黄", width: 80, render: (_, r) => `${r.redCount} / ${r.yellowCount}` },
        {
          title: "风险最高的案件",
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              {r.cases.map((c) => (
                <div key={c.id} title={c.title} style={{ maxWidth: 360, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
                  <RiskLevelTag level={c.riskLevel} />
                  <Link to={`/cases/${c.id}`}>{c.code}</Link> <Typography.Text type="secondary">{c.title}</Typography.Text>
                </div>
              ))}
            </Space>
          ),
        },
        { title: "最近报送", dataIndex: "lastReportedAt", width: 140, render: (v: string | null) => beijingTime(v) },
      ]}
    />
  );
}
