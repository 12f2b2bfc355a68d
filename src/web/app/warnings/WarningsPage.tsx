// /warnings: 预警中心 — the warnings the user may see (its region's cases, and those its unit must sign for), by step
// of the loop (预警 → 签收 → 反馈 → 督办 → 销号) with counts, filtered by trigger and level; a row opens the warning.
import { Badge, Button, Card, Form, Select, Space, Table, Tabs } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { WARNING_LEVEL_NAMES, WARNING_LEVELS, WARNING_STATUS_NAMES, WARNING_STATUSES, WARNING_TRIGGER_NAMES, WARNING_TRIGGERS, type WarningStatus } from "../../../warnings/states.js";
import type { WarningSummaryView } from "../../../warnings/views.js";
import { beijingTime } from "../intake/labels.js";
import { WarningDrawer } from "./WarningDrawer.js";
import { WarningLevelTag, WarningReasons, WarningStatusTag } from "./WarningTags.js";
import { useWarnings, type WarningFilter } from "./warnings-api.js";

const PAGE_SIZE = 50;
const ALL = "all";

export function WarningsPage() {
  const [filter, setFilter] = useState<WarningFilter>({});
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<number | undefined>();
  const { data, isFetching } = useWarnings(filter, pages[pages.length - 1], PAGE_SIZE);
  const change = (patch: Partial<WarningFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages([undefined]);
  };
  const counts = data?.counts;
  const open = counts ? WARNING_STATUSES.filter((s) => s !== "closed").reduce((n, s) => n + counts[s], 0) : undefined;
  return (
    <Card title="预警中心">
      <Tabs
        activeKey={filter.status ?? ALL}
        onChange={(k) => change({ status: k === ALL ? undefined : (k as WarningStatus) })}
        items={[
          { key: ALL, label: <Space size={4}>全部{open !== undefined && <Badge count={open} overflowCount={999} color="#cf1322" title="未销号" />}</Space> },
          ...WARNING_STATUSES.map((s) => ({
            key: s,
            label: (
              <Space size={4}>
                {WARNING_STATUS_NAMES[s]}
                {counts && <Badge count={counts[s]} overflowCount={999} showZero color={s === "closed" ? "#8c8c8c" : s === "raised" ? "#cf1322" : "#1677ff"} />}
              </Space>
            ),
          })),
        ]}
      />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="触发原因">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 220 }}
            options={WARNING_TRIGGERS.map((t) => ({ value: t, label: WARNING_TRIGGER_NAMES[t] }))}
            value={filter.trigger}
            onChange={(trigger) => change({ trigger })}
          />
        </Form.Item>
        <Form.Item label="预警级别">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={WARNING_LEVELS.map((l) => ({ value: l, label: WARNING_LEVEL_NAMES[l] }))} value={filter.level} onChange={(level) => change({ level })} />
        </Form.Item>
      </Form>
      <Table<WarningSummaryView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        onRow={(w) => ({ onClick: () => setOpenId(w.id), style: { cursor: "pointer" } })}
        columns={[
          { title: "编号", dataIndex: "id", width: 70 },
          { title: "级别", width: 100, render: (_, w) => <WarningLevelTag level={w.level} /> },
          { title: "触发原因", width: 190, render: (_, w) => WARNING_TRIGGER_NAMES[w.trigger] },
          {
            title: "案件",
            width: 170,
            render: (_, w) => (
              <Link to={`/cases/${w.caseId}`} onClick={(e) => e.stopPropagation()}>
                {w.caseCode}
              </Link>
            ),
          },
          { title: "事由", dataIndex: "caseTitle", ellipsis: true },
          { title: "预警依据", render: (_, w) => <WarningReasons reasons={w.reasons.slice(0, 3)} /> },
          { title: "签收", width: 80, render: (_, w) => `${w.receiptsAcknowledged}/${w.receiptsTotal}` },
          { title: "状态", width: 170, render: (_, w) => <WarningStatusTag status={w.status} ackOverdue={w.ackOverdue} /> },
          { title: "预警时间", dataIndex: "raisedAt", width: 150, render: (v: string) => beijingTime(v) },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
      <WarningDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </Card>
  );
}
