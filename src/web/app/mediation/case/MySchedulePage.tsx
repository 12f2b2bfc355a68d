// A mediator's own schedule: the sessions of the cases whose mediation team they are on, upcoming first.
import { Badge, Calendar, Card, Segmented, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { SESSION_STATUS_NAMES } from "../../../../mediation/kinds.js";
import { SESSION_OUTCOME_NAMES } from "../../../../mediation/sessions/views.js";
import { useMySessions, type Session } from "./mediation-api.js";

export function MySchedulePage() {
  const [range, setRange] = useState<"upcoming" | "month" | "all">("upcoming");
  const [view, setView] = useState<"list" | "calendar">("list");
  const from = useMemo(
    () => (range === "upcoming" ? dayjs().startOf("day") : range === "month" ? dayjs().subtract(30, "day").startOf("day") : dayjs("2000-01-01")).format(),
    [range],
  );
  const { data, isLoading } = useMySessions(from);
  return (
    <Card
      title="我的调解日程"
      extra={
        <Space>
          <Segmented value={view} onChange={(v) => setView(v as typeof view)} options={[{ value: "list", label: "列表" }, { value: "calendar", label: "日历" }]} />
          <Segmented value={range} onChange={(v) => setRange(v as typeof range)} options={[{ value: "upcoming", label: "今天起" }, { value: "month", label: "近30天起" }, { value: "all", label: "全部" }]} />
        </Space>
      }
    >
      {view === "calendar" ? (
        <Calendar
          cellRender={(day, info) => {
            if (info.type !== "date") return info.originNode;
            const today = (data?.items ?? []).filter((s) => dayjs(s.scheduledAt).isSame(day, "day"));
            return (
              <>
                {today.map((s) => (
                  <div key={s.id}>
                    <Link to={`/cases/${s.caseId}`}>
                      <Badge status={s.status === "scheduled" ? "processing" : s.status === "held" ? "success" : "default"} text={`${dayjs(s.scheduledAt).format("HH:mm")} ${s.caseCode}`} />
                    </Link>
                  </div>
                ))}
              </>
            );
          }}
        />
      ) : (
      <Table<Session>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(s) => (s.status === "cancelled" ? "ant-table-row-disabled" : "")}
        columns={[
          { title: "时间", render: (_, s) => dayjs(s.scheduledAt).format("YYYY-MM-DD ddd HH:mm") },
          { title: "案件", render: (_, s) => <Link to={`/cases/${s.caseId}`}>{s.caseCode} {s.caseTitle}</Link> },
          { title: "地点", render: (_, s) => (s.online ? <><Tag color="purple">线上</Tag>{s.place}</> : s.place || "待定") },
          { title: "参加人", render: (_, s) => s.participants.map((p) => p.name).join("、") },
          { title: "状态", render: (_, s) => <Tag color={s.status === "scheduled" ? "blue" : s.status === "held" ? "green" : "default"}>{SESSION_STATUS_NAMES[s.status]}</Tag> },
          { title: "结果", render: (_, s) => (s.outcome ? SESSION_OUTCOME_NAMES[s.outcome] : "") },
        ]}
      />
      )}
    </Card>
  );
}
