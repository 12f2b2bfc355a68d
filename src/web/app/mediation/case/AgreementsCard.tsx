// A case's agreements (调解协议书): drafting from the template, the editor, each party's confirmation, performance,
// the print view and PDF, and judicial confirmation with the court's decision.
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { AGREEMENT_STATUS_NAMES, CONFIRMATION_STATUS_NAMES } from "../../../../mediation/kinds.js";
import { useCan } from "../../session.js";
import { useAgreements, useMediationAction, type Agreement } from "./mediation-api.js";

const STATUS_COLORS = { draft: "default", signed: "blue", performed: "green", breached: "red" } as const;

export function AgreementsCard({ caseId }: { caseId: number }) {
  const list = useAgreements(caseId);
  const act = useMediationAction(caseId);
  const canManage = useCan()("mediation.manage");
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Agreement | null>(null);
  const draft = async () => {
    try {
      setEditing((await act.mutateAsync({ method: "POST", path: `/api/cases/${caseId}/agreements`, body: {} })) as Agreement);
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card title="调解协议书" style={{ marginBottom: 16 }} extra={canManage && <Button loading={act.isPending} onClick={draft}>制作协议书</Button>}>
      {list.data?.items.length ? list.data.items.map((a) => <AgreementItem key={a.id} a={a} caseId={caseId} onEdit={() => setEditing(a)} />) : <Empty description="暂无协议书" />}
      {editing && <AgreementEditor caseId={caseId} a={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function AgreementItem({ a, caseId, onEdit }: { a: Agreement; caseId: number; onEdit: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ id: number; status: "accepted" | "confirmed" | "rejected" } | null>(null);
  const [note, setNote] = useState("");
  const run = async (path: string, body: unknown, done: string) => {
    try {
      await act.mutateAsync({ method: "POST", path, body });
      message.success(done);
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card
      type="inner"
      style={{ marginBottom: 12 }}
      title={<Space>{a.number}<Tag color={STATUS_COLORS[a.status]}>{AGREEMENT_STATUS_NAMES[a.status]}</Tag>{a.followUpAt && <Tag color="orange">履行期限已过，待回访</Tag>}</Space>}
      extra={
        <Space>
          {a.can.edit && <Button size="small" onClick={onEdit}>编辑</Button>}
          <Link to={`/agreements/${a.id}/print`} target="_blank">打印</Link>
          <a href={`/api/agreements/${a.id}/pdf`} target="_blank" rel="noreferrer">PDF</a>
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="当事人确认">
          <Space wrap>
            {a.parties.map((p, i) => (
              <span key={i}>
                {p.role} {p.name}{" "}
                {p.confirmedAt ? (
                  <Tag color="green">已确认 {dayjs(p.confirmedAt).format("MM-DD HH:mm")}</Tag>
                ) : a.can.confirm ? (
                  <Popconfirm title={`确认${p.name}已阅读并同意本协议？`} onConfirm={() => run(`/api/agreements/${a.id}/confirm`, { partyIndex: i }, "已记录确认")}>
                    <Button size="small">记录确认</Button>
                  </Popconfirm>
                ) : (
                  <Tag>未确认</Tag>
                )}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="履行期限">{a.performanceDeadline ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="协议内容">
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: "pre-wrap", margin: 0 }}>{a.terms}</Typography.Paragraph>
        </Descriptions.Item>
        {a.can.performance && (
          <Descriptions.Item label="履行情况">
            <Space>
              <Button size="small" onClick={() => run(`/api/agreements/${a.id}/performance`, { result: "performed" }, "已记录履行")}>已履行</Button>
              {a.status === "signed" && <Button size="small" danger onClick={() => run(`/api/agreements/${a.id}/performance`, { result: "breached" }, "已记录未履行")}>未履行</Button>}
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="司法确认">
          <Space direction="vertical" size={4}>
            {a.confirmations.map((c) => (
              <span key={c.id}>
                {c.courtUnitName} · <Tag color={c.status === "confirmed" ? "green" : c.status === "rejected" ? "red" : "blue"}>{CONFIRMATION_STATUS_NAMES[c.status]}</Tag>
                {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
                {c.can.decide && (
                  <Space size="small" style={{ marginLeft: 8 }}>
                    {c.status === "requested" && <Button size="small" onClick={() => setDeciding({ id: c.id, status: "accepted" })}>受理</Button>}
                    {c.status === "accepted" && <Button size="small" type="primary" onClick={() => setDeciding({ id: c.id, status: "confirmed" })}>确认有效</Button>}
                    <Button size="small" danger onClick={() => setDeciding({ id: c.id, status: "rejected" })}>不予确认</Button>
                  </Space>
                )}
              </span>
            ))}
            {a.can.requestConfirmation && (
              <Popconfirm title="将本协议提交人民法庭申请司法确认？" onConfirm={() => run(`/api/agreements/${a.id}/judicial-confirmation`, {}, "已提交人民法庭")}>
                <Button size="small">申请司法确认</Button>
              </Popconfirm>
            )}
            {!a.confirmations.length && !a.can.requestConfirmation && <Typography.Text type="secondary">签署后可申请</Typography.Text>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Modal
        open={deciding != null}
        title={deciding?.status === "rejected" ? "不予确认" : deciding?.status === "accepted" ? "受理司法确认申请" : "确认调解协议有效"}
        okText="提交"
        cancelText="取消"
        okButtonProps={{ disabled: deciding?.status === "rejected" && note.trim().length < 2 }}
        onCancel={() => setDeciding(null)}
        onOk={async () => {
          await run(`/api/judicial-confirmations/${deciding!.id}/decide`, { status: deciding!.status, note: note || undefined }, "已记录");
          setDeciding(null);
          setNote("");
        }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={deciding?.status === "rejected" ? "不予确认的理由（必填）" : "案号或说明（可选）"} />
      </Modal>
    </Card>
  );
}

interface EditorValues {
  parties: { name: string; role: string; personId?: number }[];
  facts: string;
  terms: string;
  performanceDeadline?: Dayjs | null;
}

function AgreementEditor({ caseId, a, onClose }: { caseId: number; a: Agreement; onClose: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  return (
    <Modal open width={800} title={`编辑协议书 ${a.number}`} okText="保存" cancelText="关闭" confirmLoading={act.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {a.parties.some((p) => p.confirmedAt) && <Typography.Paragraph type="warning">修改后，已确认的当事人须重新确认。</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          parties: a.parties.map((p) => ({ name: p.name, role: p.role, personId: p.personId })),
          facts: a.facts,
          terms: a.terms,
          performanceDeadline: a.performanceDeadline ? dayjs(a.performanceDeadline) : null,
        }}
        onFinish={async (v) => {
          try {
            await act.mutateAsync({
              method: "PATCH",
              path: `/api/agreements/${a.id}`,
              body: { parties: v.parties, facts: v.facts, terms: v.terms, performanceDeadline: v.performanceDeadline ? v.performanceDeadline.format("YYYY-MM-DD") : null },
            });
            message.success("已保存");
            onClose();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <Form.Item label="当事人">
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, "role"]} rules={[{ required: true, message: "身份" }]}>
                    <Radio.Group optionType="button" size="small" options={["申请人", "被申请人", "第三人"]} />
                  </Form.Item>
                  <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: "姓名或名称" }]}>
                    <Input placeholder="姓名或名称" maxLength={100} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button size="small" onClick={() => add({ role: "第三人", name: "" })}>添加当事人</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="facts" label="纠纷主要事实、争议事项" rules={[{ required: true, message: "请填写" }]}>
          <Input.TextArea rows={5} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="terms" label="协议内容" rules={[{ required: true, message: "请填写" }]}>
          <Input.TextArea rows={8} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="performanceDeadline" label="履行期限">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
