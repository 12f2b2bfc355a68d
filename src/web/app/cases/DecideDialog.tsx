// Deciding a possible duplicate: 确认合并 (the record's case merges into the other, undoable) or 不是同一纠纷.
// Either way the reason is required and audited.
import { App, Form, Modal, Typography } from "antd";
import { useEffect } from "react";
import { useDecideDuplicate, type Duplicate } from "./case-api.js";
import { ReasonField } from "./ReasonField.js";

export interface Deciding {
  duplicate: Duplicate;
  decision: "confirm" | "reject";
}

export function DecideDialog({ deciding, onClose, onDecided }: { deciding: Deciding | null; onClose: () => void; onDecided?: (d: Deciding) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideDuplicate();
  const { message } = App.useApp();
  useEffect(() => {
    if (deciding) form.resetFields();
  }, [deciding, form]);
  const confirm = deciding?.decision === "confirm";
  const d = deciding?.duplicate;

  const submit = async () => {
    if (!deciding) return;
    const { reason } = await form.validateFields();
    await decide.mutateAsync({ duplicate: deciding.duplicate, decision: deciding.decision, reason: reason.trim() });
    message.success(confirm ? "已合并" : "已标记为不是同一纠纷");
    onClose();
    onDecided?.(deciding);
  };

  return (
    <Modal
      open={deciding !== null}
      title={confirm ? "确认合并" : "不是同一纠纷"}
      okText={confirm ? "确认合并" : "确认"}
      onOk={() => submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      forceRender
    >
      {d && (
        <Typography.Paragraph>
          {confirm
            ? `${d.caseCode}「${d.caseTitle}」将并入 ${d.candidateCode}「${d.candidateTitle}」，合并可在合并/拆分记录中撤销。`
            : `${d.caseCode} 与 ${d.candidateCode} 将保持为两个案件，不再提示。`}
        </Typography.Paragraph>
      )}
      <Form form={form} name="duplicate-decide" layout="vertical">
        <ReasonField placeholder={confirm ? "如：同一户同一漏水问题，先后报送" : "如：同楼不同住户，各自的纠纷"} />
      </Form>
    </Modal>
  );
}
