// 联动响应: the case's checklist, grouped by workflow; the lead unit and each step's owner unit tick their steps.
import { CheckCircleTwoTone, ClockCircleOutlined } from "@ant-design/icons";
import { App, Button, Empty, Input, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { beijingTime } from "../intake/labels.js";
import { useCompleteStep, useWorkflow, type WorkflowStep } from "./routing-api.js";

export function WorkflowChecklist({ caseId }: { caseId: number }) {
  const { data: steps, isLoading } = useWorkflow(caseId);
  const [ticking, setTicking] = useState<WorkflowStep | null>(null);
  if (!isLoading && !steps?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此类纠纷无联动清单" />;
  const groups = [...new Set((steps ?? []).map((s) => s.workflowName))];
  return (
    <>
      {groups.map((g) => {
        const items = steps!.filter((s) => s.workflowName === g);
        return (
          <List<WorkflowStep>
            key={g}
            size="small"
            loading={isLoading}
            header={<Space><b>{g}</b><Tag>{items.filter((s) => s.doneAt).length}/{items.length}</Tag></Space>}
            dataSource={items}
            renderItem={(s) => (
              <List.Item actions={s.canComplete ? [<Button key="tick" size="small" onClick={() => setTicking(s)}>完成</Button>] : []}>
                <List.Item.Meta
                  avatar={s.doneAt ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />}
                  title={<Space>{s.position}. {s.title}<Tag>{s.ownerName}</Tag></Space>}
                  description={
                    s.doneAt ? (
                      <Typography.Text type="secondary">
                        {s.doneByUnitName ?? ""} {s.doneByLabel} 于 {beijingTime(s.doneAt)} 完成{s.note ? `：${s.note}` : ""}
                      </Typography.Text>
                    ) : null
                  }
                />
              </List.Item>
            )}
          />
        );
      })}
      <TickDialog caseId={caseId} step={ticking} onClose={() => setTicking(null)} />
    </>
  );
}

function TickDialog({ caseId, step, onClose }: { caseId: number; step: WorkflowStep | null; onClose: () => void }) {
  const [note, setNote] = useState("");
  const complete = useCompleteStep(caseId);
  const { message } = App.useApp();
  const submit = async () => {
    await complete.mutateAsync({ stepId: step!.id, note: note.trim() || undefined });
    message.success("已完成");
    setNote("");
    onClose();
  };
  return (
    <Modal open={step !== null} title={step ? `完成：${step.title}` : ""} okText="确认完成" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={complete.isPending}>
      <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="办理情况（选填），如：已调取 2024 年 1–6 月工资发放记录" />
    </Modal>
  );
}
