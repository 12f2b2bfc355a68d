// The reason every case correction asks for; the server keeps it with the change and in the audit log.
import { Form, Input } from "antd";

export function ReasonField({ label = "事由（将记入审计日志）", placeholder }: { label?: string; placeholder?: string }) {
  return (
    <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: "请填写 2–300 字的事由" }]}>
      <Input.TextArea rows={3} placeholder={placeholder} />
    </Form.Item>
  );
}
