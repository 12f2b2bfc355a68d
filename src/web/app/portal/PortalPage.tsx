// /portal: 群众服务 — a citizen reports a dispute, follows what they filed (受理编号, progress, the case it joined),
// asks for a mediator they trust once it is a case, and asks on-duty specialists legal questions (法律咨询).
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { REQUEST_STATUS_NAMES } from "../../../mediation/teams/slots.js";
import { PROGRESS_NAMES, type Progress, type SubmissionView } from "../../../portal/views.js";
import { RequestDialog } from "../mediation/teams/TeamPanel.js";
import { useMyRequests } from "../mediation/teams/team-api.js";
import { useMe } from "../session.js";
import { QuestionsCard } from "./QuestionsCard.js";
import { useFileSubmission, useMySubmissions, type PortalForm } from "./portal-api.js";

/** What the citizen is asking for: the portal's own category words (the classifier maps them with the text). */
const KINDS = ["矛盾纠纷调解", "投诉", "求助"];
const PROGRESS_COLOURS: Record<Progress, string> = { received: "blue", handling: "orange", resolved: "green", closed: "default" };
const MOBILE = /^1\d{10}$/;

export function PortalPage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <FileCard />
      <MySubmissionsCard />
      <QuestionsCard />
    </Space>
  );
}

function FileCard() {
  const { data: me } = useMe();
  const file = useFileSubmission();
  const [form] = Form.useForm<PortalForm>();
  const { message } = App.useApp();
  return (
    <Card title="我要反映">
      <Typography.Paragraph type="secondary">
        邻里、家庭、物业、劳资等矛盾纠纷都可以在这里反映。街道社会治理中心受理后分派到责任单位办理，您可以在下方“我的诉求”查看进度；只想问问法律上怎么办，请到“法律咨询”提问。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ category: KINDS[0], reporterName: me?.displayName }}
        onFinish={async (v) => {
          try {
            const outcome = await file.mutateAsync({ ...v, narrative: v.narrative.trim(), address: v.address?.trim() || undefined });
            if (outcome.status === "quarantined") {
              message.error(`未能受理：${outcome.message ?? outcome.reason ?? ""}`);
              return;
            }
            message.success(`已受理，受理编号 ${outcome.externalId}`);
            form.resetFields(["narrative", "address"]);
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="category" label="诉求类型">
          <Select options={KINDS.map((k) => ({ value: k, label: k }))} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="narrative" label="具体情况" rules={[{ required: true, whitespace: true, min: 10, message: "请写明发生了什么、涉及谁、希望怎样解决（至少 10 个字）" }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="发生了什么事、对方是谁、持续多久、您希望怎样解决" />
        </Form.Item>
        <Form.Item name="address" label="事发地点">
          <Input maxLength={200} placeholder="例如：古塘街道上傅路66号、某小区3幢" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="reporterName" label="联系人" rules={[{ required: true, whitespace: true, message: "请填写联系人" }]}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reporterPhone" label="联系电话" rules={[{ required: true, message: "请填写联系电话" }, { pattern: MOBILE, message: "请填写 11 位手机号码" }]}>
            <Input maxLength={11} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={file.isPending}>
            提交
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function MySubmissionsCard() {
  const { data, isFetching } = useMySubmissions();
  const requests = useMyRequests();
  const [asking, setAsking] = useState<SubmissionView | null>(null);
  const requestOf = (caseId: number) => (requests.data?.items ?? []).filter((r) => r.caseId === caseId && r.status !== "declined")[0];
  return (
    <Card title="我的诉求">
      <Table
        rowKey="externalId"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: "您还没有提交过诉求" }}
        columns={[
          { title: "受理编号", dataIndex: "externalId", width: 190 },
          { title: "提交时间", dataIndex: "reportedAt", width: 140, render: (t: string) => dayjs(t).format("YYYY-MM-DD HH:mm") },
          { title: "内容", dataIndex: "narrative", ellipsis: { showTitle: true } },
          { title: "进度", dataIndex: "progress", width: 90, render: (p: Progress) => <Tag color={PROGRESS_COLOURS[p]}>{PROGRESS_NAMES[p]}</Tag> },
          { title: "案件编号", width: 140, render: (_, s) => s.case?.code ?? "归集中" },
          {
            title: "下次调解",
            width: 170,
            render: (_, s) => {
              const next = s.case?.nextSession;
              if (!next) return null;
              return `${dayjs(next.scheduledAt).format("MM-DD HH:mm")} ${next.online ? "线上调解" : "现场调解"}${next.place ? `（${next.place}）` : ""}`;
            },
          },
          {
            title: "调解员",
            width: 150,
            render: (_, s) => {
              if (!s.case) return null;
              const r = requestOf(s.case.id);
              if (r) return `${r.mediatorName}（${REQUEST_STATUS_NAMES[r.status]}）`;
              if (s.progress === "closed" || s.progress === "resolved") return null;
              return (
                <Button size="small" onClick={() => setAsking(s)}>
                  申请指定调解员
                </Button>
              );
            },
          },
        ]}
      />
      {asking?.case && <RequestDialog caseId={asking.case.id} category={asking.case.category} onClose={() => setAsking(null)} />}
    </Card>
  );
}
