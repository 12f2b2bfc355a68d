// /extensions: extension requests (延期) within the account's scope; the street centre approves or rejects them.
import { App, Button, Card, Input, Modal, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { DEADLINE_STAGE_NAMES, EXTENSION_STATUS_NAMES } from "../../../deadlines/stages.js";
import { useCan } from "../session.js";
import { useDecideExtension, useExtensions, type ExtensionView } from "./deadline-api.js";

type Status = ExtensionView["status"];
const STATUS_COLORS: Record<Status, string> = { pending: "orange", approved: "green", rejected: "default" };
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }).slice(0, -3) : "—");

function DecideDialog({ request, approve, onClose }: { request: ExtensionView | null; approve: boolean; onClose: () => void }) {
  const decide = useDecideExtension();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const submit = async () => {
    await decide.mutateAsync({ id: request!.id, approve, note: note.trim() });
    message.success(approve ? "已批准延期" : "已驳回延期申请");
    setNote("");
    onClose();
  };
  return (
    <Modal
      open={request !== null}
      title={`${approve ? "批准" : "驳回"}延期：${request?.caseCode ?? ""}`}
      okText={approve ? "批准" : "驳回"}
      okButtonProps={{ danger: !approve }}
      onOk={() => submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={decide.isPending}
    >
      {request && (
        <p>
          {request.unitName}申请{DEADLINE_STAGE_NAMES[request.stage]}环节延期 {request.workingDays} 个工作日：{request.reason}
        </p>
      )}
      <Input.TextArea rows={3} maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} placeholder={approve ? "审批意见（可选）" : "驳回理由"} />
    </Modal>
  );
}

export function ExtensionsPage() {
  const [status, setStatus] = useState<Status>("pending");
  const { data, isLoading } = useExtensions({ status });
  const canDecide = useCan()("extensions.decide");
  const [deciding, setDeciding] = useState<{ request: ExtensionView; approve: boolean } | null>(null);

  return (
    <Card
      title="延期申请"
      extra={<Segmented<Status> value={status} onChange={setStatus} options={(Object.keys(EXTENSION_STATUS_NAMES) as Status[]).map((value) => ({ value, label: EXTENSION_STATUS_NAMES[value] }))} />}
    >
      <Table<ExtensionView>
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: "案件", render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseCode}</Link>, width: 150 },
          { title: "标题", dataIndex: "caseTitle", ellipsis: true },
          { title: "承办单位", dataIndex: "unitName", width: 180 },
          { title: "环节", width: 70, render: (_, r) => DEADLINE_STAGE_NAMES[r.stage] },
          { title: "延期", width: 90, render: (_, r) => `${r.workingDays} 个工作日` },
          { title: "理由", dataIndex: "reason", ellipsis: true },
          { title: "申请", width: 170, render: (_, r) => `${time(r.requestedAt)}` },
          { title: "当前时限", width: 150, render: (_, r) => time(r.dueAt) },
          { title: "状态", width: 90, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{EXTENSION_STATUS_NAMES[r.status]}</Tag> },
          ...(canDecide && status === "pending"
            ? [
                {
                  title: "审批",
                  width: 140,
                  render: (_: unknown, r: ExtensionView) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => setDeciding({ request: r, approve: true })}>
                        批准
                      </Button>
                      <Button size="small" danger onClick={() => setDeciding({ request: r, approve: false })}>
                        驳回
                      </Button>
                    </Space>
                  ),
                },
              ]
            : [{ title: "审批意见", width: 200, render: (_: unknown, r: ExtensionView) => r.decisionNote || "—" }]),
        ]}
      />
      <DecideDialog request={deciding?.request ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} />
    </Card>
  );
}
