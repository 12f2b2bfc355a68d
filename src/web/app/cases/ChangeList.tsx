// 合并/拆分记录: the merges and splits this case took part in, newest first; each can be undone once.
import { App, Button, Popconfirm, Table, Tag } from "antd";
import { Link, useNavigate } from "react-router";
import { beijingTime } from "../intake/labels.js";
import { useUndoChange, type CaseChange } from "./case-api.js";
import { CHANGE_KIND_NAMES } from "./labels.js";

function CaseRef({ id, current }: { id: number; current: number }) {
  return id === current ? <>本案件</> : <Link to={`/cases/${id}`}>案件 #{id}</Link>;
}

export function ChangeList({ caseId, changes, canManage }: { caseId: number; changes: CaseChange[]; canManage: boolean }) {
  const undo = useUndoChange();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const run = async (ch: CaseChange) => {
    await undo.mutateAsync(ch);
    message.success(`已撤销${CHANGE_KIND_NAMES[ch.kind]}`);
    // Undoing a split folds the split-off case back into its source: from the split-off case, follow the records.
    if (ch.kind === "split" && ch.toCaseId === caseId) navigate(`/cases/${ch.fromCaseId}`);
  };

  return (
    <Table<CaseChange>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={changes}
      locale={{ emptyText: "无" }}
      columns={[
        { title: "时间", dataIndex: "at", width: 140, render: (v: string) => beijingTime(v) },
        { title: "操作", dataIndex: "kind", width: 70, render: (k: CaseChange["kind"]) => <Tag color={k === "merge" ? "purple" : "cyan"}>{CHANGE_KIND_NAMES[k]}</Tag> },
        {
          title: "内容",
          render: (_, ch) =>
            ch.kind === "merge" ? (
              <><CaseRef id={ch.fromCaseId} current={caseId} /> 并入 <CaseRef id={ch.toCaseId} current={caseId} />（{ch.recordIds.length} 条记录）</>
            ) : (
              <>从 <CaseRef id={ch.fromCaseId} current={caseId} /> 拆出 {ch.recordIds.length} 条记录，成为 <CaseRef id={ch.toCaseId} current={caseId} /></>
            ),
        },
        { title: "事由", dataIndex: "reason" },
        { title: "操作人", dataIndex: "actorLabel", width: 140 },
        {
          title: "",
          width: 90,
          render: (_, ch) =>
            ch.undone ? (
              <Tag>已撤销</Tag>
            ) : (
              canManage && (
                <Popconfirm title={`撤销这次${CHANGE_KIND_NAMES[ch.kind]}？`} okText="撤销" cancelText="取消" onConfirm={() => run(ch).catch(() => undefined)}>
                  <Button size="small" loading={undo.isPending && undo.variables?.id === ch.id}>撤销</Button>
                </Popconfirm>
              )
            ),
        },
      ]}
    />
  );
}
