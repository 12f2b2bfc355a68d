// /people/:id: a party as the hub knows them, numbers masked (a permitted user can reveal them, with a reason),
// with every case and every record of theirs the viewer may see, whichever channel sent it.
import { Card, Descriptions, Result, Spin, Table, Typography } from "antd";
import { Link, useParams } from "react-router";
import { CASE_STATUSES, type CaseStatus } from "../../../cases/statuses.js";
import { CaseStatusTag } from "../cases/CaseStatusTag.js";
import { beijingTime, channelName, PERSON_ROLE_NAMES } from "../intake/labels.js";
import { useCan } from "../session.js";
import { usePersonHistory, type PersonHistory } from "./people-api.js";
import { RevealPerson } from "./RevealPerson.js";

type PersonCase = PersonHistory["cases"][number];
type PersonRecord = PersonHistory["records"][number];

const isStatus = (s: string): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s);

export function PersonPage() {
  const id = Number(useParams().id);
  const { data, isLoading } = usePersonHistory(id);
  const canReveal = useCan()("people.reveal");
  if (isLoading) return <Spin />;
  if (!data) return <Result status="404" subTitle="当事人不存在，或不在您的辖区内" extra={<Link to="/cases">返回案件列表</Link>} />;
  const { person: p, cases, records } = data;
  const codeOf = new Map(cases.map((c) => [c.id, c.code]));

  return (
    <>
      <Card title={<span data-testid="person-name">{p.name}</span>} extra={canReveal && <RevealPerson person={p} />} style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { label: "类型", children: p.kind === "company" ? "单位" : "个人" },
            { label: "证件号码", children: p.idNumber ?? "—" },
            { label: "手机号", children: p.phone ?? "—" },
            { label: "住址", children: p.addressText ?? "—" },
            { label: "所在区域", children: p.regionName ?? "—" },
          ]}
        />
      </Card>
      <Card title={`涉及案件（${cases.length}）`} style={{ marginBottom: 16 }}>
        <Table<PersonCase>
          rowKey="id"
          size="small"
          dataSource={cases}
          pagination={false}
          locale={{ emptyText: "无" }}
          columns={[
            { title: "编号", dataIndex: "code", width: 160, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
            { title: "事由", dataIndex: "title", ellipsis: true },
            { title: "类别", dataIndex: "categoryName", width: 110, render: (v: string | null) => v ?? "—" },
            { title: "记录数", dataIndex: "recordCount", width: 80, align: "right" },
            { title: "最近报送", dataIndex: "lastReportedAt", width: 140, render: (v: string | null) => beijingTime(v) },
            { title: "状态", dataIndex: "status", width: 90, render: (s: string) => (isStatus(s) ? <CaseStatusTag status={s} /> : s) },
          ]}
        />
      </Card>
      <Card title={`各渠道记录（${records.length}）`}>
        <Table<PersonRecord>
          rowKey={(r) => `${r.id}-${r.role}`}
          size="small"
          dataSource={records}
          pagination={records.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: "无" }}
          scroll={{ x: 1000 }}
          columns={[
            { title: "渠道", dataIndex: "channel", width: 130, render: (c: string) => channelName(c) },
            { title: "渠道编号", dataIndex: "externalId", width: 170 },
            { title: "报送时间", dataIndex: "reportedAt", width: 140, render: (v: string) => beijingTime(v) },
            { title: "身份", dataIndex: "role", width: 100, render: (r: string) => PERSON_ROLE_NAMES[r as keyof typeof PERSON_ROLE_NAMES] ?? r },
            { title: "内容", dataIndex: "narrative", render: (v: string) => <Typography.Text>{v.length > 80 ? `${v.slice(0, 80)}…` : v}</Typography.Text> },
            { title: "案件", dataIndex: "caseId", width: 160, render: (v: number | null) => (v === null ? "—" : <Link to={`/cases/${v}`}>{codeOf.get(v) ?? `#${v}`}</Link>) },
          ]}
        />
      </Card>
    </>
  );
}
