// /settings/webhooks: a unit's push addresses (Webhook) for its own system (浙政钉 and the like). The signing secret is
// shown once, on creation. Unit leaders manage their own unit; admins pick a unit.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { DELIVERY_STATUS_NAMES } from "../../../notifications/delivery-statuses.js";
import { useMe } from "../session.js";
import { useUnits } from "../units/unit-api.js";
import { useDeliveries, useWebhookActions, useWebhooks, type DeliveryView, type WebhookView } from "./notification-api.js";

const STATUS_COLOURS: Record<DeliveryView["status"], string> = { pending: "gold", delivered: "green", failed: "red" };
const time = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm:ss") : "—");

export function WebhooksPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const isAdmin = me?.role === "admin";
  const unitId = isAdmin ? (params.get("unit") ? Number(params.get("unit")) : undefined) : me?.unit?.id;

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {isAdmin && <UnitPicker value={unitId} onChange={(id) => setParams({ unit: String(id) })} />}
      {unitId === undefined ? (
        <Card title="推送地址（Webhook）">
          <Empty description={isAdmin ? "请选择单位" : "您的账号不属于任何单位"} />
        </Card>
      ) : (
        <UnitWebhooks unitId={unitId} />
      )}
    </Space>
  );
}

function UnitPicker({ value, onChange }: { value?: number; onChange: (id: number) => void }) {
  const { data: units, isLoading } = useUnits();
  return (
    <Select
      showSearch
      loading={isLoading}
      placeholder="选择单位"
      style={{ width: 360 }}
      value={value}
      onChange={onChange}
      optionFilterProp="label"
      options={(units ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
    />
  );
}

function UnitWebhooks({ unitId }: { unitId: number }) {
  const { data: hooks, isLoading } = useWebhooks(unitId);
  const actions = useWebhookActions(unitId);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | undefined>();
  const [form] = Form.useForm<{ url: string }>();

  const add = async () => {
    const { url } = await form.validateFields();
    const res = await actions.create.mutateAsync(url);
    setAdding(false);
    form.resetFields();
    setSecret(res.secret);
    setSelected(res.webhook.id);
  };

  return (
    <>
      <Card
        title="推送地址（Webhook）"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>新增推送地址</Button>}
      >
        <Typography.Paragraph type="secondary">
          本单位收到的任务、催办、督办等通知，会同时以 JSON 推送到这里登记的地址。每次推送带
          <Typography.Text code>X-Tongban-Signature</Typography.Text>（以签名密钥对「时间戳.正文」做 HMAC-SHA256），接收方应校验签名和时间戳；失败会按 1 分钟、5 分钟、30 分钟、2 小时、12 小时重试，共 6 次。
        </Typography.Paragraph>
        <Table<WebhookView>
          rowKey="id"
          loading={isLoading}
          dataSource={hooks}
          pagination={false}
          rowSelection={{ type: "radio", selectedRowKeys: selected ? [selected] : [], onChange: (keys) => setSelected(Number(keys[0])) }}
          onRow={(w) => ({ onClick: () => setSelected(w.id) })}
          columns={[
            { title: "地址", dataIndex: "url", render: (url: string) => <Typography.Text copyable>{url}</Typography.Text> },
            {
              title: "启用",
              dataIndex: "active",
              width: 80,
              render: (active: boolean, w) => (
                <Switch size="small" checked={active} loading={actions.setActive.isPending} onClick={(checked, e) => { e.stopPropagation(); actions.setActive.mutate({ id: w.id, active: checked }); }} />
              ),
            },
            { title: "待发送", dataIndex: "pending", width: 80 },
            { title: "已放弃", dataIndex: "failed", width: 80, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
            { title: "最近送达", dataIndex: "lastDeliveredAt", width: 170, render: time },
            {
              title: "操作",
              width: 170,
              render: (_, w) => (
                <Space onClick={(e) => e.stopPropagation()}>
                  <Button size="small" loading={actions.test.isPending} onClick={() => { actions.test.mutate(w.id); setSelected(w.id); }}>发送测试</Button>
                  <Popconfirm title="删除此推送地址及其推送记录？" okText="删除" cancelText="取消" onConfirm={() => actions.remove.mutate(w.id)}>
                    <Button size="small" danger>删除</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {selected !== undefined && hooks?.some((h) => h.id === selected) && <DeliveryLog webhookId={selected} />}

      <Modal open={adding} title="新增推送地址" onCancel={() => setAdding(false)} onOk={add} confirmLoading={actions.create.isPending} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item
            name="url"
            label="接收地址"
            extra="http 或 https；可以是内网地址（单位自己的系统）。重定向不会被跟随。"
            rules={[{ required: true, message: "请填写接收地址" }, { pattern: /^https?:\/\/[^\s]+$/i, message: "须以 http:// 或 https:// 开头" }]}
          >
            <Input placeholder="https://zzd.example.gov.cn/hooks/tongban" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={secret !== null} title="签名密钥" onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText="我已保存" cancelButtonProps={{ style: { display: "none" } }} closable={false} maskClosable={false}>
        <Alert type="warning" showIcon message="密钥只显示这一次，关闭后无法再查看。请立即复制并配置到接收系统中。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: secret ?? "" }} code data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function DeliveryLog({ webhookId }: { webhookId: number }) {
  const { data, isLoading } = useDeliveries(webhookId);
  return (
    <Card title="推送记录" size="small">
      <Table<DeliveryView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (d) => <pre style={{ margin: 0, whiteSpace: "pre-wrap" }}>{JSON.stringify(d.payload, null, 2)}</pre> }}
        columns={[
          { title: "编号", dataIndex: "id", width: 90 },
          { title: "事件", dataIndex: "event", width: 160 },
          { title: "状态", dataIndex: "status", width: 90, render: (s: DeliveryView["status"]) => <Tag color={STATUS_COLOURS[s]}>{DELIVERY_STATUS_NAMES[s]}</Tag> },
          { title: "尝试次数", dataIndex: "attempts", width: 90 },
          { title: "最近结果", render: (_, d) => (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "") + (d.lastError && d.status !== "delivered" ? ` ${d.lastError}` : "") || "—" },
          { title: "下次尝试", dataIndex: "nextAttemptAt", width: 170, render: time },
          { title: "产生时间", dataIndex: "createdAt", width: 170, render: time },
          { title: "送达时间", dataIndex: "deliveredAt", width: 170, render: time },
        ]}
      />
    </Card>
  );
}
