// 受理批次: the 50 latest runs of intake — files, uploads, pushes, forms — with their counts.
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Table, Tag } from "antd";
import { useBatches, type Batch, type Counts } from "./intake-api.js";
import { BATCH_STATUS, beijingTime, channelName, SOURCE_NAMES } from "./labels.js";

const COUNTS: [keyof Counts, string][] = [
  ["read", "读取"],
  ["accepted", "接收"],
  ["redelivered", "重复推送"],
  ["corrected", "更正"],
  ["quarantined", "隔离"],
];

export function BatchesTab() {
  const { data, isFetching, refetch } = useBatches();
  return (
    <>
      <Button icon={<ReloadOutlined />} onClick={() => refetch()} style={{ marginBottom: 12 }}>刷新</Button>
      <Table<Batch>
        rowKey="id"
        size="small"
        loading={isFetching && !data}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: "时间", dataIndex: "startedAt", width: 140, render: (v: string) => beijingTime(v) },
          { title: "来源", dataIndex: "source", width: 90, render: (s: string) => SOURCE_NAMES[s as keyof typeof SOURCE_NAMES] ?? s },
          { title: "文件", dataIndex: "fileName", ellipsis: true, render: (v: string | null) => v ?? "—" },
          { title: "渠道", dataIndex: "channel", width: 140, render: (c: string | null) => (c ? channelName(c) : "自动识别") },
          { title: "操作人", dataIndex: "actorLabel", width: 120, ellipsis: true },
          {
            title: "状态",
            dataIndex: "status",
            width: 90,
            render: (s: string) => {
              const st = BATCH_STATUS[s as keyof typeof BATCH_STATUS];
              return <Tag color={st?.color}>{st?.name ?? s}</Tag>;
            },
          },
          ...COUNTS.map(([key, title]) => ({ title, width: 80, align: "right" as const, render: (_: unknown, b: Batch) => b.counts[key].toLocaleString("zh-CN") })),
        ]}
      />
    </>
  );
}
