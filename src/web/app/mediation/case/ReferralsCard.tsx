// 诉调衔接: when mediation fails, refer the case to arbitration, legal aid or the court with guidance for the party;
// the referral's status, and the dossier that goes with it.
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, List, Modal, Radio, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { AGREEMENT_STATUS_NAMES, REFERRAL_KINDS, REFERRAL_KIND_NAMES, REFERRAL_STATUS_NAMES, SESSION_STATUS_NAMES } from "../../../../mediation/kinds.js";
import { guidanceFor } from "../../../../mediation/referrals/guidance.js";
import { ARBITRATION_KINDS, ARBITRATION_KIND_NAMES } from "../../../../mediation/referrals/views.js";
import { SESSION_OUTCOME_NAMES } from "../../../../mediation/sessions/views.js";
import { useCan } from "../../session.js";
import { useDossier, useMediationAction, useReferrals, type Referral } from "./mediation-api.js";

type Kind = (typeof REFERRAL_KINDS)[number];
type ArbitrationKind = (typeof ARBITRATION_KINDS)[number];

export function ReferralsCard({ caseId, category }: { caseId: number; category: string | null }) {
  const list = useReferrals(caseId);
  const canManage = useCan()("mediation.manage");
  const [referring, setReferring] = useState(false);
  const [dossierOf, setDossierOf] = useState<number | null>(null);
  return (
    <Card title="诉调衔接" style={{ marginBottom: 16 }} extra={canManage && <Button onClick={() => setReferring(true)}>移交</Button>}>
      {list.data?.items.length ? (
        <List dataSource={list.data.items} renderItem={(r) => <ReferralItem r={r} caseId={caseId} onDossier={() => setDossierOf(r.id)} />} />
      ) : (
        <Empty description="调解不成时，可移交仲裁、法律援助或人民法庭" />
      )}
      {referring && <ReferDialog caseId={caseId} defaultArbitration={category === "LD" ? "labour" : "commercial"} onClose={() => setReferring(false)} />}
      <DossierDrawer referralId={dossierOf} onClose={() => setDossierOf(null)} />
    </Card>
  );
}

function ReferralItem({ r, caseId, onDossier }: { r: Referral; caseId: number; onDossier: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const update = async (status: "accepted" | "closed") => {
    try {
      await act.mutateAsync({ method: "PATCH", path: `/api/referrals/${r.id}`, body: { status } });
      message.success("已更新");
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <List.Item
      actions={[
        <Button key="d" size="small" type="link" onClick={onDossier}>随案材料</Button>,
        ...(r.can.update && r.status === "sent" ? [<Button key="a" size="small" onClick={() => update("accepted")}>已接收</Button>] : []),
        ...(r.can.update ? [<Button key="c" size="small" onClick={() => update("closed")}>已办结</Button>] : []),
      ]}
    >
      <List.Item.Meta
        title={<Space>{REFERRAL_KIND_NAMES[r.kind]} → {r.targetName}<Tag color={r.status === "closed" ? "default" : r.status === "accepted" ? "green" : "blue"}>{REFERRAL_STATUS_NAMES[r.status]}</Tag></Space>}
        description={
          <>
            <Typography.Text type="secondary">{dayjs(r.createdAt).format("YYYY-MM-DD HH:mm")} · {r.createdByLabel}{r.note ? ` · ${r.note}` : ""}</Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ whiteSpace: "pre-wrap", marginTop: 4, marginBottom: 0 }}>{r.guidance}</Typography.Paragraph>
          </>
        }
      />
    </List.Item>
  );
}

