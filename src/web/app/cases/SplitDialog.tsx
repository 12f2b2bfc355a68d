// 拆分: the chosen records leave this case and form a new one. The case keeps at least one record; undo brings
// them back.
import { App, Form, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { channelName } from "../intake/labels.js";
import { useSplitCase, type CaseDetail } from "./case-api.js";
import { ReasonField } from "./ReasonField.js";

export function SplitDialog({ c, recordIds, open, onClose, onSplit }: { c: CaseDetail; recordIds: number[]; open: boolean; onClose: () => void; onSplit: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const split = useSplitCase();
  const { message } = App.useApp();
  const navigate = useNavigate();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const chosen = c.records.filter((r) => recordIds.includes(r.id));

  const submit = async () => {
    const { reason } = await form.validateFields();
    const res = await split.mutateAsync({ id: c.id, recordIds, reason: reason.trim() });
    // Messages render outside the router: the link navigates through this page's hook.
    message.success(<>已拆分为新案件，<Typography.Link onClick={() => navigate(`/cases/${res.caseId}`)}>查看</Typography.Link></>);
    onSplit();
    onClose();
  };

  return (
    <Modal open={open} title={`拆分为新案件：${c.code}`} okText="拆分" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={split.isPending} forceRender>
      <Typography.Paragraph>以下 {chosen.length} 条记录将移出本案件，组成一个新案件：</Typography.Paragraph>
      <ul>
        {chosen.map((r) => (
          <li key={r.id}>
            {channelName(r.channel)} {r.externalId}：{r.narrative.slice(0, 40)}
          </li>
        ))}
      </ul>
      <Form form={form} name="case-split" layout="vertical">
        <ReasonField placeholder="如：第二次报警是另一户的噪声纠纷" />
      </Form>
    </Modal>
  );
}
