// 作废: a quarantined row is set aside for good; the note saying why is required and goes to the audit log.
import { App, Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useDismiss, type QuarantinedRow } from "./intake-api.js";
import { channelName } from "./labels.js";

export function DismissDialog({ row, onClose }: { row: QuarantinedRow | null; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const dismiss = useDismiss();
  const { message } = App.useApp();
  useEffect(() => {
    if (row) form.resetFields();
  }, [row, form]);

  const submit = async () => {
    if (!row) return;
    const { note } = await form.validateFields();
    await dismiss.mutateAsync({ id: row.id, note: note.trim() });
    message.success("已作废");
    onClose();
  };

  return (
    <Modal open={row !== null} title="作废隔离数据" okText="作废" okButtonProps={{ danger: true }} onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={dismiss.isPending} forceRender>
      {row && (
        <Typography.Paragraph type="secondary">
          {channelName(row.channel)} · {row.fileName ?? "—"}{row.line !== null ? ` 第 ${row.line} 行` : ""} · {row.reasonName}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="作废说明（将记入审计日志）" rules={[{ required: true, whitespace: true, min: 2, max: 500, message: "请填写 2–500 字的说明" }]}>
          <Input.TextArea rows={3} placeholder="如：测试数据，渠道已撤回" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
