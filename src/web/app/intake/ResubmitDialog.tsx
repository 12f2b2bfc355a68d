// 修正后重新提交: the raw row in an editor; the fixed text goes through intake again. A fix that still fails shows the
// server's reason here and the row stays in the list.
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import type { ChannelCode } from "../../../intake/channels.js";
import { ApiError } from "../api.js";
import { useResubmit, type QuarantinedRow, type RowOutcome } from "./intake-api.js";
import { CHANNEL_OPTIONS, channelName } from "./labels.js";

const OUTCOME_TEXT: Record<RowOutcome["status"], string> = {
  accepted: "已接收为新记录",
  redelivered: "与已有记录相同，按重复推送处理",
  corrected: "已作为更正版本接收",
  quarantined: "仍被隔离",
};

interface Values {
  text: string;
  channel?: ChannelCode;
}

export function ResubmitDialog({ row, onClose }: { row: QuarantinedRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const resubmit = useResubmit();
  const { reset } = resubmit;
  const { message } = App.useApp();
  useEffect(() => {
    if (!row) return;
    reset();
    form.setFieldsValue({ text: row.rawText, channel: undefined });
  }, [row, form, reset]);

  const submit = async () => {
    if (!row) return;
    const values = await form.validateFields();
    const { outcome } = await resubmit.mutateAsync({ id: row.id, text: values.text, channel: row.channel ? undefined : values.channel });
    message.success(`${OUTCOME_TEXT[outcome.status]}${outcome.version && outcome.version > 1 ? `（v${outcome.version}）` : ""}`);
    onClose();
  };
  const failure = resubmit.error instanceof ApiError ? resubmit.error.message : resubmit.error ? String(resubmit.error) : null;

  return (
    <Modal
      open={row !== null}
      title={row ? `修正后重新提交：${channelName(row.channel)}${row.line !== null ? ` 第 ${row.line} 行` : ""}` : ""}
      okText="重新提交"
      onOk={() => submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={resubmit.isPending}
      width={760}
      forceRender
    >
      {row && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`隔离原因：${row.reasonName}`} description={row.message} />}
      <Form form={form} layout="vertical">
        {row && !row.channel && (
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: "请选择该条数据的来源渠道" }]}>
            <Select options={CHANNEL_OPTIONS} placeholder="选择渠道" />
          </Form.Item>
        )}
        <Form.Item name="text" label="原始数据（修改后提交）" rules={[{ required: true, message: "请填写数据内容" }]}>
          <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: "monospace", fontSize: 12 }} data-testid="resubmit-text" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title="仍未通过，数据保留在隔离区" description={failure} data-testid="resubmit-error" />}
    </Modal>
  );
}