function ReferDialog({ caseId, defaultArbitration, onClose }: { caseId: number; defaultArbitration: ArbitrationKind; onClose: () => void }) {
  const act = useMediationAction(caseId);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: Kind; arbitrationKind: ArbitrationKind; targetName: string; guidance: string; note?: string }>();
  const refill = () => {
    const { kind, arbitrationKind } = form.getFieldsValue();
    const t = guidanceFor(kind, arbitrationKind);
    form.setFieldsValue({ targetName: t.target, guidance: t.text });
  };
  const first = guidanceFor("litigation", defaultArbitration);
  const kind = Form.useWatch("kind", form);
  return (
    <Modal open width={720} title="诉调衔接移交" okText="移交" cancelText="取消" confirmLoading={act.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "litigation", arbitrationKind: defaultArbitration, targetName: first.target, guidance: first.text }}
        onValuesChange={(changed) => ("kind" in changed || "arbitrationKind" in changed) && refill()}
        onFinish={async (v) => {
          try {
            await act.mutateAsync({ method: "POST", path: `/api/cases/${caseId}/referrals`, body: { kind: v.kind, arbitrationKind: v.kind === "arbitration" ? v.arbitrationKind : undefined, targetName: v.targetName, guidance: v.guidance, note: v.note || undefined } });
            message.success("已移交");
            onClose();
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      >
        <Form.Item name="kind" label="移交至">
          <Radio.Group optionType="button" options={REFERRAL_KINDS.map((k) => ({ value: k, label: REFERRAL_KIND_NAMES[k] }))} />
        </Form.Item>
        {kind === "arbitration" && (
          <Form.Item name="arbitrationKind" label="仲裁类型">
            <Radio.Group options={ARBITRATION_KINDS.map((k) => ({ value: k, label: ARBITRATION_KIND_NAMES[k] }))} />
          </Form.Item>
        )}
        <Form.Item name="targetName" label="接收机构" rules={[{ required: true, min: 2, message: "请填写接收机构" }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="guidance" label="给当事人的指引（所需材料、时效）" rules={[{ required: true, min: 2, message: "请填写指引" }]}>
          <Input.TextArea rows={7} maxLength={5000} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DossierDrawer({ referralId, onClose }: { referralId: number | null; onClose: () => void }) {
  const { data: d, isLoading } = useDossier(referralId);
  return (
    <Drawer open={referralId != null} width={760} title="随案移交材料" onClose={onClose} loading={isLoading}>
      {d && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="案件">{d.case.code} {d.case.title}</Descriptions.Item>
            <Descriptions.Item label="地点">{d.case.regionName}</Descriptions.Item>
            <Descriptions.Item label="案情">{d.case.summary || "—"}</Descriptions.Item>
            <Descriptions.Item label="当事人">{d.parties.map((p) => `${p.name}${p.phone ? `（${p.phone}）` : ""}`).join("、")}</Descriptions.Item>
            <Descriptions.Item label="移交">{REFERRAL_KIND_NAMES[d.referral.kind]} → {d.referral.targetName}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>记录（{d.records.length}）</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={d.records} columns={[
            { title: "时间", width: 140, render: (_, r) => dayjs(r.reportedAt).format("YYYY-MM-DD HH:mm") },
            { title: "渠道", dataIndex: "channel", width: 80 },
            { title: "内容", dataIndex: "narrative" },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>调解会议（{d.sessions.length}）</Typography.Title>
          <List size="small" dataSource={d.sessions} renderItem={(s) => (
            <List.Item>
              {dayjs(s.scheduledAt).format("YYYY-MM-DD HH:mm")} · {SESSION_STATUS_NAMES[s.status]}{s.outcome ? ` · ${SESSION_OUTCOME_NAMES[s.outcome]}` : ""}
              {s.record && <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap", margin: 0 }}>{s.record}</Typography.Paragraph>}
            </List.Item>
          )} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>调解协议书（{d.agreements.length}）</Typography.Title>
          <List size="small" dataSource={d.agreements} renderItem={(a) => <List.Item>{a.number} · {AGREEMENT_STATUS_NAMES[a.status]}</List.Item>} />
        </>
      )}
    </Drawer>
  );
}
