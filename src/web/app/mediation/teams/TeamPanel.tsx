// On a case's page: its mediation team; 组建调解小组 shows the proposal — each member's score broken down, the
// alternatives per role, the excluded with their reasons — and assigns it in one click (or after swaps); a party's
// request for a trusted mediator, and the requests so far.
import { App, Button, Card, Empty, Form, Input, Modal, Progress, Radio, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { SCORE_COMPONENT_NAMES, SCORE_COMPONENTS, SCORE_WEIGHTS } from "../../../../mediation/teams/score.js";
import { FORMED_BY_NAMES, REQUEST_STATUS_NAMES, TEAM_ROLE_NAMES, type TeamSlot } from "../../../../mediation/teams/slots.js";
import { useMe } from "../../session.js";
import { useAssignTeam, useCaseTeam, useMediatorSearch, useProposal, useReleaseTeam, useRequestMediator, type MediatorRequest, type Proposal } from "./team-api.js";

type Scored = Proposal["members"][number];
type Candidate = Proposal["alternatives"][number]["candidates"][number];

export function TeamPanel({ caseId, category, closed }: { caseId: number; category: string | null; closed?: boolean }) {
  const { data, isLoading } = useCaseTeam(caseId);
  const [proposing, setProposing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const release = useReleaseTeam(caseId);
  const { message, modal } = App.useApp();
  const team = data?.team;
  const active = team?.status === "active";
  return (
    <Card
      title="调解小组"
      loading={isLoading}
      style={{ marginBottom: 16 }}
      extra={
        !closed && (
          <Space>
            {data?.abilities.request && <Button onClick={() => setRequesting(true)}>申请指定调解员</Button>}
            {data?.abilities.propose && active && (
              <Button
                danger
                onClick={() =>
                  modal.confirm({
                    title: "解散调解小组？",
                    content: "小组成员将收到通知。",
                    okText: "解散",
                    cancelText: "取消",
                    onOk: async () => {
                      try {
                        await release.mutateAsync("工作人员解散调解小组");
                        message.success("已解散");
                      } catch (err) {
                        message.error((err as Error).message);
                      }
                    },
                  })
                }
              >
                解散
              </Button>
            )}
            {data?.abilities.propose && (
              <Button type="primary" onClick={() => setProposing(true)}>
                {active ? "重新组建" : "组建调解小组"}
              </Button>
            )}
          </Space>
        )
      }
    >
      {team ? (
        <>
          <Typography.Paragraph type="secondary">
            {active ? "在办" : "已解散"} · {FORMED_BY_NAMES[team.formedBy]} · {team.formedByLabel} · {dayjs(team.formedAt).format("YYYY-MM-DD HH:mm")}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="mediatorId"
            pagination={false}
            dataSource={team.members}
            columns={[
              { title: "调解员", dataIndex: "name" },
              { title: "类别", render: (_, m) => `${m.kindName} · ${m.gradeName}` },
              { title: "角色", dataIndex: "role", render: (r: "lead" | "member") => <Tag color={r === "lead" ? "gold" : undefined}>{TEAM_ROLE_NAMES[r]}</Tag> },
              { title: "所长", dataIndex: "brings" },
              { title: "匹配得分", dataIndex: "score", render: (s: number, m) => <ScoreTip total={s} breakdown={m.breakdown} /> },
            ]}
          />
        </>
      ) : (
        <Empty description="尚未组建调解小组" />
      )}
      <RequestList items={data?.requests ?? []} />
      {proposing && <ProposalDialog caseId={caseId} onClose={() => setProposing(false)} />}
      {requesting && <RequestDialog caseId={caseId} category={category} onClose={() => setRequesting(false)} />}
    </Card>
  );
}

function ScoreTip({ total, breakdown }: { total: number; breakdown: Record<string, number> }) {
  return (
    <Tooltip title={<Breakdown breakdown={breakdown} />}>
      <span>{(total * 100).toFixed(0)}</span>
    </Tooltip>
  );
}

/** Each component with its weight, as a bar. */
function Breakdown({ breakdown, reasons }: { breakdown: Record<string, number>; reasons?: Record<string, string> }) {
  return (
    <div style={{ minWidth: 260 }}>
      {SCORE_COMPONENTS.map((k) => (
        <div key={k} style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <span style={{ width: 96, flex: "none" }}>
            {SCORE_COMPONENT_NAMES[k]}（{Math.round(SCORE_WEIGHTS[k] * 100)}%）
          </span>
          <Progress percent={Math.round((breakdown[k] ?? 0) * 100)} size="small" style={{ flex: 1, margin: 0 }} />
          {reasons?.[k] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{reasons[k]}</Typography.Text>}
        </div>
      ))}
    </div>
  );
}

function ProposalDialog({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const [size, setSize] = useState(3);
  const { data: p, isFetching, error } = useProposal(caseId, size, true);
  const [members, setMembers] = useState<Scored[]>([]);
  const [edited, setEdited] = useState(false);
  const assign = useAssignTeam(caseId);
  const { message } = App.useApp();
  useEffect(() => {
    if (p) {
      setMembers(p.members);
      setEdited(false);
    }
  }, [p]);
  const swapIn = (slot: TeamSlot, c: Candidate) => {
    setMembers((ms) => {
      const at = ms.findIndex((m) => m.slot === slot);
      const role = at >= 0 ? ms[at].role : ("member" as const);
      const next = { ...c, slot, slotName: p!.alternatives.find((a) => a.slot === slot)!.slotName, role };
      return at >= 0 ? ms.map((m, i) => (i === at ? next : m)) : [...ms, next];
    });
    setEdited(true);
  };
  const makeLead = (id: number) => {
    setMembers((ms) => ms.map((m) => ({ ...m, role: m.mediator.id === id ? "lead" : "member" })));
    setEdited(true);
  };
  const inTeam = new Set(members.map((m) => m.mediator.id));
  return (
    <Modal
      open
      width={980}
      title="组建调解小组"
      okText={edited ? "按调整后指派" : "一键指派"}
      cancelText="取消"
      okButtonProps={{ disabled: !members.length }}
      confirmLoading={assign.isPending}
      onCancel={onClose}
      onOk={async () => {
        try {
          await assign.mutateAsync({ formedBy: edited ? "staff" : "proposal", members: members.map((m) => ({ mediatorId: m.mediator.id, role: m.role })) });
          message.success("已指派调解小组，成员已收到通知");
          onClose();
        } catch (err) {
          message.error((err as Error).message);
        }
      }}
    >
      <Space style={{ marginBottom: 12 }}>
        <span>小组人数</span>
        <Radio.Group value={size} onChange={(e) => setSize(e.target.value)} optionType="button" options={[2, 3, 4].map((n) => ({ value: n, label: `${n}人` }))} />
        {p && <Typography.Text type="secondary">评估 {p.candidatesConsidered} 名候选人，用时 {p.tookMs} 毫秒</Typography.Text>}
      </Space>
      {error && <Typography.Text type="danger">{(error as Error).message}</Typography.Text>}
      {p?.notes.map((n) => <Typography.Paragraph key={n} type="warning">{n}</Typography.Paragraph>)}
      <Table
        size="small"
        rowKey={(m) => m.mediator.id}
        loading={isFetching}
        pagination={false}
        dataSource={members}
        columns={[
          { title: "角色", render: (_, m) => (m.role === "lead" ? <Tag color="gold">组长</Tag> : <Button size="small" type="link" onClick={() => makeLead(m.mediator.id)}>设为组长</Button>) },
          { title: "分工", dataIndex: "slotName" },
          { title: "调解员", render: (_, m) => `${m.mediator.name}（${m.mediator.kindName} · ${m.mediator.gradeName}）` },
          { title: "得分", dataIndex: "total", render: (t: number) => <b>{(t * 100).toFixed(0)}</b> },
          { title: "得分构成", render: (_, m) => <Breakdown breakdown={m.breakdown} reasons={m.reasons} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>备选人选</Typography.Title>
      {p?.alternatives.filter((a) => a.candidates.length).map((a) => (
        <div key={a.slot} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{a.slotName}：</Typography.Text>
          <Space wrap>
            {a.candidates.map((c) => (
              <Tooltip key={c.mediator.id} title={<Breakdown breakdown={c.breakdown} reasons={c.reasons} />}>
                <Button size="small" disabled={inTeam.has(c.mediator.id)} onClick={() => swapIn(a.slot, c)}>
                  {c.mediator.name} · {(c.total * 100).toFixed(0)}
                </Button>
              </Tooltip>
            ))}
          </Space>
        </div>
      ))}
      {!!p?.excluded.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>回避及不可用（{p.excluded.length}）</Typography.Title>
          <Table
            size="small"
            rowKey={(e) => e.mediator.id}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            dataSource={p.excluded}
            columns={[
              { title: "调解员", render: (_, e) => `${e.mediator.name}（${e.mediator.kindName}）` },
              { title: "原因", render: (_, e) => e.reasons.join("；") },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

export function RequestDialog({ caseId, category, onClose }: { caseId: number; category: string | null; onClose: () => void }) {
  const { data: me } = useMe();
  const citizen = me?.role === "citizen";
  const [q, setQ] = useState("");
  const search = useMediatorSearch(q, category);
  const request = useRequestMediator(caseId);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <Modal open title="申请指定信任的调解员" okText="提交申请" cancelText="取消" confirmLoading={request.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await request.mutateAsync({ mediatorId: v.mediatorId, note: v.note ?? "", onBehalfOf: citizen ? undefined : v.onBehalfOf });
            message.success("已提交，等待调解员答复");
            onClose();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="mediatorId" label="调解员" rules={[{ required: true, message: "请选择调解员" }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={search.isFetching}
            placeholder="输入姓名查找"
            options={(search.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.kindName} · ${m.gradeName}${m.homeCommunityName ? " · " + m.homeCommunityName : ""}）` }))}
          />
        </Form.Item>
        {!citizen && (
          <Form.Item name="onBehalfOf" label="代哪位当事人申请" rules={[{ required: true, message: "请填写当事人姓名" }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label="说明（选填）">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RequestList({ items }: { items: MediatorRequest[] }) {
  if (!items.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>指定调解员申请</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: "调解员", dataIndex: "mediatorName" },
          { title: "申请人", dataIndex: "requestedByLabel" },
          { title: "状态", dataIndex: "status", render: (s: MediatorRequest["status"]) => <Tag color={s === "accepted" ? "green" : s === "declined" ? "red" : "blue"}>{REQUEST_STATUS_NAMES[s]}</Tag> },
          { title: "答复", render: (_, r) => r.decisionNote ?? (r.otherPartyToldAt ? `已通知承办单位告知对方当事人（${dayjs(r.otherPartyToldAt).format("MM-DD HH:mm")}）` : "") },
          { title: "提交时间", dataIndex: "createdAt", render: (t: string) => dayjs(t).format("YYYY-MM-DD HH:mm") },
        ]}
      />
    </>
  );
}
