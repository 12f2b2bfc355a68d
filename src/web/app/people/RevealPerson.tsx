// 查看完整信息: asks why, then shows the party's full ID number and phone. The server records the reason in the audit log.
import { useMutation } from "@tanstack/react-query";
import { Button, Descriptions, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { z } from "zod";
import type { RevealedPerson } from "../../../people/views.js";
import { api } from "../api.js";

type Revealed = z.infer<typeof RevealedPerson>;

export function RevealPerson({ person }: { person: { id: number; name: string } }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (reason: string) => api.post<Revealed>(`/api/people/${person.id}/reveal`, { reason }),
  });
  const close = () => {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  };
  const submit = async () => {
    if (reveal.data) return close();
    const { reason } = await form.validateFields();
    reveal.mutate(reason.trim());
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>查看完整信息</Button>
      <Modal open={open} title={`查看完整信息：${person.name}`} onOk={submit} okText={reveal.data ? "关闭" : "查看"} onCancel={close} confirmLoading={reveal.isPending}>
        {reveal.data ? (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="证件号码">{reveal.data.idNumber ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="手机号">{reveal.data.phone ?? "—"}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Form form={form} layout="vertical">
            <Form.Item name="reason" label="查看事由（将记入审计日志）" rules={[{ required: true, min: 2, max: 200, message: "请填写 2–200 字的事由" }]}>
              <Input.TextArea rows={3} placeholder="如：电话联系当事人安排调解" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
