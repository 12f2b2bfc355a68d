// One channel record in full: its fields, its people (numbers masked by the server), the channel's own extra fields
// and every version the channel sent.
import { Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from "antd";
import { beijingTime, channelName, ID_STATUS, PERSON_ROLE_NAMES, PHONE_STATUS } from "./labels.js";
import { useRecord, type RecordDetail } from "./record-api.js";
import { AddressStatusTag, FlagTags } from "./RecordTags.js";

type Person = RecordDetail["people"][number];
type Version = RecordDetail["versions"][number];

function StatusTag({ map, status }: { map: Record<string, { name: string; color: string }>; status: string }) {
  const s = map[status];
  return <Tag color={s?.color}>{s?.name ?? status}</Tag>;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

export function RecordDrawer({ id, onClose, onOpen }: { id: number | undefined; onClose: () => void; onOpen: (id: number) => void }) {
  const { data: r, isLoading } = useRecord(id);
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={760} title={r ? `${channelName(r.channel)} · ${r.externalId}` : "渠道记录"}>
      {isLoading || !r ? <Spin /> : <RecordBody r={r} onOpen={onOpen} />}
    </Drawer>
  );
}

function RecordBody({ r, onOpen }: { r: RecordDetail; onOpen: (id: number) => void }) {
  const extra = Object.entries(r.extra);
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { label: "渠道", children: channelName(r.channel) },
          { label: "渠道编号", children: r.externalId },
          { label: "报送时间", children: beijingTime(r.reportedAt) },
          { label: "接收时间", children: beijingTime(r.receivedAt) },
          { label: "类别", span: 2, children: r.categoryWords.length ? r.categoryWords.map((w) => <Tag key={w}>{w}</Tag>) : "—" },
          { label: "涉及金额", children: r.amount === null ? "—" : `${r.amount.toLocaleString("zh-CN")} 元` },
          { label: "涉及人数", children: show(r.peopleCount) },
          { label: "地址原文", span: 2, children: show(r.addressText) },
          { label: "规范地址", span: 2, children: show(r.addressNormalised) },
          {
            label: "定位",
            span: 2,
            children: (
              <>
                <AddressStatusTag status={r.addressStatus} />
                {r.regionName ?? ""} <Typography.Text type="secondary">{r.regionCode ?? ""} 置信度 {Math.round(r.addressConfidence * 100)}%</Typography.Text>
                {r.addressEvidence.length > 0 && <div><Typography.Text type="secondary">依据：{r.addressEvidence.join("；")}</Typography.Text></div>}
              </>
            ),
          },
          { label: "数据问题", span: 2, children: r.flags.length ? <FlagTags flags={r.flags} /> : "无" },
          { label: "内容", span: 2, children: <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{r.narrative}</div> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>当事人</Typography.Title>
      <Table<Person>
        size="small"
        pagination={false}
        dataSource={r.people.map((p, key) => ({ ...p, key }))}
        locale={{ emptyText: "无" }}
        columns={[
          { title: "身份", dataIndex: "role", width: 90, render: (v: string) => PERSON_ROLE_NAMES[v as keyof typeof PERSON_ROLE_NAMES] ?? v },
          {
            title: "姓名/名称",
            render: (_, p) => (
              <>
                {p.name ?? "—"}
                {p.titleOnly && <Tag style={{ marginInlineStart: 4 }}>仅称谓</Tag>}
                {p.isOrganisation && <Tag style={{ marginInlineStart: 4 }}>单位</Tag>}
                {p.companyName && <div><Typography.Text type="secondary">{p.companyName}</Typography.Text></div>}
              </>
            ),
          },
          { title: "证件号码", render: (_, p) => <>{p.idNumber ?? "—"} <StatusTag map={ID_STATUS} status={p.idStatus} /></> },
          { title: "电话", render: (_, p) => <>{p.phone ?? "—"} <StatusTag map={PHONE_STATUS} status={p.phoneStatus} /></> },
          {
            title: "信用代码",
            render: (_, p) =>
              p.creditCode ? <>{p.creditCode} {p.creditCodeValid === false ? <Tag color="red">无效</Tag> : <Tag color="green">有效</Tag>}</> : "—",
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>渠道附加字段</Typography.Title>
      {extra.length ? (
        <Descriptions size="small" column={1} bordered items={extra.map(([k, v]) => ({ key: k, label: k, children: <span style={{ wordBreak: "break-all" }}>{show(v)}</span> }))} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>版本</Typography.Title>
      <Table<Version>
        rowKey="id"
        size="small"
        pagination={false}
        showHeader={false}
        dataSource={r.versions}
        columns={[
          {
            render: (_, v) => (
              <>
                {v.id === r.id ? <strong>版本 v{v.version}</strong> : <Typography.Link onClick={() => onOpen(v.id)}>版本 v{v.version}</Typography.Link>}
                {v.version > 1 && " (更正)"}
              </>
            ),
          },
          { render: (_, v) => <>接收于 {beijingTime(v.receivedAt)} {v.isCurrent && <Tag color="blue">当前</Tag>}</> },
        ]}
      />
    </>
  );
}
