// /tasks: the unit's inbox (本单位待办), and for the street centre every task in its jurisdiction.
import { Card, Segmented, Space, Switch } from "antd";
import { useState } from "react";
import { useCan } from "../session.js";
import { useTasks } from "./task-api.js";
import { TaskTable } from "./TaskTable.js";

export function TasksPage() {
  const dispatcher = useCan()("tasks.dispatch");
  const [view, setView] = useState<"mine" | "all">(dispatcher ? "all" : "mine");
  const [open, setOpen] = useState(true);
  const { data, isLoading } = useTasks(view, open);
  return (
    <Card
      title="任务收件箱"
      extra={
        <Space>
          <Segmented value={view} onChange={(v) => setView(v as "mine" | "all")} options={[{ value: "mine", label: "本单位" }, { value: "all", label: "辖区全部" }]} />
          <Switch checked={open} onChange={setOpen} checkedChildren="未结" unCheckedChildren="全部" />
        </Space>
      }
    >
      <TaskTable items={data?.items ?? []} loading={isLoading} />
    </Card>
  );
}
