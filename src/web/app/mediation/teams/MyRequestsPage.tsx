// /mediation/requests: 指定调解申请 — a mediator's requests naming them, to accept (they then lead the case's team and
// the other party is told) or decline with a reason; staff see those of their jurisdiction, a citizen their own.
import { App, Button, Card, Segmented, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { REQUEST_STATUS_NAMES } from "../../../../mediation/teams/slots.js";
import { TextReplyModal } from "../../shell/TextReplyModal.js";
import { useDecideRequest, useMyRequests, type MediatorRequest } from "./team-api.js";

type Status = "pending" | "accepted" | "declined";

export function MyRequestsPage() {
  const [status, setStatus] = useState<Status | "all">("pending");
  const { data, isFetching } = useMyRequests(status === "all" ? undefined : status);
  const decide = useDecideRequest();
  const [declining, setDeclining] = useState<MediatorRequest | null>(null);
  const { message, modal } = App.useApp();
  const act = async (id: number, accept: boolean, reason?: string) => {
    try {
      await decide.mutateAsync({ id, accept, note: reason });
      message.success(accept ? "已接受，您已担任该案调解小组组长" : "已谢绝");
      return true;
    } catch (err) {
      message.error((err as Error).message);
      return false;
    }
  };
  return (
    <Card title="指定调解申请" extra={<Segmented<Status | "all"> value={status} onChange={setStatus} options={[{ value: "pending", label: "待答复" }, { value: "accepted", label: "已接受" }, { value: "declined", label: "已谢绝" }, { value: "all", label: "全部" }]} />}>
      <Table
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: "案件", render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseCode} {r.caseTitle}</Link> },
          { title: "调解员", dataIndex: "mediatorName" },
          { title: "申请人", dataIndex: "requestedByLabel" },
          { title: "说明", dataIndex: "note" },
          { title: "提交时间", dataIndex: "createdAt", render: (t: string) => dayjs(t).format("YYYY-MM-DD HH:mm") },
          { title: "状态", dataIndex: "status", render: (s: Status, r) => <Tag color={s === "accepted" ? "green" : s === "declined" ? "red" : "blue"} title={r.decisionNote ?? undefined}>{REQUEST_STATUS_NAMES[s]}</Tag> },
          {
            title: "操作",
            render: (_, r) =>
              r.mayDecide && (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: "接受指定？",
                        content: "接受后您将担任该案调解小组组长，系统通知承办单位告知对方当事人。",
                        okText: "接受",
                        cancelText: "取消",
                        onOk: () => act(r.id, true),
                      })
                    }
                  >
                    接受
                  </Button>
                  <Button size="small" onClick={() => setDeclining(r)}>
                    谢绝
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <TextReplyModal
        open={declining != null}
        title="谢绝指定"
        okText="谢绝"
        placeholder="请说明理由（将告知申请人）"
        loading={decide.isPending}
        onCancel={() => setDeclining(null)}
        onSubmit={async (reason) => {
          const done = declining != null && (await act(declining.id, false, reason));
          if (done) setDeclining(null);
          return done;
        }}
      />
    </Card>
  );
}
