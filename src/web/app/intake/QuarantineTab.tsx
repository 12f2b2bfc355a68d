// 隔离区: rows that could not become records. Staff fix one and re-submit it, or dismiss it with a note.
// The raw row is shown as plain text: it is whatever the channel sent, markup and all.
import { Button, Form, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { ChannelCode } from "../../../intake/channels.js";
import type { QuarantineReason } from "../../../intake/draft.js";
import { DismissDialog } from "./DismissDialog.js";
import { useQuarantine, type QuarantineFilter, type QuarantinedRow } from "./intake-api.js";
import { beijingTime, CHANNEL_OPTIONS, channelName, REASON_OPTIONS } from "./labels.js";
import { ResubmitDialog } from "./ResubmitDialog.js";

const PAGE_SIZE = 20;
const STATUS_OPTIONS: { value: QuarantinedRow["status"]; label: string }[] = [
  { value: "open", label: "待处理" },
  { value: "resubmitted", label: "已重新提交" },
  { value: "dismissed", label: "已作废" },
];

export function QuarantineTab() {
  // ?batch=ID, from an upload's summary: only that batch's rows.
  const [params, setParams] = useSearchParams();
  const batchId = Number(params.get("batch")) || undefined;
  const [filter, setFilter] = useState<Omit<QuarantineFilter, "batchId">>({ status: "open" });
  const [offset, setOffset] = useState(0);
  const [fixing, setFixing] = useState<QuarantinedRow | null>(null);
  const [dismissing, setDismissing] = useState<QuarantinedRow | null>(null);
  const { data, isFetching } = useQuarantine({ ...filter, batchId }, offset, PAGE_SIZE);
  const allBatches = () => {
    params.delete("batch");
    setParams(params, { replace: true });
    setOffset(0);
  };
  const change = (patch: Partial<QuarantineFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="状态">
          <Select value={filter.status} options={STATUS_OPTIONS} onChange={(status) => change({ status })} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label="渠道">
          <Select<ChannelCode> allowClear placeholder="全部" value={filter.channel} options={CHANNEL_OPTIONS} onChange={(channel) => change({ channel })} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="原因">
          <Select<QuarantineReason> allowClear placeholder="全部" value={filter.reason} options={REASON_OPTIONS} onChange={(reason) => change({ reason })} style={{ width: 220 }} />
        </Form.Item>
        {batchId && (
          <Form.Item>
            <Tag closable onClose={allBatches} color="blue">仅看批次 #{batchId}</Tag>
          </Form.Item>
        )}
      </Form>
      <Table<QuarantinedRow>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: "渠道", dataIndex: "channel", width: 130, render: (c: string | null) => channelName(c) },
          {
            title: "文件与行号",
            width: 180,
            render: (_, r) => (
              <>
                <div style={{ wordBreak: "break-all" }}>{r.fileName ?? "—"}</div>
                {r.line !== null && <Tag>第 {r.line} 行</Tag>}
              </>
            ),
          },
          { title: "原因", dataIndex: "reasonName", width: 150, render: (v: string) => <Tag color="orange">{v}</Tag> },
          { title: "说明", dataIndex: "message", width: 220 },
          {
            title: "原始数据",
            dataIndex: "rawText",
            render: (text: string) => (
              <pre data-testid="raw-text" style={{ margin: 0, maxHeight: 96, overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
                {text}
              </pre>
            ),
          },
          { title: "隔离时间", dataIndex: "createdAt", width: 140, render: (v: string) => beijingTime(v) },
          ...(filter.status === "open"
            ? [
                {
                  title: "操作",
                  width: 150,
                  fixed: "right" as const,
                  render: (_: unknown, r: QuarantinedRow) => (
                    <Space orientation="vertical" size={4}>
                      <Button size="small" type="primary" onClick={() => setFixing(r)}>修正后重新提交</Button>
                      <Button size="small" danger onClick={() => setDismissing(r)}>作废</Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE_SIZE))}>上一页</Button>
        <span>第 {offset / PAGE_SIZE + 1} 页</span>
        <Button disabled={!data?.hasMore} onClick={() => setOffset((o) => o + PAGE_SIZE)}>下一页</Button>
      </Space>
      <ResubmitDialog row={fixing} onClose={() => setFixing(null)} />
      <DismissDialog row={dismissing} onClose={() => setDismissing(null)} />
    </>
  );
}
