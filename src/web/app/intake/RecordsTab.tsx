// 渠道记录: records as intake made them, newest first, filtered by channel, address status and flag; a row opens
// its detail.
import { Button, Form, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { ChannelCode } from "../../../intake/channels.js";
import { ADDRESS_STATUS, beijingTime, CHANNEL_OPTIONS, channelName, FLAG_NAMES } from "./labels.js";
import { useRecords, type RecordFilter, type RecordSummary } from "./record-api.js";
import { RecordDrawer } from "./RecordDrawer.js";
import { AddressStatusTag, FlagTags } from "./RecordTags.js";

const PAGE_SIZE = 50;
const ADDRESS_OPTIONS = Object.entries(ADDRESS_STATUS).map(([value, s]) => ({ value: value as RecordSummary["addressStatus"], label: s.name }));
const FLAG_OPTIONS = Object.entries(FLAG_NAMES).map(([value, label]) => ({ value, label }));

export function RecordsTab() {
  const [filter, setFilter] = useState<RecordFilter>({});
  // The ids each page starts below: a stack, so 上一页 can go back.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<number>();
  const { data, isFetching } = useRecords(filter, pages[pages.length - 1], PAGE_SIZE);
  const change = (patch: Partial<RecordFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages([undefined]);
  };

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="渠道">
          <Select<ChannelCode> allowClear placeholder="全部" value={filter.channel} options={CHANNEL_OPTIONS} onChange={(channel) => change({ channel })} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="地址">
          <Select allowClear placeholder="全部" value={filter.addressStatus} options={ADDRESS_OPTIONS} onChange={(addressStatus) => change({ addressStatus })} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label="数据问题">
          <Select allowClear placeholder="全部" value={filter.flag} options={FLAG_OPTIONS} onChange={(flag) => change({ flag })} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      <Table<RecordSummary>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 1200 }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
        columns={[
          { title: "渠道", dataIndex: "channel", width: 130, render: (c: string) => channelName(c) },
          { title: "渠道编号", dataIndex: "externalId", width: 170, render: (v: string, r) => <>{v}{r.version > 1 && <Tag style={{ marginInlineStart: 4 }}>v{r.version}</Tag>}</> },
          { title: "报送时间", dataIndex: "reportedAt", width: 140, render: (v: string) => beijingTime(v) },
          { title: "内容", dataIndex: "narrative", ellipsis: true, render: (v: string) => <Typography.Text>{v.length > 80 ? `${v.slice(0, 80)}…` : v}</Typography.Text> },
          {
            title: "地址",
            width: 300,
            render: (_, r) => (
              <>
                <div style={{ wordBreak: "break-all" }}>{r.addressText ?? "—"}</div>
                <AddressStatusTag status={r.addressStatus} />
                {r.regionName && <Typography.Text type="secondary">{r.regionName}</Typography.Text>}
              </>
            ),
          },
          { title: "数据问题", dataIndex: "flags", width: 200, render: (flags: string[]) => <FlagTags flags={flags} /> },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <span>第 {pages.length} 页</span>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
      <RecordDrawer id={openId} onClose={() => setOpenId(undefined)} onOpen={setOpenId} />
    </>
  );
}
