// The ODR funnel as steps (咨询 → 评估 → 调解 → 仲裁 → 诉讼), each move with its reason, and the move dialog.
import { App, Button, Card, Form, Input, Modal, Select, Steps, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { MEDIATION_STAGES, MEDIATION_STAGE_NAMES, type MediationStage } from "../../../../mediation/kinds.js";
import { useFunnel, useMediationAction } from "./mediation-api.js";

export function FunnelCard({ caseId }: { caseId: number }) {
  const funnel = useFunnel(caseId);
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [moving, setMoving] = useState(false);
  const [form] = Form.useForm<{ to: MediationStage; reason?: string }>();
  const to = Form.useWatch("to", form);
  const stage = funnel.data?.stage ?? null;
  const current = stage ? MEDIATION_STAGES.indexOf(stage) : -1;
  const backward = to != null && MEDIATION_STAGES.indexOf(to) < current;

  return (
    <Card title="纠纷化解阶段" style={{ marginBottom: 16 }} extra={funnel.data?.can.move && <Button onClick={() => setMoving(true)}>变更阶段</Button>}>
      <Steps size="small" current={current} items={MEDIATION_STAGES.map((s) => ({ title: MEDIATION_STAGE_NAMES[s] }))} style={{ marginBottom: 16 }} />
      {funnel.data?.changes.length ? (
        <Timeline
          items={funnel.data.changes.map((c) => ({
            children: (
              <>
                <Typography.Text strong>
                  {c.fromStage ? `${MEDIATION_STAGE_NAMES[c.fromStage]} → ` : ""}
                  {MEDIATION_STAGE_NAMES[c.toStage]}
                </Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {dayjs(c.at).format("YYYY-MM-DD HH:mm")} · {c.actorLabel.startsWith("system:") ? "系统自动" : c.actorLabel}
                </Typography.Text>
                <div>{c.reason}</div>
              </>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">尚未进入调解流程</Typography.Text>
      )}
      <Modal open={moving} title="变更阶段" okText="确定" cancelText="取消" confirmLoading={act.isPending} onCancel={() => setMoving(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await act.mutateAsync({ method: "POST", path: `/api/cases/${caseId}/mediation-stage`, body: { to: v.to, reason: v.reason || undefined } });
              message.success("阶段已变更");
              setMoving(false);
            } catch (err) {
              message.error((err as Error).message);
            }
          }}
        >
          <Form.Item name="to" label="变更为" rules={[{ required: true, message: "请选择阶段" }]}>
            <Select options={MEDIATION_STAGES.filter((s) => s !== stage).map((s) => ({ value: s, label: MEDIATION_STAGE_NAMES[s] }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={backward ? "退回理由（必填）" : "理由"}
            rules={[{ required: backward, min: 2, message: "退回前一阶段须说明理由" }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder={backward ? "如：法院委派诉前调解" : "不填写则记为“进入…阶段”"} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
