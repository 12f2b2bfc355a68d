// /settings/deadline-rules: the time limits (办理时限) per stage, by level, dispute type, urgency and channel.
// The most specific matching rule applies; accounts with deadlines.manage edit the table and save it as a whole.
// Stages already running keep the limit they started with.
import { DeleteOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { DEADLINE_STAGE_NAMES, STAGES } from "../../../deadlines/stages.js";
import { HANDLING_LEVEL_NAMES, HANDLING_LEVELS, URGENCIES, URGENCY_NAMES } from "../../../tasks/states.js";
import { CATEGORY_OPTIONS, categoryName } from "../cases/labels.js";
import { CHANNEL_OPTIONS, channelName } from "../intake/labels.js";
import { useCan } from "../session.js";
import { useDeadlineRules, useReplaceDeadlineRules, type DeadlineRuleInput, type DeadlineRuleView } from "./deadline-api.js";

type Row = Required<Omit<DeadlineRuleInput, "category" | "level" | "urgency" | "channel">> & {
  key: number;
  category: string | null;
  level: DeadlineRuleView["level"];
  urgency: DeadlineRuleView["urgency"];
  channel: string | null;
};

const STAGE_OPTIONS = STAGES.map((value) => ({ value, label: DEADLINE_STAGE_NAMES[value] }));
const LEVEL_OPTIONS = HANDLING_LEVELS.map((value) => ({ value, label: HANDLING_LEVEL_NAMES[value] }));
const URGENCY_OPTIONS = URGENCIES.map((value) => ({ value, label: URGENCY_NAMES[value] }));
const UNIT_OPTIONS = [
  { value: "working_days", label: "个工作日" },
  { value: "hours", label: "小时" },
];
const ANY = "不限";

let nextKey = 1;
const toRow = (r: DeadlineRuleView): Row => ({ ...r, key: nextKey++ });

export function DeadlineRulesPage() {
  const { data, isLoading } = useDeadlineRules();
  const canManage = useCan()("deadlines.manage");
  const replace = useReplaceDeadlineRules();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (data && !dirty) setRows(data.map(toRow));
  }, [data, dirty]);

  const edit = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const add = () => {
    setRows((rs) => [...rs, { key: nextKey++, stage: "handle", category: null, level: null, urgency: null, channel: null, amount: 5, unit: "working_days", yellowAt: 0.5, redAt: 0.8, note: "" }]);
    setDirty(true);
  };
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setDirty(true);
  };
  const save = async () => {
    const bad = rows.find((r) => !(r.amount > 0) || !(r.yellowAt < r.redAt));
    if (bad) return message.error("每条规则的时限须大于 0，黄色提醒须早于红色预警");
    await replace.mutateAsync(rows.map(({ key: _key, ...r }) => r as DeadlineRuleInput));
    setDirty(false);
    message.success("办理时限已保存");
  };

  const select = (value: string | null, options: { value: string; label: string }[], onChange: (v: string | null) => void, width = 130) =>
    canManage ? (
      <Select size="small" style={{ width }} value={value ?? undefined} placeholder={ANY} allowClear options={options} onChange={(v) => onChange(v ?? null)} />
    ) : (
      <>{options.find((o) => o.value === value)?.label ?? <Typography.Text type="secondary">{ANY}</Typography.Text>}</>
    );
  const percent = (value: number, onChange: (v: number) => void) =>
    canManage ? (
      <InputNumber size="small" style={{ width: 80 }} min={1} max={99} value={Math.round(value * 100)} formatter={(v) => `${v}%`} parser={(v) => Number((v ?? "").replace("%", ""))} onChange={(v) => v != null && onChange(v / 100)} />
    ) : (
      <>{Math.round(value * 100)}%</>
    );

  return (
    <Card
      title="办理时限"
      extra={
        canManage && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={add}>
              新增规则
            </Button>
            <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => setDirty(false)}>
              放弃修改
            </Button>
            <Button type="primary" disabled={!dirty} loading={replace.isPending} onClick={() => save().catch(() => undefined)}>
              保存
            </Button>
          </Space>
        )
      }
    >
      <Alert
        style={{ marginBottom: 12 }}
        type="info"
        showIcon
        title="每个环节按最具体的匹配规则计时：渠道时限（如 12345 办理时限）优先，其次紧急程度、纠纷类别、层级；「不限」表示任意值。已开始的环节保持原时限。黄色提醒、红色预警为已用时限的比例。"
      />
      <Table<Row>
        rowKey="key"
        size="small"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        columns={[
          { title: "环节", width: 110, render: (_, r) => (canManage ? <Select size="small" style={{ width: 90 }} value={r.stage} options={STAGE_OPTIONS} onChange={(stage) => edit(r.key, { stage })} /> : DEADLINE_STAGE_NAMES[r.stage]) },
          { title: "层级", width: 150, render: (_, r) => select(r.level, LEVEL_OPTIONS, (v) => edit(r.key, { level: v as Row["level"] }), 140) },
          { title: "纠纷类别", width: 130, render: (_, r) => (canManage ? select(r.category, CATEGORY_OPTIONS, (v) => edit(r.key, { category: v })) : (categoryName(r.category) ?? <Typography.Text type="secondary">{ANY}</Typography.Text>)) },
          { title: "紧急程度", width: 100, render: (_, r) => select(r.urgency, URGENCY_OPTIONS, (v) => edit(r.key, { urgency: v as Row["urgency"] }), 90) },
          { title: "渠道", width: 150, render: (_, r) => (canManage ? select(r.channel, CHANNEL_OPTIONS, (v) => edit(r.key, { channel: v }), 140) : r.channel ? channelName(r.channel) : <Typography.Text type="secondary">{ANY}</Typography.Text>) },
          {
            title: "时限",
            width: 190,
            render: (_, r) =>
              canManage ? (
                <Space.Compact size="small">
                  <InputNumber size="small" style={{ width: 70 }} min={0.5} max={365} step={1} value={r.amount} onChange={(v) => v != null && edit(r.key, { amount: v })} />
                  <Select size="small" style={{ width: 100 }} value={r.unit} options={UNIT_OPTIONS} onChange={(unit) => edit(r.key, { unit })} />
                </Space.Compact>
              ) : (
                `${r.amount} ${r.unit === "hours" ? "小时" : "个工作日"}`
              ),
          },
          { title: "黄色提醒", width: 100, render: (_, r) => percent(r.yellowAt, (v) => edit(r.key, { yellowAt: v })) },
          { title: "红色预警", width: 100, render: (_, r) => percent(r.redAt, (v) => edit(r.key, { redAt: v })) },
          { title: "说明", render: (_, r) => (canManage ? <Input size="small" maxLength={60} value={r.note} onChange={(e) => edit(r.key, { note: e.target.value })} /> : r.note) },
          ...(canManage ? [{ title: "", width: 50, render: (_: unknown, r: Row) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(r.key)} /> }] : []),
        ]}
      />
    </Card>
  );
}
