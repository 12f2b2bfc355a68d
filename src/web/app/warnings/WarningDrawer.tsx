// One warning: its loop as steps (预警 → 签收 → 反馈 → 督办 → 销号) with who and when, each recipient's receipt, the
// feedback, the supervision order and the outcome — with the buttons the server says this user may use now (w.can).
import { App, Button, Descriptions, Drawer, Form, Input, List, Select, Space, Spin, Steps, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { WARNING_STEP_NAMES, WARNING_TRIGGER_NAMES } from "../../../warnings/states.js";
import { beijingTime } from "../intake/labels.js";
import { WarningLevelTag, WarningReasons, WarningStatusTag } from "./WarningTags.js";
import { useAcknowledgeWarning, useCloseWarning, useSuperviseWarning, useWarning, useWarningFeedback, type WarningDetail } from "./warnings-api.js";

type Step = "feedback" | "supervise" | "close";

export function WarningDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const { data: w, isLoading } = useWarning(id);
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={760} title={w ? `预警 #${w.id} · 案件 ${w.caseCode}` : "预警"}>
      {isLoading || !w ? <Spin /> : <WarningBody w={w} />}
    </Drawer>
  );
}

/** "1小时5分" from minutes. */
function duration(minutes: number | null): string {
  if (minutes == null) return "";
  if (minutes < 60) return `${minutes}分钟`;
  const h = Math.floor(minutes / 60);
  if (h < 48) return `${h}小时${minutes % 60 ? `${minutes % 60}分` : ""}`;
  return `${Math.floor(h / 24)}天${h % 24 ? `${h % 24}小时` : ""}`;
}

function LoopSteps({ w }: { w: WarningDetail }) {
  const current = w.steps.findIndex((s) => !s.at);
  return (
    <Steps
      size="small"
      current={current === -1 ? w.steps.length : current}
      status={w.status === "closed" ? "finish" : "process"}
      items={w.steps.map((s) => {
        const skipped = s.step === "supervised" && !s.at && w.status === "closed";
        return {
          title: WARNING_STEP_NAMES[s.step],
          status: s.at ? "finish" : skipped ? "wait" : undefined,
          description: s.at ? (
            <Space orientation="vertical" size={0}>
              <span>{beijingTime(s.at)}</span>
              {s.by && <Typography.Text type="secondary">{s.by}</Typography.Text>}
              {s.step !== "raised" && <Typography.Text type="secondary">用时 {duration(s.minutesSinceRaised)}</Typography.Text>}
            </Space>
          ) : skipped ? (
            "未督办"
          ) : s.step === "acknowledged" ? (
            `${w.receiptsAcknowledged}/${w.receiptsTotal} 已签收`
          ) : undefined,
        };
      })}
    />
  );
}

