// One uploaded file's outcome: the counts per channel with their total, and the rows sent to quarantine, with why.
import { Alert, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { Counts, RowOutcome, UploadSummary } from "./intake-api.js";
import { channelName, reasonName } from "./labels.js";

const COUNT_COLUMNS: { key: keyof Counts; title: string }[] = [
  { key: "read", title: "读取" },
  { key: "accepted", title: "接收" },
  { key: "redelivered", title: "重复推送" },
  { key: "corrected", title: "更正" },
  { key: "quarantined", title: "隔离" },
];

type ChannelCounts = UploadSummary["byChannel"][number];

/** Every row read ends in exactly one of the four outcomes. */
export function addsUp(c: Counts): boolean {
  return c.read === c.accepted + c.redelivered + c.corrected + c.quarantined;
}

export function UploadSummaryView({ summary }: { summary: UploadSummary }) {
  const { total } = summary;
  return (
    <div data-testid="upload-summary">
      <Table<ChannelCounts>
        rowKey="channel"
        size="small"
        pagination={false}
        dataSource={summary.byChannel}
        columns={[
          { title: "渠道", dataIndex: "channel", render: (c: string) => channelName(c === "?" ? null : c) },
          ...COUNT_COLUMNS.map(({ key, title }) => ({ title, dataIndex: key, width: 100, align: "right" as const, render: (n: number) => n.toLocaleString("zh-CN") })),
        ]}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {COUNT_COLUMNS.map(({ key }, i) => (
              <Table.Summary.Cell key={key} index={i + 1} align="right">
                <span data-testid={`total-${key}`}>{total[key].toLocaleString("zh-CN")}</span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      {!addsUp(total) && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title="读取数与各项结果之和不一致，请联系管理员核查该批次" />
      )}
      {summary.quarantined.length > 0 && <QuarantinedOutcomes rows={summary.quarantined} total={total.quarantined} batchId={summary.batchId} />}
    </div>
  );
}

function QuarantinedOutcomes({ rows, total, batchId }: { rows: RowOutcome[]; total: number; batchId: number }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        隔离的行{total > rows.length ? `（显示前 ${rows.length} 条，共 ${total} 条）` : ""}
      </Typography.Title>
      <Link to={`?tab=quarantine&batch=${batchId}`}>到隔离区修正本批数据</Link>
      <Table<RowOutcome>
        rowKey={(r) => `${r.channel}-${r.index}`}
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows}
        columns={[
          { title: "序号", dataIndex: "index", width: 70, render: (i: number) => i + 1 },
          { title: "渠道", dataIndex: "channel", width: 160, render: (c: string | null) => channelName(c) },
          { title: "编号", dataIndex: "externalId", width: 180, render: (v: string | null) => v ?? "—" },
          { title: "原因", dataIndex: "reason", width: 180, render: (r: string | undefined) => r && <Tag color="orange">{reasonName(r)}</Tag> },
          { title: "说明", dataIndex: "message", render: (m: string | undefined) => m ?? "—" },
        ]}
      />
    </>
  );
}
