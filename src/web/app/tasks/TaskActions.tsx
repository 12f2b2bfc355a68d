// The buttons of a task: exactly the steps the server says this user may take now (task.can), each asking for the
// text it needs (a resolution, a reason) before it is sent.
import { App, Button, Form, Input, Modal, Select, Space } from "antd";
import { useState } from "react";
import { useUnits } from "../units/unit-api.js";
import { ExtensionDialog } from "../deadlines/ExtensionDialog.js";
import { useTaskStep, type Task, type TaskStep } from "./task-api.js";

interface StepSpec {
  step: TaskStep;
  label: string;
  field?: { name: string; label: string };
  danger?: boolean;
  body?: Record<string, unknown>;
}

const STEPS: StepSpec[] = [
  { step: "claim", label: "认领" },
  { step: "accept", label: "签收" },
  { step: "start", label: "开始办理" },
  { step: "report", label: "反馈协办情况", field: { name: "report", label: "协办情况" } },
  { step: "resolve", label: "办结", field: { name: "resolution", label: "办理结果" } },
  { step: "verify", label: "核验通过", body: { approve: true } },
  { step: "close", label: "结案" },
  { step: "return", label: "退回", field: { name: "reason", label: "退回理由" }, danger: true },
];

export function TaskActions({ task }: { task: Task }) {
  const step = useTaskStep();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<StepSpec | "reject" | "assign" | null>(null);
  const [extending, setExtending] = useState(false);
  // An extension is asked for the stage now running (签收 or 办理).
  const openStage = task.deadlines.find((d) => !d.done && (d.stage === "accept" || d.stage === "handle"))?.stage as "accept" | "handle" | undefined;
  const [form] = Form.useForm();
  const units = useUnits();

  const send = async (s: TaskStep, body?: unknown) => {
    try {
      await step.mutateAsync({ taskId: task.id, step: s, body });
      message.success("已提交");
      setAsking(null);
      form.resetFields();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const buttons = STEPS.filter((s) => task.can[s.step as keyof Task["can"]]).map((s) => (
    <Button key={s.step} size="small" danger={s.danger} type={s.step === "claim" || s.step === "accept" ? "primary" : "default"} loading={step.isPending}
      onClick={() => (s.field ? setAsking(s) : void send(s.step, s.body))}>
      {s.label}
    </Button>
  ));
  if (task.can.verify) buttons.push(<Button key="reject" size="small" danger onClick={() => setAsking("reject")}>核验不通过</Button>);
  if (task.can.assign) buttons.push(<Button key="assign" size="small" onClick={() => setAsking("assign")}>指派</Button>);
  if (task.can.extend && openStage) buttons.push(<Button key="extend" size="small" onClick={() => setExtending(true)}>申请延期</Button>);

  const title = asking === "reject" ? "核验不通过，退回重办" : asking === "assign" ? "指派承办单位" : asking?.label;
  return (
    <>
      <Space wrap size={4}>{buttons}</Space>
      {openStage && <ExtensionDialog taskId={task.id} stage={openStage} open={extending} onClose={() => setExtending(false)} />}
      <Modal open={asking !== null} title={title} okText="提交" cancelText="取消" confirmLoading={step.isPending} onCancel={() => setAsking(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => {
          if (asking === "reject") return send("verify", { approve: false, note: v.text });
          if (asking === "assign") return send("assign", { unitId: v.unitId, note: v.text || undefined });
          if (asking && asking.field) return send(asking.step, { [asking.field.name]: v.text });
        }}>
          {asking === "assign" && (
            <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: "请选择" }]}>
              <Select showSearch optionFilterProp="label" options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
          <Form.Item name="text" label={asking === "reject" ? "核验意见" : asking === "assign" ? "说明（可选）" : typeof asking === "object" && asking ? asking.field?.label : ""}
            rules={asking === "assign" ? [] : [{ required: true, min: 2, message: "请至少填写 2 个字" }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
