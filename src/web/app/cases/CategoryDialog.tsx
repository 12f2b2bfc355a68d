// 更正类别: staff set a case's dispute type; the case's texts are kept as labelled examples for the classifier.
import { App, Form, Modal, Select } from "antd";
import { useEffect } from "react";
import type { CategoryCode } from "../../../cases/categories.js";
import { useCorrectCategory, type CaseDetail } from "./case-api.js";
import { CATEGORY_OPTIONS } from "./labels.js";
import { ReasonField } from "./ReasonField.js";

interface Values {
  category: CategoryCode;
  reason: string;
}

export function CategoryDialog({ c, open, onClose }: { c: CaseDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const correct = useCorrectCategory();
  const { message } = App.useApp();
  useEffect(() => {
    if (open) form.setFieldsValue({ category: (c.category ?? undefined) as CategoryCode | undefined, reason: "" });
  }, [open, c.category, form]);

  const submit = async () => {
    const v = await form.validateFields();
    await correct.mutateAsync({ id: c.id, category: v.category, reason: v.reason.trim() });
    message.success("类别已更正");
    onClose();
  };

  return (
    <Modal open={open} title={`更正类别：${c.code}`} okText="更正" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={correct.isPending} forceRender>
      <Form form={form} name="case-category" layout="vertical">
        <Form.Item name="category" label="纠纷类别" rules={[{ required: true, message: "请选择类别" }]}>
          <Select options={CATEGORY_OPTIONS} placeholder="选择类别" />
        </Form.Item>
        <ReasonField placeholder="如：实为物业服务纠纷，非邻里纠纷" />
      </Form>
    </Modal>
  );
}
