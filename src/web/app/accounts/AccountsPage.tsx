// /settings/accounts: every account with its role, unit, scope and status; admins create, edit, disable, unlock.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useCan } from "../session.js";
import { useAccounts, usePatchAccount, type AccountView } from "./account-api.js";
import { AccountForm } from "./AccountForm.js";
import { PasswordForm } from "./PasswordForm.js";

export function AccountsPage() {
  const { data, isLoading } = useAccounts();
  const canManage = useCan()("accounts.manage");
  const patch = usePatchAccount();
  const [editing, setEditing] = useState<{ account?: AccountView } | null>(null);
  const [resetting, setResetting] = useState<AccountView>();

  const actions = (a: AccountView) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setEditing({ account: a })}>编辑</Button>
      <Popconfirm
        title={a.disabled ? `启用账号 ${a.username}？` : `停用账号 ${a.username}？停用后立即退出登录。`}
        onConfirm={() => patch.mutateAsync({ id: a.id, body: { disabled: !a.disabled } })}
      >
        <Button size="small" danger={!a.disabled}>{a.disabled ? "启用" : "停用"}</Button>
      </Popconfirm>
      {a.locked && <Button size="small" onClick={() => patch.mutate({ id: a.id, body: { unlock: true } })}>解锁</Button>}
      <Button size="small" onClick={() => setResetting(a)}>重置密码</Button>
    </Space>
  );

  return (
    <Card title="账号" extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>新建账号</Button>}>
      <Table<AccountView>
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: "用户名", dataIndex: "username", width: 120 },
          { title: "姓名", dataIndex: "displayName", width: 120 },
          { title: "角色", dataIndex: "roleName", width: 170 },
          { title: "所属单位", dataIndex: "unitName", width: 200, render: (v: string | null) => v ?? "—" },
          { title: "辖区", dataIndex: "regionName", width: 140 },
          {
            title: "状态",
            width: 110,
            render: (_, a) => (
              <>
                {a.disabled && <Tag color="red">停用</Tag>}
                {a.locked && <Tag color="orange">锁定</Tag>}
                {!a.disabled && !a.locked && <Tag color="green">正常</Tag>}
              </>
            ),
          },
          { title: "最近登录", dataIndex: "lastLoginAt", width: 150, render: (v: string | null) => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "—") },
          ...(canManage ? [{ title: "操作", width: 250, render: (_: unknown, a: AccountView) => actions(a) }] : []),
        ]}
      />
      <AccountForm open={editing !== null} account={editing?.account} onClose={() => setEditing(null)} />
      <PasswordForm account={resetting} onClose={() => setResetting(undefined)} />
    </Card>
  );
}
