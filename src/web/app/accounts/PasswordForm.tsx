import { Form, Input, Modal } from "antd";
import { useResetPassword, type AccountView } from "./account-api.js";
import { PASSWORD_MIN } from "./AccountForm.js";

export function PasswordForm({ account, onClose }: { account?: AccountView; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetPassword();
  const submit = async () => {
    const { password } = await form.validateFields();
    await reset.mutateAsync({ id: account!.id, password });
    onClose();
  };
  return (
    <Modal open={Boolean(account)} title={`重置密码：${account?.username ?? ""}`} onCancel={onClose} onOk={submit} confirmLoading={reset.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label="新密码" rules={[{ required: true, min: PASSWORD_MIN, message: `密码至少${PASSWORD_MIN}位` }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入"
          dependencies={["password"]}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error("两次输入不一致"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
