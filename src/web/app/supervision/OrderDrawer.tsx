// One supervision order: what was demanded, by when, the unit's response, closing and escalation — with the buttons
// the server says this user may use (order.can), and nothing else.
import { App, Button, Descriptions, Drawer, Form, Input, Select, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { SUPERVISION_SOURCE_NAMES, type SupervisionSource } from "../../../supervision/statuses.js";
import { beijingTime } from "../intake/labels.js";
import { useUnits } from "../units/unit-api.js";
import { useCloseOrder, useEscalateOrder, useRespondToOrder, useSupervisionOrder, type SupervisionOrder } from "./supervision-api.js";
import { SupervisionStatusTag } from "./SupervisionStatusTag.js";

type Step = "respond" | "close" | "escalate";

export function OrderDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { data: o, isLoading } = useSupervisionOrder(id);
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={640} title={o ? `督办单 #${o.id} · 案件 ${o.caseCode}` : "督办单"}>
      {isLoading || !o ? <Spin /> : <OrderBody o={o} />}
    </Drawer>
  );
}

function OrderBody({ o }: { o: SupervisionOrder }) {
  const [step, setStep] = useState<Step | undefined>();
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="案件">
          <Link to={`/cases/${o.caseId}`}>{o.caseCode}</Link>　{o.caseTitle}
        </Descriptions.Item>
        <Descriptions.Item label="状态"><SupervisionStatusTag status={o.status} overdue={o.overdue} /></Descriptions.Item>
        <Descriptions.Item label="被督办单位">{o.unitName}</Descriptions.Item>
        <Descriptions.Item label="督办要求"><Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{o.demand}</Typography.Paragraph></Descriptions.Item>
        <Descriptions.Item label="回复时限">{beijingTime(o.dueAt)}</Descriptions.Item>
        <Descriptions.Item label="来源">{SUPERVISION_SOURCE_NAMES[o.source as SupervisionSource] ?? o.source}</Descriptions.Item>
        <Descriptions.Item label="发起">{o.issuedByLabel}　{beijingTime(o.issuedAt)}</Descriptions.Item>
        {o.response && <Descriptions.Item label="单位回复">{o.response}<br /><Typography.Text type="secondary">{o.respondedByLabel}　{beijingTime(o.respondedAt)}</Typography.Text></Descriptions.Item>}
        {o.escalatedAt && <Descriptions.Item label="升级">{o.escalatedToUnitName ? `升级至 ${o.escalatedToUnitName}　` : ""}{beijingTime(o.escalatedAt)}</Descriptions.Item>}
        {o.closedAt && <Descriptions.Item label="办结">{o.closingNote}<br /><Typography.Text type="secondary">{o.closedByLabel}　{beijingTime(o.closedAt)}</Typography.Text></Descriptions.Item>}
      </Descriptions>
      <Space style={{ marginTop: 16 }}>
        {o.can.respond && <Button type="primary" onClick={() => setStep("respond")}>回复督办</Button>}
        {o.can.close && <Button onClick={() => setStep("close")}>办结督办</Button>}
        {o.can.escalate && <Button danger onClick={() => setStep("escalate")}>升级督办</Button>}
      </Space>
      {step && <StepForm key={step} o={o} step={step} onDone={() => setStep(undefined)} />}
    </>
  );
}

const STEP_TEXT: Record<Step, { field: "response" | "note"; label: string; placeholder: string; ok: string; done: string }> = {
  respond: { field: "response", label: "回复内容", placeholder: "如：已约谈企业负责人，约定本周五前结清工资", ok: "提交回复", done: "已回复" },
  close: { field: "note", label: "办结意见", placeholder: "如：经回访，问题已解决", ok: "办结", done: "督办已办结" },
  escalate: { field: "note", label: "升级理由", placeholder: "如：逾期未回复，升级督办", ok: "升级", done: "督办已升级，已通知单位负责人" },
};

function StepForm({ o, step, onDone }: { o: SupervisionOrder; step: Step; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string; toUnitId?: number }>();
  const respond = useRespondToOrder();
  const close = useCloseOrder();
  const escalate = useEscalateOrder();
  const { data: units } = useUnits();
  const { message } = App.useApp();
  const t = STEP_TEXT[step];
  const pending = respond.isPending || close.isPending || escalate.isPending;

  const submit = async () => {
    const v = await form.validateFields();
    const text = v.text.trim();
    if (step === "respond") await respond.mutateAsync({ id: o.id, response: text });
    if (step === "close") await close.mutateAsync({ id: o.id, note: text });
    if (step === "escalate") await escalate.mutateAsync({ id: o.id, note: text, toUnitId: v.toUnitId });
    message.success(t.done);
    onDone();
  };

  return (
    <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={() => submit().catch(() => undefined)}>
      <Form.Item name="text" label={t.label} rules={[{ required: true, whitespace: true, min: 2, message: "请至少填写两个字" }]}>
        <Input.TextArea rows={3} maxLength={t.field === "response" ? 2000 : 1000} showCount placeholder={t.placeholder} />
      </Form.Item>
      {step === "escalate" && (
        <Form.Item name="toUnitId" label="升级至单位" extra="不选则仅通知被督办单位负责人">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="可选，如 街道社会治理中心"
            options={(units ?? []).filter((u) => u.active && u.id !== o.unitId).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={pending} danger={step === "escalate"}>{t.ok}</Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
