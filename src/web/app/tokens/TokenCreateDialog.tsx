// Create an API token for a channel system. The secret is shown once, here, and never again.
import { Alert, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useCreateToken, type TokenList } from "./token-api.js";

interface Values {
  name: string;
  scopes: string[];
  channel?: string;
}

export function TokenCreateDialog({ open, scopes, onClose }: { open: boolean; scopes: TokenList["scopes"]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const [secret, setSecret] = useState<string>();

  const close = () => {
    setSecret(undefined);
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    if (secret) return close();
    const v = await form.validateFields();
    const created = await create.mutateAsync({ name: v.name, scopes: v.scopes, channel: v.channel?.trim() || null });
    setSecret(created.token);
  };

  return (
    <Modal
      open={open}
      title={secret ? "令牌已创建" : "新建接口令牌"}
      onOk={submit}
      okText={secret ? "我已保存" : "创建"}
      onCancel={close}
      cancelButtonProps={{ style: secret ? { display: "none" } : undefined }}
      confirmLoading={create.isPending}
      maskClosable={false}
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title="令牌只显示这一次，请立即复制并妥善保存。关闭后无法再次查看。" style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: secret, tooltips: ["复制", "已复制"] }} code data-testid="token-secret" style={{ wordBreak: "break-all" }}>
            {secret}
          </Typography.Paragraph>
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ scopes: scopes.slice(0, 1).map((s) => s.key) }}>
          <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, max: 60 }]}>
            <Input placeholder="如 110接警系统推送" />
          </Form.Item>
          <Form.Item name="scopes" label="权限范围" rules={[{ required: true, type: "array", min: 1, message: "至少选择一项" }]}>
            <Checkbox.Group options={scopes.map((s) => ({ value: s.key, label: `${s.name}（${s.key}）` }))} />
          </Form.Item>
          <Form.Item name="channel" label="数据来源渠道" extra="推送数据的令牌需填写渠道，如 110、12345、81890、zlf">
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
