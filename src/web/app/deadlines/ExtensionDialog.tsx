// 申请延期: the task's unit asks the street centre for more working days on its open stage (for the task page).
import { App, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useEffect } from "react";
import { useRequestExtension } from "./deadline-api.js";

interface Values {
  stage: "accept" | "handle";
  workingDays: number;
  reason: string;
}

export function ExtensionDialog({ taskId, stage, open, onClose }: { taskId: number; stage: "accept" | "handle"; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const request = useRequestExtension();
  const { message } = App.useApp();
  useEffect(() => {
    if (open) form.setFieldsValue({ stage, workingDays: 3, reason: "" });
  }, [open, stage, form]);

  const submit = async () => {
    const v = await form.validateFields();
    await request.mutateAsync({ taskId, ...v, reason: v.reason.trim() });
    message.success("延期申请已提交，等待社治中心审批");
    onClose();
  };

  return (
    <Modal open={open} title="申请延期" okText="提交申请" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={request.isPending} forceRender>
      <Form form={form} name="extension-request" layout="vertical">
        <Form.Item name="stage" label="环节">
          <Radio.Group options={[{ value: "accept", label: "签收" }, { value: "handle", label: "办理" }]} />
        </Form.Item>
        <Form.Item name="workingDays" label="延期工作日" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} suffix="个工作日" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, min: 2, max: 300, message: "请填写 2–300 字的理由" }]}>
          <Input.TextArea rows={3} placeholder="如：当事人外出务工，需等其返乡后调解" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
