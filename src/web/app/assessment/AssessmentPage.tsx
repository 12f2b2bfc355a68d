// /assessment: 奖惩考核 — the ranking per unit, community or person for a month or a year, the ledger's entries (each
// with the event that earned it), the rules everyone is scored by, and the Excel export of the ledger.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Radio, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { beijingTime } from "../intake/labels.js";
import { useUnits } from "../units/unit-api.js";
import { exportUrl, useEntries, useRules, useTotals, type EntryFilter, type LedgerEntryView, type LedgerTotalView, type RuleView, type TotalsQuery } from "./assessment-api.js";

const PAGE_SIZE = 50;
const BY_NAMES: Record<TotalsQuery["by"], string> = { unit: "单位", community: "村（社区）", account: "个人" };

const Points = ({ v }: { v: number }) => <Typography.Text type={v < 0 ? "danger" : v > 0 ? "success" : undefined}>{v > 0 ? `+${v}` : v}</Typography.Text>;

export function AssessmentPage() {
  return (
    <Card title="奖惩考核">
      <Tabs
        items={[
          { key: "ranking", label: "得分排名", children: <Ranking /> },
          { key: "entries", label: "考核台账", children: <Entries /> },
          { key: "rules", label: "考核规则", children: <Rules /> },
        ]}
      />
    </Card>
  );
}

function Ranking() {
  const now = dayjs();
  const [q, setQ] = useState<TotalsQuery>({ period: "month", by: "unit", year: now.year(), month: now.month() + 1 });
  const { data, isFetching } = useTotals(q);
  const pickMonth = (d: Dayjs | null) => d && setQ((x) => ({ ...x, year: d.year(), month: d.month() + 1 }));
  const pickYear = (d: Dayjs | null) => d && setQ((x) => ({ ...x, year: d.year() }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={q.period} onChange={(e) => setQ((x) => ({ ...x, period: e.target.value }))} optionType="button" options={[{ value: "month", label: "月度" }, { value: "year", label: "年度" }]} />
        {q.period === "month" ? (
          <DatePicker picker="month" allowClear={false} value={dayjs(`${q.year}-${String(q.month ?? 1).padStart(2, "0")}-01`)} onChange={pickMonth} />
        ) : (
          <DatePicker picker="year" allowClear={false} value={dayjs(`${q.year}-01-01`)} onChange={pickYear} />
        )}
        <Radio.Group value={q.by} onChange={(e) => setQ((x) => ({ ...x, by: e.target.value }))} optionType="button" options={Object.entries(BY_NAMES).map(([value, label]) => ({ value, label }))} />
        <Button icon={<DownloadOutlined />} href={exportUrl({ year: q.year, month: q.period === "month" ? q.month : undefined })}>导出 Excel</Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {q.by === "community" ? "村（社区）得分：该村（社区）范围内案件上各承办单位所得分数之和（街道层面的案件不计入任何村社区）。" : q.by === "account" ? "个人得分：按规则计给经办人的分数；承办单位人员只能看到本单位人员。" : "单位得分：按规则计给承办单位的分数，所有单位一并排名。"}
      </Typography.Paragraph>
      <Table<LedgerTotalView>
        rowKey={(t) => `${t.period}-${t.id}`}
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: q.period === "month" ? "月份" : "年度", dataIndex: "period", width: 100 },
          { title: "排名", dataIndex: "rank", width: 80, render: (v: number) => (v <= 3 ? <Tag color={["gold", "default", "orange"][v - 1]}>{v}</Tag> : v) },
          { title: BY_NAMES[q.by], dataIndex: "name" },
          { title: "得分", dataIndex: "points", width: 100, render: (v: number) => <Points v={v} /> },
          { title: "记分条数", dataIndex: "entries", width: 100 },
        ]}
      />
    </>
  );
}

function Entries() {
  const [filter, setFilter] = useState<EntryFilter>({});
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const { data, isFetching } = useEntries(filter, pages[pages.length - 1], PAGE_SIZE);
  const { data: units } = useUnits();
  const change = (patch: Partial<EntryFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages([undefined]);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">每条记分都关联产生它的案件事件。承办单位人员只看到本单位及本人的记分。</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="单位">
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
        <Form.Item label="时间">
          <DatePicker.RangePicker onChange={(r) => change({ from: r?.[0]?.startOf("day").format(), to: r?.[1]?.add(1, "day").startOf("day").format() })} />
        </Form.Item>
      </Form>
      <Table<LedgerEntryView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: "时间", dataIndex: "occurredAt", width: 150, render: (v: string) => beijingTime(v) },
          { title: "规则", dataIndex: "ruleName", width: 160 },
          { title: "分值", dataIndex: "points", width: 70, render: (v: number) => <Points v={v} /> },
          { title: "单位 / 经办人", render: (_, e) => e.unitName ?? e.accountName ?? "—" },
          { title: "案件", width: 170, render: (_, e) => (e.caseId ? <Link to={`/cases/${e.caseId}`}>{e.caseCode}</Link> : e.caseCode) },
          { title: "事件", render: (_, e) => (e.eventName ? `${e.eventName}（${beijingTime(e.eventAt)}）` : "—") },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
    </>
  );
}

function Rules() {
  const { data, isLoading } = useRules();
  return (
    <Table<RuleView>
      rowKey="code"
      size="small"
      loading={isLoading}
      dataSource={data}
      pagination={false}
      columns={[
        { title: "规则", dataIndex: "name", width: 180 },
        { title: "计分对象", dataIndex: "subjectName", width: 110 },
        { title: "分值", dataIndex: "points", width: 80, render: (v: number) => <Points v={v} /> },
        { title: "依据事件", dataIndex: "eventName", width: 160 },
        { title: "条件", dataIndex: "condition" },
        { title: "代码", dataIndex: "code", width: 220, render: (v: string) => <code>{v}</code> },
      ]}
    />
  );
}
