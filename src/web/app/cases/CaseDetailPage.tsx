// /cases/:id: the case and its parties, masked; a permitted user can reveal a party's full ID and phone, with a reason.
import { Card, Descriptions, Spin, Table, Typography } from "antd";
import dayjs from "dayjs";
import { Link, useParams } from "react-router";
import { useCan } from "../session.js";
import { RevealPerson } from "../people/RevealPerson.js";
import { useCase, type CaseDetail } from "./case-api.js";
import { CaseStatusTag } from "./CaseStatusTag.js";

type Party = CaseDetail["parties"][number];
const PARTY_ROLES: Record<Party["role"], string> = { reporter: "报告人", applicant: "申请人", respondent: "被申请人", other: "其他当事人" };

export function CaseDetailPage() {
  const id = Number(useParams().id);
  const { data: c, isLoading } = useCase(id);
  const canReveal = useCan()("people.reveal");
  if (isLoading) return <Spin />;
  if (!c) return <Card><Link to="/cases">返回案件列表</Link></Card>;

  return (
    <>
      <Card title={<>{c.code}　{c.title}</>} extra={<Link to="/cases">返回列表</Link>} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="状态"><CaseStatusTag status={c.status} /></Descriptions.Item>
          <Descriptions.Item label="受理时间">{dayjs(c.openedAt).format("YYYY-MM-DD HH:mm")}</Descriptions.Item>
          <Descriptions.Item label="所在区域">{c.regionName}</Descriptions.Item>
          <Descriptions.Item label="承办单位">{c.leadUnitName ?? "未分派"}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12 }}>{c.summary || "（无摘要）"}</Typography.Paragraph>
      </Card>
      <Card title="当事人">
        <Table<Party>
          rowKey="id"
          dataSource={c.parties}
          pagination={false}
          columns={[
            { title: "姓名/名称", dataIndex: "name" },
            { title: "身份", dataIndex: "role", render: (r: Party["role"]) => PARTY_ROLES[r] },
            { title: "证件号码", dataIndex: "idNumber", render: (v: string | null) => v ?? "—" },
            { title: "手机号", dataIndex: "phone", render: (v: string | null) => v ?? "—" },
            { title: "住址", dataIndex: "addressText", render: (v: string | null) => v ?? "—" },
            { title: "所在区域", dataIndex: "regionName", render: (v: string | null) => v ?? "—" },
            ...(canReveal ? [{ title: "操作", render: (_: unknown, p: Party) => <RevealPerson person={p} /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
