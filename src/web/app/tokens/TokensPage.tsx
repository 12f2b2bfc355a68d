// /settings/tokens: machine access for the channel systems; create (secret shown once) and revoke.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useRevokeToken, useTokens, type TokenView } from "./token-api.js";
import { TokenCreateDialog } from "./TokenCreateDialog.js";

const time = (v: string | null) => (v ? dayjs(v).format("YYYY-MM-DD HH:mm") : "—");

export function TokensPage() {
  const { data, isLoading } = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const scopeName = (key: string) => data?.scopes.find((s) => s.key === key)?.name ?? key;

  return (
    <Card title="接口令牌" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建令牌</Button>}>
      <Table<TokenView>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items}
        pagination={false}
        columns={[
          { title: "名称", dataIndex: "name" },
          { title: "前缀", dataIndex: "prefix", render: (v: string) => <code>{v}…</code> },
          { title: "权限范围", dataIndex: "scopes", render: (s: string[]) => s.map((k) => <Tag key={k}>{scopeName(k)}</Tag>) },
          { title: "渠道", dataIndex: "channel", render: (v: string | null) => v ?? "—" },
          { title: "创建时间", dataIndex: "createdAt", render: time },
          { title: "最近使用", dataIndex: "lastUsedAt", render: time },
          { title: "状态", dataIndex: "revoked", render: (r: boolean) => (r ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: "操作",
            render: (_, t) =>
              !t.revoked && (
                <Popconfirm title={`吊销令牌「${t.name}」？使用它的系统将立即无法访问。`} onConfirm={() => revoke.mutateAsync(t.id)}>
                  <Button size="small" danger>吊销</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <TokenCreateDialog open={creating} scopes={data?.scopes ?? []} onClose={() => setCreating(false)} />
    </Card>
  );
}
