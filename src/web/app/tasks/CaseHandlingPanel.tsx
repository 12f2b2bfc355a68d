// On a case's page: its tasks (lead and co-units) with their steps, the timeline of handling, and posting it to the board.
import { Button, Card, Form, Input, Modal, Select, Timeline, Typography, App } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { UNIT_KINDS, UNIT_KIND_NAMES } from "../../../units/kinds.js";
import { useCan } from "../session.js";
import { TaskTable } from "./TaskTable.js";
import { useCaseTasks, useCaseTimeline, usePostToBoard } from "./task-api.js";

export function CaseHandlingPanel({ caseId, closed }: { caseId: number; closed: boolean }) {
  const tasks = useCaseTasks(caseId);
  const timeline = useCaseTimeline(caseId);
  const canDispatch = useCan()("tasks.dispatch");
  const [posting, setPosting] = useState(false);
  const post = usePostToBoard(caseId);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  return (
    <>
      <Card title="承办任务" style={{ marginBottom: 16 }} extra={canDispatch && !closed && <Button onClick={() => setPosting(true)}>发布揭榜</Button>}>
        <TaskTable items={tasks.data?.items ?? []} loading={tasks.isLoading} inCase />
      </Card>
      <Card title="处置时间轴" style={{ marginBottom: 16 }}>
        {timeline.data?.items.length ? (
          <Timeline
            items={timeline.data.items.map((e) => ({
              children: (
                <>
                  <Typography.Text strong>{e.kindName}</Typography.Text> {e.unitName && <Typography.Text>· {e.unitName}</Typography.Text>}
                  <br />
                  <Typography.Text type="secondary">{dayjs(e.at).format("YYYY-MM-DD HH:mm")} · {e.actorLabel.startsWith("system:") ? "系统自动" : e.actorLabel}</Typography.Text>
                  {describe(e.detail) && <div>{describe(e.detail)}</div>}
                </>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">尚未流转</Typography.Text>
        )}
      </Card>
      <Modal open={posting} title="发布揭榜" okText="发布" cancelText="取消" confirmLoading={post.isPending} onCancel={() => setPosting(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={async (v) => {
          try {
            await post.mutateAsync({ eligibleKinds: v.eligibleKinds ?? [], reason: v.reason });
            message.success("已发布到揭榜大厅");
            setPosting(false);
          } catch (err) {
            message.error((err as Error).message);
          }
        }}>
          <Form.Item name="eligibleKinds" label="可认领的单位类型（不选为全部）">
            <Select mode="multiple" options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_NAMES[k] }))} />
          </Form.Item>
          <Form.Item name="reason" label="发布理由" rules={[{ required: true, min: 2, message: "请填写理由" }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The human part of an event's facts: reasons, notes, resolutions. */
function describe(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of ["reason", "note", "resolution", "report", "demand", "response"]) {
    const v = detail[key];
    if (typeof v === "string" && v) parts.push(v);
  }
  if (Array.isArray(detail.reasons)) parts.push((detail.reasons as string[]).join("；"));
  if (detail.onTime === false) parts.push("超时");
  return parts.join(" · ");
}
