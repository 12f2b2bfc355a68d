// The follow-up rules (回访规则): days after closure to visit, per dispute type and risk colour. The most specific
// active rule wins: type and colour, then colour, then type, then the default.
import { App, Button, Form, Modal, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { CATEGORIES, CATEGORY_NAMES } from "../../../cases/categories.js";
import { RISK_LEVEL_NAMES, RISK_LEVELS, type RiskLevel } from "../../../risk/levels.js";
import { beijingTime } from "../intake/labels.js";
import { useRules, useSaveRule, type Rule, type RuleInput } from "./follow-up-api.js";

const RISK_COLOURS: Record<RiskLevel, string> = { red: "red", yellow: "gold", green: "green" };

export function RulesEditor() {
  const { data, isLoading } = useRules(true);
  const save = useSaveRule();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Rule | "new" | undefined>();
  return (
    <>
      <Typography.Paragraph type="secondary">
        结案后按规则自动安排回访。同时适用多条规则时，以最具体的启用规则为准：类别＋风险等级 ＞ 风险等级 ＞ 类别 ＞ 默认规则。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing("new")}>新增规则</Button>
      </Space>
      <Table<Rule>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: "纠纷类别", render: (_, r) => r.categoryName ?? <Typography.Text type="secondary">全部类别</Typography.Text> },
          { title: "风险等级", render: (_, r) => (r.riskLevel ? <Tag color={RISK_COLOURS[r.riskLevel]}>{RISK_LEVEL_NAMES[r.riskLevel]}</Tag> : <Typography.Text type="secondary">不限</Typography.Text>) },
          { title: "回访时间（结案后）", render: (_, r) => r.offsetsDays.map((d) => `第 ${d} 天`).join("、") },
          {
            title: "启用",
            width: 80,
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.active}
                loading={save.isPending}
                onChange={(active) => save.mutateAsync({ id: r.id, rule: { active } }).then(() => message.success(active ? "已启用" : "已停用")).catch(() => undefined)}
              />
            ),
          },
          { title: "更新", width: 220, render: (_, r) => <Typography.Text type="secondary">{r.updatedByLabel}　{beijingTime(r.updatedAt)}</Typography.Text> },
          { title: "", width: 70, render: (_, r) => <a onClick={() => setEditing(r)}>修改</a> },
        ]}
      />
      {editing && <RuleDialog rule={editing === "new" ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function RuleDialog({ rule, onClose }: { rule: Rule | undefined; onClose: () => void }) {
  const [form] = Form.useForm<{ category: string | null; riskLevel: RiskLevel | null; offsetsDays: string[]; active: boolean }>();
  const save = useSaveRule();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    const body: RuleInput = { category: v.category ?? null, riskLevel: v.riskLevel ?? null, offsetsDays: v.offsetsDays.map(Number), active: v.active };
    await save.mutateAsync({ id: rule?.id, rule: body });
    message.success("回访规则已保存");
    onClose();
  };
  return (
    <Modal open title={rule ? "修改回访规则" : "新增回访规则"} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => submit().catch(() => undefined)} onCancel={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: rule?.category ?? null, riskLevel: rule?.riskLevel ?? null, offsetsDays: (rule?.offsetsDays ?? [7, 30]).map(String), active: rule?.active ?? true }}
      >
        <Form.Item name="category" label="纠纷类别">
          <Select allowClear placeholder="全部类别" options={[{ value: null, label: "全部类别" }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))]} />
        </Form.Item>
        <Form.Item name="riskLevel" label="风险等级">
          <Select allowClear placeholder="不限" options={[{ value: null, label: "不限" }, ...RISK_LEVELS.map((l) => ({ value: l, label: RISK_LEVEL_NAMES[l] }))]} />
        </Form.Item>
        <Form.Item
          name="offsetsDays"
          label="结案后第几天回访（可输入多个）"
          rules={[
            { required: true, message: "至少一个回访日" },
            { validator: (_, v: string[]) => (v?.every((d) => /^\d+$/.test(d) && Number(d) >= 1 && Number(d) <= 365) ? Promise.resolve() : Promise.reject(new Error("天数须为 1–365 的整数"))) },
          ]}
        >
          <Select mode="tags" tokenSeparators={[",", "，", " "]} placeholder="如：7、30" options={[1, 3, 7, 15, 30, 60, 90].map((d) => ({ value: String(d), label: `第 ${d} 天` }))} />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
