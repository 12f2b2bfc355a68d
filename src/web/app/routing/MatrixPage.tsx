// /settings/routing: the responsibility matrix (职责矩阵). Everyone on staff reads it; admins edit a copy of the version
// in force and save it as a new version with a note. Earlier versions stay readable: cases keep the version that
// routed them.
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { beijingTime } from "../intake/labels.js";
import { useRegionRoot } from "../regions/region-api.js";
import { useCan } from "../session.js";
import { useUnits } from "../units/unit-api.js";
import { useMatrix, useMatrixVersions, useSaveMatrix, type MatrixRule, type MatrixVersion } from "./routing-api.js";
import { RuleEditor, RuleView, type EditRow } from "./RuleTable.js";

let nextKey = 0;
const key = () => `new-${++nextKey}`;

function toRow(r: MatrixRule): EditRow {
  const { category, regionNodeId, minAmount, minPeople, channel, riskLevel, leadUnitId, leadUnitKind, coUnitKinds, level, openCall, note } = r;
  return { key: `r-${r.id}`, category, regionNodeId, minAmount, minPeople, channel, riskLevel, leadUnitId, leadUnitKind, coUnitKinds, level, openCall, note };
}

const blank = (): EditRow => ({ key: key(), category: null, regionNodeId: null, minAmount: null, minPeople: null, channel: null, riskLevel: null, leadUnitId: null, leadUnitKind: "community_centre", coUnitKinds: [], level: "community", openCall: false, note: "" });

export function MatrixPage() {
  const canManage = useCan()("routing.manage");
  const [viewing, setViewing] = useState<number | undefined>(undefined);
  const { data: matrix, isLoading } = useMatrix(viewing);
  const [rows, setRows] = useState<EditRow[] | null>(null);
  const [saving, setSaving] = useState(false);
  const isCurrent = !matrix?.version || matrix.version.current;

  return (
    <>
      <Card
        title="职责矩阵"
        style={{ marginBottom: 16 }}
        extra={
          rows ? (
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, blank()])}>添加规则</Button>
              <Button onClick={() => setRows(null)}>放弃修改</Button>
              <Button type="primary" disabled={rows.length === 0} onClick={() => setSaving(true)}>保存为新版本</Button>
            </Space>
          ) : (
            canManage && isCurrent && <Button type="primary" onClick={() => setRows(matrix?.rules.map(toRow) ?? [blank()])}>编辑</Button>
          )
        }
      >
        <VersionSummary version={matrix?.version ?? null} />
        <Typography.Paragraph type="secondary">
          案件自上而下逐条匹配，第一条满足全部条件、且在案件所在地能找到牵头单位的规则生效；未设置的条件视为“任何”。
          按单位类型指定的牵头、协办单位，取辖区包含案件地点的该类单位（如案件所在村社区的二级中心）。都不适用的案件发布揭榜认领。
        </Typography.Paragraph>
        {rows ? <EditorWithChoices rows={rows} onChange={setRows} /> : isLoading ? <Spin /> : matrix && <RuleView rules={matrix.rules} />}
      </Card>
      <VersionHistory viewing={matrix?.version?.version} onView={(v) => { setRows(null); setViewing(v.current ? undefined : v.version); }} />
      {rows && <SaveDialog open={saving} rows={rows} onClose={() => setSaving(false)} onSaved={() => { setSaving(false); setRows(null); setViewing(undefined); }} />}
    </>
  );
}

function VersionSummary({ version }: { version: MatrixVersion | null }) {
  if (!version) return <Typography.Paragraph>尚未设置职责矩阵：新案件将全部发布揭榜认领。</Typography.Paragraph>;
  return (
    <Descriptions
      size="small"
      column={4}
      style={{ marginBottom: 12 }}
      items={[
        { key: "version", label: "版本", children: <>第 {version.version} 版 {version.current ? <Tag color="green">现行</Tag> : <Tag>历史</Tag>}</> },
        { key: "note", label: "说明", children: version.note },
        { key: "by", label: "保存人", children: `${version.createdByLabel}，${beijingTime(version.createdAt)}` },
        { key: "routed", label: "已流转", children: `${version.routedCount} 次` },
      ]}
    />
  );
}

function EditorWithChoices({ rows, onChange }: { rows: EditRow[]; onChange: (rows: EditRow[]) => void }) {
  const { data: root } = useRegionRoot();
  const { data: units } = useUnits();
  const choices = useMemo(
    () => ({
      regions: root ? [root, ...root.children].map((n) => ({ value: n.id, label: n.name })) : [],
      units: (units ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
    }),
    [root, units],
  );
  return <RuleEditor rows={rows} onChange={onChange} choices={choices} />;
}

function SaveDialog({ open, rows, onClose, onSaved }: { open: boolean; rows: EditRow[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const save = useSaveMatrix();
  const { message } = App.useApp();
  const submit = async () => {
    const { note } = await form.validateFields();
    const saved = await save.mutateAsync({ note: note.trim(), rules: rows.map(({ key: _key, ...r }) => r) });
    message.success(`已保存为第 ${saved.version?.version} 版，新案件按新版本流转`);
    form.resetFields();
    onSaved();
  };
  return (
    <Modal open={open} title="保存为新版本" okText="保存" onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={save.isPending}>
      <Typography.Paragraph type="secondary">已流转的案件仍记录原版本；保存后新案件按新版本流转。</Typography.Paragraph>
      <Form form={form} layout="vertical" name="matrix-save">
        <Form.Item name="note" label="修改说明" rules={[{ required: true, whitespace: true, min: 2, max: 300, message: "请填写 2–300 字的修改说明" }]}>
          <Input.TextArea rows={3} placeholder="如：物业纠纷先由社区调处" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionHistory({ viewing, onView }: { viewing: number | undefined; onView: (v: MatrixVersion) => void }) {
  const { data, isLoading } = useMatrixVersions();
  return (
    <Card title="版本历史">
      <Table<MatrixVersion>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: "版本", dataIndex: "version", width: 90, render: (v: number, r) => <>第 {v} 版 {r.current && <Tag color="green">现行</Tag>}</> },
          { title: "说明", dataIndex: "note" },
          { title: "规则数", dataIndex: "ruleCount", width: 80 },
          { title: "流转次数", dataIndex: "routedCount", width: 90 },
          { title: "保存人", dataIndex: "createdByLabel", width: 180 },
          { title: "时间", dataIndex: "createdAt", width: 140, render: (v: string) => beijingTime(v) },
          { title: "", width: 80, render: (_, r) => (r.version === viewing ? <Tag color="blue">查看中</Tag> : <Button size="small" onClick={() => onView(r)}>查看</Button>) },
        ]}
      />
    </Card>
  );
}
