// The matrix's rules as a table: read-only, or editable row by row (conditions, lead, co-units, level, order).
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from "@ant-design/icons";
import { Button, Input, InputNumber, Select, Space, Switch, Table, Tag, Tooltip } from "antd";
import { CATEGORY_NAMES, type CategoryCode } from "../../../cases/categories.js";
import { CHANNEL_NAMES, type ChannelCode } from "../../../intake/channels.js";
import { RISK_LEVEL_NAMES } from "../../../routing/names.js";
import { HANDLING_LEVEL_NAMES } from "../../../tasks/states.js";
import { UNIT_KIND_NAMES } from "../../../units/kinds.js";
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, LEVEL_OPTIONS, RISK_COLORS, RISK_OPTIONS, UNIT_KIND_OPTIONS } from "./labels.js";
import type { MatrixRule, RuleBody } from "./routing-api.js";

/** A row being edited: the rule as the server takes it, with a key that survives reordering. */
export type EditRow = Required<RuleBody> & { key: string };

export interface Choices {
  regions: { value: number; label: string }[];
  units: { value: number; label: string }[];
}

function Conditions({ r, regionName }: { r: EditRow | MatrixRule; regionName?: string | null }) {
  const tags = [
    r.category && <Tag key="c" color="blue">{CATEGORY_NAMES[r.category as CategoryCode]}</Tag>,
    r.regionNodeId != null && <Tag key="r">{regionName ?? `区域 #${r.regionNodeId}`}</Tag>,
    r.minAmount != null && <Tag key="a" color="gold">金额 ≥ {r.minAmount >= 10_000 ? `${r.minAmount / 10_000} 万元` : `${r.minAmount} 元`}</Tag>,
    r.minPeople != null && <Tag key="p" color="gold">人数 ≥ {r.minPeople}</Tag>,
    r.channel && <Tag key="ch">{CHANNEL_NAMES[r.channel as ChannelCode]}</Tag>,
    r.riskLevel && <Tag key="k" color={RISK_COLORS[r.riskLevel]}>{RISK_LEVEL_NAMES[r.riskLevel]}风险</Tag>,
  ].filter(Boolean);
  return tags.length ? <>{tags}</> : <Tag>任何案件</Tag>;
}

export function RuleView({ rules }: { rules: MatrixRule[] }) {
  return (
    <Table<MatrixRule>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rules}
      columns={[
        { title: "序号", dataIndex: "position", width: 60 },
        { title: "条件", render: (_, r) => <Conditions r={r} regionName={r.regionName} /> },
        { title: "牵头", width: 200, render: (_, r) => (r.openCall ? <Tag color="orange">发布揭榜</Tag> : r.leadUnitName ?? (r.leadUnitKind ? UNIT_KIND_NAMES[r.leadUnitKind] : "—")) },
        { title: "协办", width: 220, render: (_, r) => r.coUnitKinds.map((k) => UNIT_KIND_NAMES[k]).join("、") || "—" },
        { title: "层级", dataIndex: "level", width: 130, render: (l: MatrixRule["level"]) => HANDLING_LEVEL_NAMES[l] },
        { title: "说明", dataIndex: "note" },
      ]}
    />
  );
}

/** The lead is either a kind ("kind:labour") or a named unit ("unit:12"). */
function leadValue(r: EditRow): string | undefined {
  return r.leadUnitId != null ? `unit:${r.leadUnitId}` : r.leadUnitKind ? `kind:${r.leadUnitKind}` : undefined;
}

export function RuleEditor({ rows, onChange, choices }: { rows: EditRow[]; onChange: (rows: EditRow[]) => void; choices: Choices }) {
  const set = (key: string, patch: Partial<EditRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const leadOptions = [
    { label: "按单位类型（取案件所在地的单位）", options: UNIT_KIND_OPTIONS.map((o) => ({ value: `kind:${o.value}`, label: o.label })) },
    { label: "指定单位", options: choices.units.map((u) => ({ value: `unit:${u.value}`, label: u.label })) },
  ];
  return (
    <Table<EditRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1500 }}
      columns={[
        { title: "序号", width: 56, render: (_, __, i) => i + 1 },
        { title: "纠纷类别", width: 130, render: (_, r) => <Select allowClear placeholder="任何" style={{ width: "100%" }} value={r.category ?? undefined} options={CATEGORY_OPTIONS} onChange={(v) => set(r.key, { category: v ?? null })} /> },
        { title: "区域", width: 150, render: (_, r) => <Select allowClear placeholder="全街道" style={{ width: "100%" }} value={r.regionNodeId ?? undefined} options={choices.regions} onChange={(v) => set(r.key, { regionNodeId: v ?? null })} /> },
        { title: "金额 ≥（元）", width: 130, render: (_, r) => <InputNumber min={0} style={{ width: "100%" }} value={r.minAmount} onChange={(v) => set(r.key, { minAmount: v ?? null })} /> },
        { title: "人数 ≥", width: 90, render: (_, r) => <InputNumber min={1} precision={0} style={{ width: "100%" }} value={r.minPeople} onChange={(v) => set(r.key, { minPeople: v ?? null })} /> },
        { title: "渠道", width: 130, render: (_, r) => <Select allowClear placeholder="任何" style={{ width: "100%" }} value={r.channel ?? undefined} options={CHANNEL_OPTIONS} onChange={(v) => set(r.key, { channel: v ?? null })} /> },
        { title: "风险", width: 90, render: (_, r) => <Select allowClear placeholder="任何" style={{ width: "100%" }} value={r.riskLevel ?? undefined} options={RISK_OPTIONS} onChange={(v) => set(r.key, { riskLevel: v ?? null })} /> },
        {
          title: "牵头",
          width: 200,
          render: (_, r) => (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={r.openCall ? "揭榜：不限类型" : "选择"}
              style={{ width: "100%" }}
              value={leadValue(r)}
              options={leadOptions}
              onChange={(v?: string) => {
                const [what, id] = (v ?? ":").split(":");
                set(r.key, { leadUnitKind: what === "kind" ? (id as EditRow["leadUnitKind"]) : null, leadUnitId: what === "unit" ? Number(id) : null });
              }}
            />
          ),
        },
        { title: "协办单位类型", width: 220, render: (_, r) => <Select mode="multiple" style={{ width: "100%" }} value={r.coUnitKinds} options={UNIT_KIND_OPTIONS} onChange={(v) => set(r.key, { coUnitKinds: v })} /> },
        { title: "层级", width: 150, render: (_, r) => <Select style={{ width: "100%" }} value={r.level} options={LEVEL_OPTIONS} onChange={(v) => set(r.key, { level: v })} /> },
        { title: <Tooltip title="不直接交办，发布到揭榜大厅由单位认领">揭榜</Tooltip>, width: 64, render: (_, r) => <Switch size="small" checked={r.openCall} onChange={(v) => set(r.key, { openCall: v })} /> },
        { title: "说明", width: 220, render: (_, r) => <Input maxLength={200} value={r.note} onChange={(e) => set(r.key, { note: e.target.value })} /> },
        {
          title: "",
          width: 110,
          fixed: "right",
          render: (_, r, i) => (
            <Space size={2}>
              <Button size="small" type="text" aria-label="上移" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
              <Button size="small" type="text" aria-label="下移" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
              <Button size="small" type="text" danger aria-label="删除" icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} />
            </Space>
          ),
        },
      ]}
    />
  );
}
