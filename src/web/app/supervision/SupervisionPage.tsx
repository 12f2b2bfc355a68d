// /supervision: 督办 — the orders the user may see (the street centre: its region; a unit: its own), filtered by
// status, unit and overdue, with the counts per unit; a row opens the order with its respond / close / escalate steps.
import { Button, Card, Form, Select, Space, Switch, Table, Tabs } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { SupervisionStatus } from "../../../supervision/statuses.js";
import { beijingTime } from "../intake/labels.js";
import { useUnits } from "../units/unit-api.js";
import { OrderDrawer } from "./OrderDrawer.js";
import { useSupervisionOrders, useSupervisionStats, type SupervisionFilter, type SupervisionOrder } from "./supervision-api.js";
import { SUPERVISION_STATUS_OPTIONS, SupervisionStatusTag } from "./SupervisionStatusTag.js";

const PAGE_SIZE = 50;

export function SupervisionPage() {
  const [filter, setFilter] = useState<SupervisionFilter>({});
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<number | undefined>();
  const change = (patch: Partial<SupervisionFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages([undefined]);
  };
  return (
    <Card title="督办">
      <Tabs
        items={[
          { key: "orders", label: "督办单", children: <OrderList filter={filter} change={change} pages={pages} setPages={setPages} onOpen={setOpenId} /> },
          { key: "units", label: "各单位督办情况", children: <UnitCounts onPick={(unitId) => change({ unitId })} /> },
        ]}
      />
      <OrderDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </Card>
  );
}

function OrderList(props: {
  filter: SupervisionFilter;
  change: (patch: Partial<SupervisionFilter>) => void;
  pages: (number | undefined)[];
  setPages: (f: (p: (number | undefined)[]) => (number | undefined)[]) => void;
  onOpen: (id: number) => void;
}) {
  const { filter, change, pages, setPages, onOpen } = props;
  const { data, isFetching } = useSupervisionOrders(filter, pages[pages.length - 1], PAGE_SIZE);
  const { data: units } = useUnits();
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="状态">
          <Select<SupervisionStatus> allowClear placeholder="全部" style={{ width: 120 }} options={SUPERVISION_STATUS_OPTIONS} value={filter.status} onChange={(status) => change({ status })} />
        </Form.Item>
        <Form.Item label="被督办单位">
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="全部"
            style={{ width: 240 }}
            options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={filter.unitId}
            onChange={(unitId) => change({ unitId })}
          />
        </Form.Item>
        <Form.Item label="仅看逾期">
          <Switch checked={Boolean(filter.overdue)} onChange={(overdue) => change({ overdue })} />
        </Form.Item>
      </Form>
      <Table<SupervisionOrder>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        onRow={(o) => ({ onClick: () => onOpen(o.id), style: { cursor: "pointer" } })}
        columns={[
          { title: "编号", dataIndex: "id", width: 70 },
          { title: "案件", render: (_, o) => <Link to={`/cases/${o.caseId}`} onClick={(e) => e.stopPropagation()}>{o.caseCode}</Link>, width: 170 },
          { title: "事由", dataIndex: "caseTitle", ellipsis: true },
          { title: "被督办单位", dataIndex: "unitName", width: 200 },
          { title: "督办要求", dataIndex: "demand", ellipsis: true },
          { title: "回复时限", dataIndex: "dueAt", width: 150, render: (v: string) => beijingTime(v) },
          { title: "状态", width: 150, render: (_, o) => <SupervisionStatusTag status={o.status} overdue={o.overdue} /> },
          { title: "发起时间", dataIndex: "issuedAt", width: 150, render: (v: string) => beijingTime(v) },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
    </>
  );
}

function UnitCounts({ onPick }: { onPick: (unitId: number) => void }) {
  const { data, isLoading } = useSupervisionStats();
  return (
    <Table
      rowKey="unitId"
      size="small"
      loading={isLoading}
      dataSource={data}
      pagination={false}
      columns={[
        { title: "单位", dataIndex: "unitName", render: (v: string, r) => <a onClick={() => onPick(r.unitId)}>{v}</a> },
        { title: "待回复", dataIndex: "open", width: 90 },
        { title: "已回复", dataIndex: "responded", width: 90 },
        { title: "已升级", dataIndex: "escalated", width: 90 },
        { title: "已办结", dataIndex: "closed", width: 90 },
        { title: "逾期未回复", dataIndex: "overdue", width: 110, render: (v: number) => (v ? <span style={{ color: "#cf1322" }}>{v}</span> : v) },
        { title: "合计", dataIndex: "total", width: 80 },
      ]}
    />
  );
}
