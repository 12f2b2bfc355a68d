// 发起督办 on a case page: pick the unit (the lead unit by default), say what must be done by when.
// Shown only to users who may issue orders; the server checks the case's scope again.
import { App, Button, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useCan } from "../session.js";
import { useUnits } from "../units/unit-api.js";
import { useIssueOrder } from "./supervision-api.js";

interface Values {
  unitId: number;
  demand: string;
  dueAt: Dayjs;
}

export function IssueSupervisionButton({ caseId, taskId, defaultUnitId }: { caseId: number; taskId?: number | null; defaultUnitId?: number | null }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can("supervision.issue")) return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>发起督办</Button>
      {open && <IssueDialog caseId={caseId} taskId={taskId} defaultUnitId={defaultUnitId} onClose={() => setOpen(false)} />}
    </>
  );
}

function IssueDialog({ caseId, taskId, defaultUnitId, onClose }: { caseId: number; taskId?: number | null; defaultUnitId?: number | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const issue = useIssueOrder();
  const { data: units } = useUnits();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    await issue.mutateAsync({ caseId, taskId, unitId: v.unitId, demand: v.demand.trim(), dueAt: v.dueAt.format() });
    message.success("已发起督办，已通知被督办单位");
    onClose();
  };

  return (
    <Modal open title="发起督办" okText="发起" okButtonProps={{ danger: true }} onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={issue.isPending}>
      <Form<Values> form={form} layout="vertical" initialValues={{ unitId: defaultUnitId ?? undefined, dueAt: dayjs().add(3, "day").hour(17).minute(30).second(0) }}>
        <Form.Item name="unitId" label="被督办单位" rules={[{ required: true, message: "请选择被督办单位" }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={(units ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="demand" label="督办要求" rules={[{ required: true, whitespace: true, min: 2, message: "请写明需办理的事项" }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：三日内约谈企业负责人，反馈欠薪处置情况" />
        </Form.Item>
        <Form.Item name="dueAt" label="回复时限" rules={[{ required: true, message: "请选择回复时限" }, { validator: (_, v: Dayjs | undefined) => (!v || v.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error("时限须晚于现在"))) }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
