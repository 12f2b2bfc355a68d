// How tasks look: state and tier tags, deadline text. Names come from the server's single definitions.
import { Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import { HANDLING_LEVEL_NAMES, TASK_STATE_NAMES, ASSIGNED_VIA_NAMES } from "../../../tasks/states.js";
import { DEADLINE_TIER_NAMES } from "../../../tasks/views.js";
import type { Task } from "./task-api.js";

const TIER_COLOURS = { green: "green", yellow: "gold", red: "red", overdue: "magenta" } as const;
const STAGE_NAMES = { claim: "认领", accept: "签收", handle: "办理", verify: "核验" } as const;

export function TaskStateTag({ task }: { task: Task }) {
  return <Tag color={task.state === "closed" ? "default" : task.state === "returned" ? "volcano" : "blue"}>{TASK_STATE_NAMES[task.state]}</Tag>;
}

export function TierTag({ task }: { task: Task }) {
  const open = task.deadlines.filter((d) => !d.done);
  if (!open.length) return null;
  const d = open[open.length - 1];
  return (
    <Tooltip title={`${STAGE_NAMES[d.stage]}时限 ${dayjs(d.dueAt).format("YYYY-MM-DD HH:mm")}（${d.basis}）`}>
      <Tag color={TIER_COLOURS[task.tier]}>
        {DEADLINE_TIER_NAMES[task.tier]} · {STAGE_NAMES[d.stage]} {dayjs(d.dueAt).format("MM-DD HH:mm")}
      </Tag>
    </Tooltip>
  );
}

export const levelName = (t: Task) => HANDLING_LEVEL_NAMES[t.level];
export const viaName = (t: Task) => (t.assignedVia ? ASSIGNED_VIA_NAMES[t.assignedVia] : "");
