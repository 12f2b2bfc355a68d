// The visit record form: how the parties were reached, how they are, how satisfied, whether the dispute is settled —
// and, when it is not, the recorder's choice between reopening the case and opening a linked recurrence.
import { Alert, App, Form, Input, Modal, Radio, Rate, Space, Typography } from "antd";
import {
  NOT_SETTLED_ACTION_NAMES, NOT_SETTLED_ACTIONS, SATISFACTION_NAMES, VISIT_CONTACT_NAMES, VISIT_CONTACTS, VISIT_OUTCOME_NAMES,
  type NotSettledAction, type VisitContact,
} from "../../../follow-ups/states.js";
import { useRecordVisit, type Visit } from "./follow-up-api.js";

interface Values {
  contact: VisitContact;
  partiesState?: string;
  satisfaction?: number;
  settled?: boolean;
  notSettled?: NotSettledAction;
  note?: string;
}

export function RecordVisitModal({ visit, onClose }: { visit: Visit | undefined; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const record = useRecordVisit();
  const { message } = App.useApp();
  const contact = Form.useWatch("contact", form);
  const settled = Form.useWatch("settled", form);
  const notSettled = Form.useWatch("notSettled", form);
  const reached = contact !== undefined && contact !== "unreachable";

  const submit = async () => {
    const v = await form.validateFields();
    const body = reached
      ? { contact: v.contact, partiesState: v.partiesState?.trim(), satisfaction: v.satisfaction, settled: v.settled, notSettled: v.settled === false ? v.notSettled : undefined, note: v.note?.trim() || undefined }
      : { contact: v.contact, note: v.note?.trim() || undefined };
    const done = await record.mutateAsync({ id: visit!.id, body });
    message.success(
      done.outcome === "recurrence" ? `已登记，已另立复发案件 ${done.recurrenceCaseCode ?? ""}`
      : done.outcome === "unreachable" ? "已登记，3 天后将再次回访"
      : `已登记：${VISIT_OUTCOME_NAMES[done.outcome ?? "settled"]}`,
    );
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={visit !== undefined}
      title={visit ? `登记回访 · ${visit.caseCode}（结案后第 ${visit.offsetDays} 天）` : "登记回访"}
      okText="提交"
      cancelText="取消"
      confirmLoading={record.isPending}
      onOk={() => submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {visit && <Typography.Paragraph type="secondary">{visit.caseTitle}　{visit.communityName ? `${visit.communityName} · ` : ""}{visit.regionName}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={{ contact: "phone" }} preserve={false}>
        <Form.Item name="contact" label="回访方式" rules={[{ required: true }]}>
          <Radio.Group options={VISIT_CONTACTS.map((c) => ({ value: c, label: VISIT_CONTACT_NAMES[c] }))} optionType="button" />
        </Form.Item>
        {reached && (
          <>
            <Form.Item name="partiesState" label="当事人现状" rules={[{ required: true, whitespace: true, min: 2, message: "请填写当事人现状" }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如：双方已和好，协议已履行，未再发生争执" />
            </Form.Item>
            <Form.Item name="satisfaction" label="群众满意度" rules={[{ required: true, message: "请选择满意度" }]}>
              <Rate tooltips={[1, 2, 3, 4, 5].map((n) => SATISFACTION_NAMES[n])} />
            </Form.Item>
            <Form.Item name="settled" label="纠纷是否化解" rules={[{ required: true, message: "请选择纠纷是否化解" }]}>
              <Radio.Group options={[{ value: true, label: "已化解" }, { value: false, label: "未化解" }]} />
            </Form.Item>
            {settled === false && (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="纠纷未化解，请选择后续处理"
                  description="重新办理：撤销原案件的结案，原案件回到待流转，由系统重新交办；另立复发案件：原案件保持结案，新建一件关联原案件的复发案件（复制地点、类别和当事人）。本次结案后尚未进行的回访将取消。"
                />
                <Form.Item name="notSettled" label="后续处理" rules={[{ required: true, message: "请选择重新办理或另立复发案件" }]}>
                  <Radio.Group>
                    <Space orientation="vertical">
                      {NOT_SETTLED_ACTIONS.map((a) => (
                        <Radio key={a} value={a}>{NOT_SETTLED_ACTION_NAMES[a]}</Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
                {notSettled && <Typography.Paragraph type="danger">提交后将{notSettled === "reopen" ? "重新打开原案件" : "新建复发案件"}，此操作不能撤销。</Typography.Paragraph>}
              </>
            )}
          </>
        )}
        {contact === "unreachable" && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="未联系上当事人：系统将在 3 天后安排再次回访。" />}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} placeholder={contact === "unreachable" ? "如：电话无人接听，上门未遇" : "选填"} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
