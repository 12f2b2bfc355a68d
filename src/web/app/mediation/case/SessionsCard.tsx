// A case's mediation sessions: the list, the schedule (or reschedule) dialog, cancelling, and the record form
// (attendance, 笔录, outcome).
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { SESSION_STATUS_NAMES } from "../../../../mediation/kinds.js";
import { SESSION_OUTCOMES, SESSION_OUTCOME_NAMES } from "../../../../mediation/sessions/views.js";
import { useCase } from "../../cases/case-api.js";
import { useCan } from "../../session.js";
import { useMediationAction, useSessions, type Session } from "./mediation-api.js";

const STATUS_COLORS = { scheduled: "blue", held: "green", cancelled: "default" } as const;

export function SessionsCard({ caseId }: { caseId: number }) {
  const sessions = useSessions(caseId);
  const canManage = useCan()("mediation.manage");
  const [editing, setEditing] = useState<Session | "new" | null>(null);
  const [recording, setRecording] = useState<Session | null>(null);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  return (
    <Card title="调解会议" style={{ marginBottom: 16 }} extra={canManage && <Button onClick={() => setEditing("new")}>安排调解</Button>}>
      <Table<Session>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        expandable={{ rowExpandable: (s) => !!s.record, expandedRowRender: (s) => <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s.record}</Typography.Paragraph> }}
        columns={[
          { title: "时间", render: (_, s) => dayjs(s.scheduledAt).format("YYYY-MM-DD HH:mm") },
          { title: "地点", render: (_, s) => (s.online ? <><Tag color="purple">线上</Tag>{s.place}</> : s.place || "待定") },
          {
            title: "参加人",
            render: (_, s) =>
              s.participants.map((p, i) => (
                <Tag key={i} color={p.attended === true ? "green" : p.attended === false ? "red" : undefined}>
                  {p.kind === "mediator" ? "调解员 " : ""}
                  {p.name}
                </Tag>
              )),
          },
          { title: "状态", render: (_, s) => <Tag color={STATUS_COLORS[s.status]}>{SESSION_STATUS_NAMES[s.status]}</Tag> },
          { title: "结果", render: (_, s) => (s.outcome ? SESSION_OUTCOME_NAMES[s.outcome] : "") },
          {
            title: "",
            render: (_, s) => (
              <Space size="small">
                {s.can.record && <Button size="small" type="link" onClick={() => setRecording(s)}>{s.status === "held" ? "修改笔录" : "记录"}</Button>}
                {s.can.edit && <Button size="small" type="link" onClick={() => setEditing(s)}>调整</Button>}
                {s.can.edit && <Button size="small" type="link" danger onClick={() => setCancelling(s)}>取消</Button>}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ScheduleDialog caseId={caseId} session={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      {recording && <RecordDialog caseId={caseId} session={recording} onClose={() => setRecording(null)} />}
      {cancelling && <CancelDialog caseId={caseId} session={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

function ScheduleDialog({ caseId, session, onClose }: { caseId: number; session: Session | null; onClose: () => void }) {
  const act = useMediationAction(caseId);
  const c = useCase(caseId);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scheduledAt: Dayjs; place: string; online: boolean; partyPersonIds?: number[]; others?: string[] }>();
  const parties = [...new Map((c.data?.parties ?? []).map((p) => [p.id, p])).values()];
  const initial = session
    ? {
        scheduledAt: dayjs(session.scheduledAt),
        place: session.place,
        online: session.online,
        partyPersonIds: session.participants.filter((p) => p.kind === "party").map((p) => p.personId!),
        others: session.participants.filter((p) => p.kind === "other").map((p) => p.name),
      }
    : { online: false, place: "", partyPersonIds: parties.map((p) => p.id), others: [] };
  return (
    <Modal open title={session ? "调整调解" : "安排调解"} okText="保存" cancelText="取消" confirmLoading={act.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          const body = { scheduledAt: v.scheduledAt.format(), place: v.place ?? "", online: v.online, partyPersonIds: v.partyPersonIds ?? [], others: v.others ?? [] };
          try {
            await act.mutateAsync(session ? { method: "PATCH", path: `/api/sessions/${session.id}`, body } : { method: "POST", path: `/api/cases/${caseId}/sessions`, body });
            message.success(session ? "已调整" : "已安排，参加人将在前一天收到提醒");
            onClose();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="scheduledAt" label="时间" rules={[{ required: true, message: "请选择时间" }]}>
          <DatePicker showTime={{ format: "HH:mm", minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="online" label="线上调解" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="place" label="地点（线上调解填写会议平台或链接）">
          <Input maxLength={200} placeholder="如：团圈社区调解室" />
        </Form.Item>
        <Form.Item name="partyPersonIds" label="当事人">
          <Select mode="multiple" options={parties.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="others" label="其他参加人（输入姓名后回车）">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Typography.Text type="secondary">调解员默认为本案调解小组成员。</Typography.Text>
      </Form>
    </Modal>
  );
}

function RecordDialog({ caseId, session, onClose }: { caseId: number; session: Session; onClose: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attended: number[]; record: string; outcome: (typeof SESSION_OUTCOMES)[number] }>();
  return (
    <Modal open width={720} title={`调解笔录 · ${dayjs(session.scheduledAt).format("YYYY-MM-DD HH:mm")}`} okText="保存" cancelText="取消" confirmLoading={act.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          attended: session.participants.flatMap((p, i) => (p.attended === false ? [] : [i])),
          record: session.record,
          outcome: session.outcome ?? undefined,
        }}
        onFinish={async (v) => {
          try {
            const attended = session.participants.map((_, i) => (v.attended ?? []).includes(i));
            await act.mutateAsync({ method: "POST", path: `/api/sessions/${session.id}/record`, body: { attended, record: v.record, outcome: v.outcome } });
            message.success("笔录已保存");
            onClose();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="attended" label="出席情况（勾选到场人员）">
          <Checkbox.Group options={session.participants.map((p, i) => ({ value: i, label: `${p.kind === "mediator" ? "调解员 " : p.kind === "other" ? "其他 " : ""}${p.name}` }))} />
        </Form.Item>
        <Form.Item name="record" label="笔录" rules={[{ required: true, message: "请填写笔录" }]}>
          <Input.TextArea rows={10} maxLength={50_000} placeholder="调解经过、各方陈述与意见、调解员工作、达成的共识" />
        </Form.Item>
        <Form.Item name="outcome" label="结果" rules={[{ required: true, message: "请选择结果" }]}>
          <Radio.Group options={SESSION_OUTCOMES.map((o) => ({ value: o, label: SESSION_OUTCOME_NAMES[o] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelDialog({ caseId, session, onClose }: { caseId: number; session: Session; onClose: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  return (
    <Modal
      open
      title="取消调解"
      okText="取消调解"
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
      cancelText="返回"
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={async () => {
        try {
          await act.mutateAsync({ method: "PATCH", path: `/api/sessions/${session.id}`, body: { status: "cancelled", reason } });
          message.success("已取消");
          onClose();
        } catch (err) {
          message.error((err as Error).message);
        }
      }}
    >
      <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="取消理由" maxLength={2000} />
    </Modal>
  );
}
