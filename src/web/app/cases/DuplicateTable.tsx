// Possible duplicates side by side: the case a record formed, the case it may belong to, the score and evidence;
// open ones can be decided by staff with cases.manage.
import { Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCan } from "../session.js";
import type { Duplicate, DuplicateStatus } from "./case-api.js";
import { DecideDialog, type Deciding } from "./DecideDialog.js";
import { EvidenceList } from "./EvidenceList.js";

const STATUS: Record<DuplicateStatus, { name: string; color: string }> = {
  open: { name: "待处理", color: "orange" },
  confirmed: { name: "已合并", color: "green" },
  rejected: { name: "不是同一纠纷", color: "default" },
};

function CaseCell({ id, code, title }: { id: number; code: string; title: string }) {
  return (
    <>
      <Link to={`/cases/${id}`}>{code}</Link>
      <div><Typography.Text>{title}</Typography.Text></div>
    </>
  );
}

export function DuplicateTable({ items, loading, onDecided }: { items: Duplicate[] | undefined; loading?: boolean; onDecided?: (d: Deciding) => void }) {
  const canManage = useCan()("cases.manage");
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  return (
    <>
      <Table<Duplicate>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: "没有疑似重复" }}
        scroll={{ x: 1100 }}
        columns={[
          { title: "新记录所在案件", width: 240, render: (_, d) => <CaseCell id={d.caseId} code={d.caseCode} title={d.caseTitle} /> },
          { title: "疑似同一纠纷的案件", width: 240, render: (_, d) => <CaseCell id={d.candidateCaseId} code={d.candidateCode} title={d.candidateTitle} /> },
          { title: "得分", dataIndex: "score", width: 70, render: (v: number) => v.toFixed(2) },
          { title: "依据", render: (_, d) => <EvidenceList evidence={d.evidence} /> },
          {
            title: "",
            width: 220,
            render: (_, d) =>
              d.status !== "open" ? (
                <Tag color={STATUS[d.status].color}>{STATUS[d.status].name}</Tag>
              ) : (
                canManage && (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setDeciding({ duplicate: d, decision: "confirm" })}>确认合并</Button>
                    <Button size="small" onClick={() => setDeciding({ duplicate: d, decision: "reject" })}>不是同一纠纷</Button>
                  </Space>
                )
              ),
          },
        ]}
      />
      <DecideDialog deciding={deciding} onClose={() => setDeciding(null)} onDecided={onDecided} />
    </>
  );
}

export const DUPLICATE_STATUS_OPTIONS = (Object.keys(STATUS) as DuplicateStatus[]).map((value) => ({ value, label: STATUS[value].name }));
