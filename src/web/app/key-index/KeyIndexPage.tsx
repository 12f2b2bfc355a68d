// /key-index: 关键指数 — every index per community, grid, unit or mediator for a period, each with its change against the
// same period last year, and the street's total. A community opens its grids; a count opens the cases behind it.
import { Breadcrumb, Card, DatePicker, Modal, Segmented, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link } from "react-router";
import { CASE_STATUS_NAMES } from "../../../cases/statuses.js";
import { KEY_INDEX_FORMULAS, KEY_INDEX_GROUP_NAMES, KEY_INDEX_GROUPS, type KeyIndexGroup, type KeyIndexKey } from "../../../key-index/formulas.js";
import { RISK_LEVEL_NAMES } from "../../../risk/levels.js";
import { beijingTime } from "../intake/labels.js";
import { RISK_TAG_COLORS } from "../risk/RiskTag.js";
import { FigureCell } from "./FigureCell.js";
import { useKeyIndex, useKeyIndexCases, type DrillParams, type KeyIndexRow } from "./key-index-api.js";

// echarts is large: loaded only when the chart is shown.
const ReceivedChart = lazy(() => import("./ReceivedChart.js").then((m) => ({ default: m.ReceivedChart })));

/** Figures whose cases can be listed: the counts, and the recurrences behind the recurrence rate. */
const DRILLABLE: KeyIndexKey[] = ["received", "red_open", "red_received", "warnings_open", "transfers", "recurrence_rate", "repeat_call_rate"];

type Range = [Dayjs, Dayjs];
const today = () => dayjs().startOf("day");
const PRESETS: { label: string; value: Range }[] = [
  { label: "本月", value: [today().startOf("month"), today()] },
  { label: "本季度", value: [today().month(Math.floor(today().month() / 3) * 3).startOf("month"), today()] },
  { label: "本年", value: [today().startOf("year"), today()] },
];

export function KeyIndexPage() {
  const [range, setRange] = useState<Range>(PRESETS[2].value);
  const [group, setGroup] = useState<KeyIndexGroup>("community");
  const [community, setCommunity] = useState<{ id: number; name: string } | undefined>();
  const [drill, setDrill] = useState<(DrillParams & { title: string }) | undefined>();
  const params = {
    group: community ? ("grid" as const) : group,
    from: range[0].format("YYYY-MM-DD"),
    to: range[1].add(1, "day").format("YYYY-MM-DD"), // the picker's end day is included
    community: community?.id,
  };
  const { data, isFetching } = useKeyIndex(params);

  const rows: (KeyIndexRow & { key: string })[] = useMemo(
    () => (data ? [...data.rows.map((r) => ({ ...r, key: String(r.id) })), { ...data.total, key: "total" }] : []),
    [data],
  );

  const columns = [
    {
      title: KEY_INDEX_GROUP_NAMES[params.group],
      dataIndex: "name",
      fixed: "left" as const,
      width: 170,
      render: (name: string, r: KeyIndexRow) =>
        r.id === null ? <Typography.Text strong>{name}</Typography.Text>
        : params.group === "community" ? <a onClick={() => setCommunity({ id: r.id!, name })}>{name}</a>
        : name,
    },
    ...KEY_INDEX_FORMULAS.map((f) => ({
      key: f.key,
      title: <span title={f.definition}>{f.name}</span>,
      width: f.kind === "count" ? 110 : 130,
      render: (_: unknown, r: KeyIndexRow) => (
        <FigureCell
          f={f}
          figure={r.figures[f.key]}
          onDrill={DRILLABLE.includes(f.key) ? () => setDrill({ ...params, id: r.id ?? undefined, metric: f.key, title: `${r.name} · ${f.drill}` }) : undefined}
        />
      ),
    })),
  ];

  return (
    <Card
      title="关键指数"
      extra={data && <Typography.Text type="secondary">对比去年同期：{data.lastYear.from} 至 {dayjs(data.lastYear.to).subtract(1, "day").format("YYYY-MM-DD")}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          presets={PRESETS}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Segmented<KeyIndexGroup>
          value={group}
          options={KEY_INDEX_GROUPS.map((g) => ({ value: g, label: KEY_INDEX_GROUP_NAMES[g] }))}
          onChange={(g) => {
            setGroup(g);
            setCommunity(undefined);
          }}
        />
      </Space>
      {community && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[{ title: <a onClick={() => setCommunity(undefined)}>全部村社区</a> }, { title: `${community.name}的网格` }]}
        />
      )}
      {params.group === "community" && data && data.rows.length > 1 && (
        <Suspense fallback={<div style={{ height: 260 }} />}>
          <ReceivedChart rows={data.rows} />
        </Suspense>
      )}
      <Table<KeyIndexRow & { key: string }>
        size="small"
        loading={isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={columns}
        onRow={(r) => (r.id === null ? { style: { background: "#fafafa", fontWeight: 600 } } : {})}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        箭头为同比变化：绿色表示向好，红色表示变差。将鼠标移到指数名称上可查看计算口径；点击数字可查看对应案件。
      </Typography.Paragraph>
      <DrillModal drill={drill} onClose={() => setDrill(undefined)} />
    </Card>
  );
}

function DrillModal({ drill, onClose }: { drill: (DrillParams & { title: string }) | undefined; onClose: () => void }) {
  const { data, isFetching } = useKeyIndexCases(drill && { group: drill.group, from: drill.from, to: drill.to, community: drill.community, id: drill.id, metric: drill.metric });
  return (
    <Modal open={drill !== undefined} title={drill?.title} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      <Table
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        footer={() => (data ? `共 ${data.total} 件${data.total > data.items.length ? `，显示前 ${data.items.length} 件` : ""}` : null)}
        columns={[
          { title: "案件编号", dataIndex: "code", width: 170, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
          { title: "事由", dataIndex: "title", ellipsis: true },
          { title: "所在地", dataIndex: "regionName", width: 140 },
          { title: "承办单位", dataIndex: "leadUnitName", width: 160, render: (v: string | null) => v ?? "—" },
          { title: "风险", dataIndex: "riskLevel", width: 70, render: (v: keyof typeof RISK_LEVEL_NAMES | null) => (v ? <Tag color={RISK_TAG_COLORS[v]}>{RISK_LEVEL_NAMES[v]}</Tag> : "—") },
          { title: "状态", dataIndex: "status", width: 80, render: (v: keyof typeof CASE_STATUS_NAMES) => CASE_STATUS_NAMES[v] },
          { title: "受理时间", dataIndex: "receivedAt", width: 150, render: (v: string) => beijingTime(v) },
          { title: "办结时间", dataIndex: "closedAt", width: 150, render: (v: string | null) => beijingTime(v) },
        ]}
      />
    </Modal>
  );
}
