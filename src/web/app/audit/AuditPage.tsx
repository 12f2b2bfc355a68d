// /settings/audit: who did what to which record, filtered and paged; each row expands to its old and new values.
import { Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useAudit, type AuditEventView, type AuditFilter } from "./audit-api.js";

const PAGE_SIZE = 50;
const ACTOR_KINDS: Record<string, string> = { account: "账号", token: "接口令牌", system: "系统", anonymous: "匿名" };

interface FilterValues extends Omit<AuditFilter, "from" | "to"> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const { data, isFetching } = useAudit(filter, page, PAGE_SIZE);

  const apply = ({ range, ...rest }: FilterValues) => {
    const trimmed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === "string" ? v.trim() || undefined : v]));
    setFilter({ ...trimmed, from: range?.[0]?.startOf("day").format(), to: range?.[1]?.endOf("day").format() });
    setPage(1);
  };

  return (
    <Card title="审计日志">
      <Form<FilterValues> layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label="操作"><Input placeholder="如 session.login" allowClear /></Form.Item>
        <Form.Item name="actor" label="操作人"><Input allowClear /></Form.Item>
        <Form.Item name="subjectType" label="对象类型"><Input placeholder="如 account" allowClear /></Form.Item>
        <Form.Item name="subjectId" label="对象编号"><Input allowClear style={{ width: 100 }} /></Form.Item>
        <Form.Item name="range" label="时间"><DatePicker.RangePicker /></Form.Item>
        <Button type="primary" htmlType="submit">查询</Button>
      </Form>
      <Table<AuditEventView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <Values event={e} /> }}
        columns={[
          { title: "时间", dataIndex: "at", width: 170, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm:ss") },
          { title: "操作人", render: (_, e) => <>{e.actorLabel} <Tag>{ACTOR_KINDS[e.actorKind] ?? e.actorKind}</Tag></> },
          { title: "操作", dataIndex: "action", render: (v: string) => <code>{v}</code> },
          { title: "对象", render: (_, e) => `${e.subjectType}${e.subjectId ? ` #${e.subjectId}` : ""}` },
          { title: "IP", dataIndex: "ip", width: 130 },
          { title: "关联编号", dataIndex: "correlationId", ellipsis: true, width: 160 },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>上一页</Button>
        <span>第 {page} 页</span>
        <Button disabled={!data?.hasMore} onClick={() => setPage((p) => p + 1)}>下一页</Button>
      </Space>
    </Card>
  );
}

function Values({ event }: { event: AuditEventView }) {
  const block = (label: string, value: unknown) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ fontSize: 12, background: "#fafafa", padding: 8, margin: "4px 0 0", overflow: "auto", maxHeight: 320 }}>
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div style={{ display: "flex", gap: 16 }}>
      {block("修改前", event.oldValues)}
      {block("修改后", event.newValues)}
    </div>
  );
}
