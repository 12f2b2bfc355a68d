// /transfers: 非警务警情流转 — every 110 incident handed to the street, and what became of it: when it was routed,
// which unit leads, when it was accepted, the outcome; with the times measured and the figures over the list.
// The police station reads it here without having to ask.
import { Card, Col, DatePicker, Form, Row, Select, Statistic, Table, Tooltip, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { CATEGORY_NAMES, isCategory } from "../../../cases/categories.js";
import { BASIS_NAMES } from "../../../transfers/views.js";
import { CASE_STATUS_OPTIONS, CaseStatusTag } from "../cases/CaseStatusTag.js";
import { beijingTime } from "../intake/labels.js";
import { useRegionRoot } from "../regions/region-api.js";
import { useTransfers, type Transfer, type TransferFilter } from "./transfer-api.js";

const PAGE_SIZE = 50;

const hours = (h: number | null) => (h == null ? "—" : h < 48 ? `${h.toFixed(1)} 小时` : `${(h / 24).toFixed(1)} 天`);

export function TransfersPage() {
  const [filter, setFilter] = useState<TransferFilter>({});
  const [page, setPage] = useState(1);
  const { data, isFetching } = useTransfers(filter, page, PAGE_SIZE);
  const { data: root } = useRegionRoot();
  const communities = (root?.level === "community" ? [root] : (root?.children ?? []).filter((c) => c.level === "community")).map((c) => ({ value: c.id, label: c.name }));
  const change = (patch: Partial<TransferFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const s = data?.summary;
  return (
    <Card title="非警务警情流转">
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="移交日期">
          <DatePicker.RangePicker
            onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
              change({ from: v?.[0]?.format("YYYY-MM-DD"), to: v?.[1]?.add(1, "day").format("YYYY-MM-DD") })
            }
          />
        </Form.Item>
        <Form.Item label="案件状态">
          <Select allowClear placeholder="全部" style={{ width: 120 }} options={CASE_STATUS_OPTIONS} value={filter.status} onChange={(status) => change({ status })} />
        </Form.Item>
        <Form.Item label="村社区">
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder="全部"
            style={{ width: 180 }}
            options={communities}
            value={filter.community}
            onChange={(community) => change({ community })}
          />
        </Form.Item>
      </Form>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={4}><Statistic title="移交警情" value={s?.count ?? 0} suffix="起" /></Col>
        <Col span={4}><Statistic title="已签收" value={s?.acceptedShare ?? "—"} suffix={s?.acceptedShare != null ? `%（${s.accepted} 起）` : ""} /></Col>
        <Col span={4}><Statistic title="流转用时（中位数）" value={hours(s?.medianHoursToRoute ?? null)} /></Col>
        <Col span={4}><Statistic title="签收用时（中位数）" value={hours(s?.medianHoursToAccept ?? null)} /></Col>
        <Col span={4}><Statistic title="签收用时（90%分位）" value={hours(s?.p90HoursToAccept ?? null)} /></Col>
        <Col span={4}><Statistic title="已办结" value={s?.closedShare ?? "—"} suffix={s?.closedShare != null ? `%（${s.closed} 起）` : ""} /></Col>
      </Row>
      <Table<Transfer>
        rowKey="recordId"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 起` }}
        columns={[
          {
            title: "接警编号",
            dataIndex: "externalId",
            width: 170,
            render: (v: string | null, t) => (
              <Tooltip title={`${BASIS_NAMES[t.basis]}${t.policeResult ? `；处警结果：${t.policeResult}` : ""}`}>{v ?? `记录 ${t.recordId}`}</Tooltip>
            ),
          },
          { title: "报警时间", dataIndex: "reportedAt", width: 140, render: (v: string) => beijingTime(v) },
          { title: "警情类别", dataIndex: "policeCategory", width: 120, render: (v: string | null) => v ?? "—" },
          { title: "处警单位 / 民警", width: 160, render: (_, t) => [t.policeUnitName, t.officerName].filter(Boolean).join(" / ") || "—" },
          {
            title: "案件",
            width: 200,
            render: (_, t) => (
              <>
                <Link to={`/cases/${t.caseId}`}>{t.caseCode}</Link>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.category && isCategory(t.category) ? CATEGORY_NAMES[t.category] : "未分类"} · {t.regionName}</Typography.Text></div>
              </>
            ),
          },
          { title: "移交时间", dataIndex: "transferredAt", width: 140, render: (v: string) => beijingTime(v) },
          { title: "流转时间", dataIndex: "routedAt", width: 160, render: (v: string | null, t) => (v ? <>{beijingTime(v)}<div style={{ fontSize: 12, color: "#8c8c8c" }}>用时 {hours(t.hoursToRoute)}</div></> : "待流转") },
          { title: "承办单位", dataIndex: "leadUnitName", width: 160, render: (v: string | null) => v ?? "—" },
          { title: "签收时间", dataIndex: "acceptedAt", width: 160, render: (v: string | null, t) => (v ? <>{beijingTime(v)}<div style={{ fontSize: 12, color: "#8c8c8c" }}>用时 {hours(t.hoursToAccept)}</div></> : "未签收") },
          { title: "状态", dataIndex: "caseStatus", width: 90, render: (v: Transfer["caseStatus"]) => <CaseStatusTag status={v} /> },
          { title: "办理结果", dataIndex: "resolution", width: 200, ellipsis: true, render: (v: string | null) => v ?? "—" },
          { title: "办结时间", dataIndex: "closedAt", width: 140, render: (v: string | null) => beijingTime(v) },
        ]}
      />
    </Card>
  );
}
