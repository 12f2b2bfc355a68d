// A table of tasks: case, unit, state, deadline tier, and the steps this user may take.
import { Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router";
import { CATEGORY_NAMES, isCategory } from "../../../cases/categories.js";
import { RiskTag } from "../risk/RiskTag.js";
import { TaskActions } from "./TaskActions.js";
import { levelName, TaskStateTag, TierTag, viaName } from "./labels.js";
import type { Task } from "./task-api.js";

/** `inCase`: on a case's own page, where the case column would repeat itself. */
export function TaskTable({ items, loading, board, inCase }: { items: Task[]; loading?: boolean; board?: boolean; inCase?: boolean }) {
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        ...(inCase ? [{ title: "承办角色", render: (_: unknown, t: Task) => (t.role === "lead" ? "主办" : "协办"), width: 90 }] : []),
        {
          hidden: inCase,
          title: "案件",
          width: 260,
          render: (_, t) => (
            <>
              <Link to={`/cases/${t.caseId}`}>{t.caseCode}</Link> <RiskTag level={t.riskLevel} score={t.riskScore} factors={t.riskFactors} /> {t.urgency === "urgent" && <Tag color="red">紧急</Tag>}
              <br />
              <Typography.Text type="secondary" ellipsis={{ tooltip: t.caseTitle }} style={{ maxWidth: 240 }}>{t.caseTitle}</Typography.Text>
            </>
          ),
        },
        { hidden: inCase, title: "类别", render: (_, t) => (t.category && isCategory(t.category) ? CATEGORY_NAMES[t.category] : "待分类"), width: 110 },
        { hidden: inCase, title: "地点", dataIndex: "regionName", width: 120 },
        board
          ? { title: "认领截止", render: (_, t) => (t.claimDeadline ? dayjs(t.claimDeadline).format("MM-DD HH:mm") : "—"), width: 110 }
          : { title: "承办", render: (_, t) => <>{t.unitName ?? "—"}{t.role === "co" && <Tag style={{ marginLeft: 4 }}>协办</Tag>}<br /><Typography.Text type="secondary">{viaName(t)}</Typography.Text></>, width: 170 },
        { title: "层级", render: (_, t) => levelName(t), width: 110 },
        { title: "状态", render: (_, t) => <TaskStateTag task={t} />, width: 110 },
        { title: "时限", render: (_, t) => <TierTag task={t} />, width: 190 },
        { title: "操作", render: (_, t) => <TaskActions task={t} />, width: 220 },
      ]}
    />
  );
}