function WarningBody({ w }: { w: WarningDetail }) {
  const [step, setStep] = useState<Step | undefined>();
  const acknowledge = useAcknowledgeWarning();
  const { message } = App.useApp();
  return (
    <>
      <LoopSteps w={w} />
      <Descriptions column={1} size="small" bordered style={{ marginTop: 20 }}>
        <Descriptions.Item label="案件">
          <Link to={`/cases/${w.caseId}`}>{w.caseCode}</Link>　{w.caseTitle}
        </Descriptions.Item>
        <Descriptions.Item label="预警">
          <Space>
            <WarningLevelTag level={w.level} />
            {WARNING_TRIGGER_NAMES[w.trigger]}
            <WarningStatusTag status={w.status} ackOverdue={w.ackOverdue} />
          </Space>
        </Descriptions.Item>
        {w.personName && <Descriptions.Item label="当事人">{w.personName}</Descriptions.Item>}
        <Descriptions.Item label="预警依据">
          <WarningReasons reasons={w.reasons} />
          <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
            {w.reasons.map((r, i) => (
              <li key={i}>
                <Typography.Text type="secondary">{r.detail}</Typography.Text>
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label="签收时限">{beijingTime(w.ackDueAt)}</Descriptions.Item>
        {w.feedbackDueAt && <Descriptions.Item label="反馈时限">{beijingTime(w.feedbackDueAt)}</Descriptions.Item>}
        {w.supervision && (
          <Descriptions.Item label="督办">
            {w.supervision.unitName}：{w.supervision.demand}（{beijingTime(w.supervision.dueAt)} 前回复）
            {w.supervision.response && <div>单位回复：{w.supervision.response}</div>}
          </Descriptions.Item>
        )}
        {w.closedAt && (
          <Descriptions.Item label="销号">
            {w.outcome}
            <br />
            <Typography.Text type="secondary">
              {w.closedByLabel}　{beijingTime(w.closedAt)}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 20 }}>签收单位</Typography.Title>
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={w.receipts}
        columns={[
          { title: "单位", dataIndex: "unitName" },
          { title: "签收时限", dataIndex: "ackDueAt", width: 140, render: (v: string) => beijingTime(v) },
          {
            title: "签收",
            render: (_, r) =>
              r.acknowledgedAt ? (
                <Space orientation="vertical" size={0}>
                  <span>{beijingTime(r.acknowledgedAt)}（{duration(r.ackMinutes)}）</span>
                  <Typography.Text type="secondary">{r.acknowledgedByLabel}</Typography.Text>
                </Space>
              ) : (
                <Tag color={r.overdue ? "red" : "default"}>{r.overdue ? "超时未签收" : "待签收"}</Tag>
              ),
          },
          { title: "升级", dataIndex: "escalatedAt", width: 140, render: (v: string | null) => (v ? <Tag color="volcano">已升级 {beijingTime(v)}</Tag> : "") },
        ]}
      />

      {w.feedback.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>处置反馈</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={w.feedback}
            renderItem={(f) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <span>{f.measures}</span>
                  <Typography.Text type="secondary">
                    {f.unitName ?? ""}　{f.byLabel}　{beijingTime(f.at)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}

      <Space style={{ marginTop: 16 }} wrap>
        {w.can.acknowledge && (
          <Button
            type="primary"
            loading={acknowledge.isPending}
            onClick={() =>
              acknowledge
                .mutateAsync({ id: w.id })
                .then(() => message.success("已签收"))
                .catch(() => undefined)
            }
          >
            签收
          </Button>
        )}
        {w.can.feedback && <Button type={w.can.acknowledge ? "default" : "primary"} onClick={() => setStep("feedback")}>反馈处置措施</Button>}
        {w.can.supervise && <Button onClick={() => setStep("supervise")}>发起督办</Button>}
        {w.can.close && <Button danger onClick={() => setStep("close")}>销号</Button>}
      </Space>
      {step && <StepForm key={step} w={w} step={step} onDone={() => setStep(undefined)} />}
    </>
  );
}

const STEP_TEXT: Record<Step, { label: string; placeholder: string; ok: string; done: string; max: number }> = {
  feedback: { label: "处置措施", placeholder: "如：社区书记、民警上门稳控，双方情绪平稳，已约定调解时间", ok: "提交反馈", done: "已反馈处置措施", max: 2000 },
  supervise: { label: "督办要求", placeholder: "如：三日内组织调解并反馈结果", ok: "确认督办", done: "已发起督办", max: 500 },
  close: { label: "销号结论", placeholder: "如：经调解双方达成协议，风险解除", ok: "确认销号", done: "预警已销号", max: 1000 },
};

const DUE_DAYS = [1, 2, 3, 5, 7];

function StepForm({ w, step, onDone }: { w: WarningDetail; step: Step; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string; unitId?: number; days?: number }>();
  const feedback = useWarningFeedback();
  const supervise = useSuperviseWarning();
  const close = useCloseWarning();
  const { message } = App.useApp();
  const t = STEP_TEXT[step];
  const pending = feedback.isPending || supervise.isPending || close.isPending;

  const submit = async () => {
    const v = await form.validateFields();
    const text = v.text.trim();
    if (step === "feedback") await feedback.mutateAsync({ id: w.id, measures: text });
    if (step === "close") await close.mutateAsync({ id: w.id, outcome: text });
    if (step === "supervise") {
      const dueAt = new Date(Date.now() + (v.days ?? 3) * 86_400_000).toISOString();
      await supervise.mutateAsync({ id: w.id, unitId: v.unitId!, demand: text, dueAt });
    }
    message.success(t.done);
    onDone();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginTop: 16 }}
      initialValues={{ unitId: w.supervisableUnits[w.supervisableUnits.length - 1]?.unitId, days: 3 }}
      onFinish={() => submit().catch(() => undefined)}
    >
      {step === "supervise" && (
        <Space>
          <Form.Item name="unitId" label="被督办单位" rules={[{ required: true, message: "请选择单位" }]}>
            <Select style={{ width: 260 }} options={w.supervisableUnits.map((u) => ({ value: u.unitId, label: u.unitName }))} />
          </Form.Item>
          <Form.Item name="days" label="回复时限">
            <Select style={{ width: 120 }} options={DUE_DAYS.map((d) => ({ value: d, label: `${d}天内` }))} />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="text" label={t.label} rules={[{ required: true, whitespace: true, min: 2, message: "请至少填写两个字" }]}>
        <Input.TextArea rows={3} maxLength={t.max} showCount placeholder={t.placeholder} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={pending} danger={step === "close"}>
          {t.ok}
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
