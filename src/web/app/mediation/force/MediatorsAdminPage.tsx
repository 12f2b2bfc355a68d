// /settings/mediators: the mediation force for staff — unit, account link, availability and leave — and, for
// mediators.manage, adding and editing mediators.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Pagination, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { MediatorKind } from "../../../../mediation/kinds.js";
import { useCan } from "../../session.js";
import { FieldTags, GradeTag, KIND_OPTIONS, percent, weekdays } from "./labels.js";
import { CommunitySelect } from "./CommunitySelect.js";
import { useDirectoryFacets, useStaffMediators, type DirectoryFilter, type MediatorStaffView } from "./mediator-api.js";
import { MediatorForm } from "./MediatorForm.js";

const PAGE_SIZE = 50;
type ActiveFilter = "true" | "false" | "all";

export function MediatorsAdminPage() {
  const canManage = useCan()("mediators.manage");
  const [filter, setFilter] = useState<DirectoryFilter & { active: ActiveFilter }>({ active: "true", sort: "grade" });
  const [page, setPage] = useState(1);
  const { data, isFetching } = useStaffMediators({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const { data: facets } = useDirectoryFacets();
  const [editing, setEditing] = useState<{ mediator?: MediatorStaffView } | null>(null);
  const change = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <Card
      title="调解员队伍"
      extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>新增调解员</Button>}
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="类别">
          <Select<MediatorKind> allowClear placeholder="全部" style={{ width: 140 }} options={KIND_OPTIONS as { value: MediatorKind; label: string }[]} value={filter.kind} onChange={(kind) => change({ kind })} />
        </Form.Item>
        <Form.Item label="工作室/调解队">
          <Select allowClear placeholder="全部" style={{ width: 170 }} options={(facets?.studios ?? []).map((s) => ({ value: s.id, label: s.name }))} value={filter.studio} onChange={(studio) => change({ studio })} />
        </Form.Item>
        <Form.Item label="村社">
          <CommunitySelect communities={facets?.communities} value={filter.community} onChange={(community) => change({ community })} />
        </Form.Item>
        <Form.Item label="在册">
          <Select<ActiveFilter>
            style={{ width: 100 }}
            value={filter.active}
            onChange={(active) => change({ active })}
            options={[{ value: "true", label: "在册" }, { value: "false", label: "已离队" }, { value: "all", label: "全部" }]}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search allowClear placeholder="姓名" style={{ width: 140 }} onSearch={(q) => change({ q: q.trim() || undefined })} />
        </Form.Item>
      </Form>
      <Table<MediatorStaffView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 1400 }}
        columns={[
          { title: "姓名", dataIndex: "name", width: 100, fixed: "left", render: (name: string, m) => <Link to={`/mediators/${m.id}`}>{name}</Link> },
          { title: "类别", dataIndex: "kindName", width: 120 },
          { title: "等级", width: 110, render: (_, m) => <GradeTag grade={m.grade} /> },
          { title: "擅长", width: 220, render: (_, m) => <FieldTags fields={m.fields} /> },
          { title: "所属单位", dataIndex: "unitName", width: 170, render: (v: string | null) => v ?? "—" },
          { title: "工作室/调解队", dataIndex: "studioName", width: 150, render: (v: string | null) => v ?? "—" },
          { title: "村社", dataIndex: "homeCommunityName", width: 120, render: (v: string | null) => v ?? "—" },
          { title: "账号", dataIndex: "accountUsername", width: 100, render: (v: string | null) => v ?? <Typography.Text type="secondary">未关联</Typography.Text> },
          { title: "可调解日", width: 170, render: (_, m) => weekdays(m.availableDays) },
          {
            title: "请假",
            width: 190,
            render: (_, m) =>
              m.leaveFrom ? (
                <>
                  {m.onLeave && <Tag color="orange">请假中</Tag>}
                  {m.leaveFrom} 至 {m.leaveTo ?? "—"}
                </>
              ) : (
                "—"
              ),
          },
          { title: "调解件数", width: 90, align: "right", render: (_, m) => m.figures.handled },
          { title: "成功率", width: 80, align: "right", render: (_, m) => percent(m.figures.successRate) },
          { title: "在办", width: 70, align: "right", render: (_, m) => m.figures.currentLoad },
          { title: "状态", dataIndex: "active", width: 80, render: (a: boolean) => (a ? <Tag color="green">在册</Tag> : <Tag>已离队</Tag>) },
          ...(canManage
            ? [{ title: "操作", width: 80, fixed: "right" as const, render: (_: unknown, m: MediatorStaffView) => <Button size="small" onClick={() => setEditing({ mediator: m })}>编辑</Button> }]
            : []),
        ]}
      />
      <Pagination
        style={{ marginTop: 16, textAlign: "right" }}
        current={page}
        pageSize={PAGE_SIZE}
        total={data?.total ?? 0}
        showSizeChanger={false}
        hideOnSinglePage
        onChange={setPage}
      />
      <MediatorForm open={editing !== null} mediator={editing?.mediator} onClose={() => setEditing(null)} />
    </Card>
  );
}
