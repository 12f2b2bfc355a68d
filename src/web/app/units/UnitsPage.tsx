// /settings/units: the responsible units; admins add and edit them.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useCan } from "../session.js";
import { useUnits, type UnitView } from "./unit-api.js";
import { UnitForm } from "./UnitForm.js";

export function UnitsPage() {
  const { data, isLoading } = useUnits();
  const canManage = useCan()("units.manage");
  const [editing, setEditing] = useState<{ unit?: UnitView } | null>(null);

  return (
    <Card
      title="承办单位"
      extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>新增单位</Button>}
    >
      <Table<UnitView>
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: "代码", dataIndex: "code", width: 160 },
          { title: "名称", dataIndex: "name" },
          { title: "类型", dataIndex: "kindName", width: 180 },
          {
            title: "服务区域",
            render: (_, u) => (
              <>
                {u.regionName} <Typography.Text type="secondary">{u.regionCode}</Typography.Text>
              </>
            ),
          },
          { title: "状态", dataIndex: "active", width: 90, render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          ...(canManage
            ? [{ title: "操作", width: 90, render: (_: unknown, u: UnitView) => <Button size="small" onClick={() => setEditing({ unit: u })}>编辑</Button> }]
            : []),
        ]}
      />
      <UnitForm open={editing !== null} unit={editing?.unit} onClose={() => setEditing(null)} />
    </Card>
  );
}
