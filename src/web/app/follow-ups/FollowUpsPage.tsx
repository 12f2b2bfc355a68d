// /follow-ups: 回访 — for grid workers and mediators their own visits, for staff the visits in their area (by community
// or grid), in tabs: due today, overdue, upcoming, done. A row's case links to the case; "登记回访" opens the record
// form, "改派" hands the visit to another unit; those who manage follow-ups also edit the rules here.
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ASSIGNEE_KIND_NAMES, SATISFACTION_NAMES, VISIT_CONTACT_NAMES, VISIT_OUTCOME_NAMES, VISIT_STATUS_NAMES, VISIT_WHEN, VISIT_WHEN_NAMES, type VisitWhen } from "../../../follow-ups/states.js";
import { RISK_LEVEL_NAMES } from "../../../risk/levels.js";
import { beijingTime } from "../intake/labels.js";
import { RegionPicker } from "../regions/RegionPicker.js";
import { useCan, useMe } from "../session.js";
import { useUnits } from "../units/unit-api.js";
import { useReassignVisit, useVisits, type Visit, type VisitFilter } from "./follow-up-api.js";
import { RecordVisitModal } from "./RecordVisitModal.js";
import { RulesEditor } from "./RulesEditor.js";

const PAGE_SIZE = 50;
const RISK_COLOURS = { red: "red", yellow: "gold", green: "green" } as const;

export function FollowUpsPage() {
  const can = useCan();
  const { data: me } = useMe();
  const fieldWorker = me?.role === "grid_worker" || me?.role === "mediator";
  const [tab, setTab] = useState<VisitWhen | "rules">("today");
  const [scope, setScope] = useState<"mine" | "all" | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const mine = (scope ?? (fieldWorker ? "mine" : "all")) === "mine";
  const filter: VisitFilter | null = tab === "rules" ? null : { mine, when: tab, region: mine ? undefined : region };
  const { data: counts } = useVisits({ mine, when: "today", region: mine ? undefined : region }, undefined, 1);

  const items = [
    ...VISIT_WHEN.map((w) => ({ key: w, label: `${VISIT_WHEN_NAMES[w]}${counts ? `（${counts.counts[w]}）` : ""}` })),
    ...(can("followups.manage") ? [{ key: "rules", label: "回访规则" }] : []),
  ];
  return (
    <Card title="回访">
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={mine ? "mine" : "all"} onChange={(e) => setScope(e.target.value)} optionType="button" options={[{ value: "mine", label: "我的回访" }, { value: "all", label: "辖区回访" }]} />
        {!mine && (
          <Space>
            <Typography.Text>村社区 / 网格：</Typography.Text>
            <div style={{ width: 280 }}>
              <RegionPicker value={region} onChange={setRegion} placeholder="全部" levels={["community", "grid", "micro_grid"]} />
            </div>
            {region && <Button size="small" onClick={() => setRegion(undefined)}>清除</Button>}
          </Space>
        )}
      </Space>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as VisitWhen | "rules")} items={items} />
      {filter ? <VisitList key={JSON.stringify(filter)} filter={filter} /> : <RulesEditor />}
    </Card>
  );
}

function VisitList({ filter }: { filter: VisitFilter }) {
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const { data, isFetching } = useVisits(filter, pages[pages.length - 1], PAGE_SIZE);
  const [recording, setRecording] = useState<Visit | undefined>();
  const [reassigning, setReassigning] = useState<Visit | undefined>();
  const done = filter.when === "done";
  return (
    <>
      <Table<Visit>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        locale={{ emptyText: done ? "暂无已完成的回访" : "暂无回访任务" }}
        columns={[
          {
            title: "案件",
            width: 260,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/cases/${v.caseId}`}>{v.caseCode}</Link>
                <Typography.Text ellipsis style={{ maxWidth: 240 }}>{v.caseTitle}</Typography.Text>
              </Space>
            ),
          },
          { title: "类别", dataIndex: "categoryName", width: 90, render: (n: string | null) => n ?? "—" },
          { title: "风险", width: 70, render: (_, v) => (v.riskLevel ? <Tag color={RISK_COLOURS[v.riskLevel]}>{RISK_LEVEL_NAMES[v.riskLevel]}</Tag> : "—") },
          { title: "所在地", width: 200, render: (_, v) => (v.communityName && v.communityName !== v.regionName ? `${v.communityName} · ${v.regionName}` : v.regionName) },
          { title: "回访", width: 110, render: (_, v) => `结案后第 ${v.offsetDays} 天` },
          {
            title: done ? "回访时间" : "应回访日期",
            width: 150,
            render: (_, v) => (done ? beijingTime(v.doneAt) : <Typography.Text type={v.overdue ? "danger" : undefined}>{v.dueDate}{v.overdue ? "（逾期）" : ""}</Typography.Text>),
          },
          { title: "负责人", width: 170, render: (_, v) => `${v.assigneeName ?? v.unitName ?? "—"}（${ASSIGNEE_KIND_NAMES[v.assigneeKind]}）` },
          done
            ? {
                title: "结果",
                render: (_, v) => (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {v.outcome ? <Tag color={v.outcome === "settled" ? "green" : v.outcome === "unreachable" ? "default" : "red"}>{VISIT_OUTCOME_NAMES[v.outcome]}</Tag> : VISIT_STATUS_NAMES[v.status]}
                      {v.satisfaction ? `满意度：${SATISFACTION_NAMES[v.satisfaction]}` : ""}
                    </span>
                    {v.recurrenceCaseId && <Link to={`/cases/${v.recurrenceCaseId}`}>复发案件 {v.recurrenceCaseCode}</Link>}
                    <Typography.Text type="secondary">{v.contact ? VISIT_CONTACT_NAMES[v.contact] : ""}{v.partiesState ? `：${v.partiesState}` : ""}</Typography.Text>
                  </Space>
                ),
              }
            : {
                title: "操作",
                width: 150,
                render: (_, v) => (
                  <Space>
                    {v.can.record && <Button type="primary" size="small" onClick={() => setRecording(v)}>登记回访</Button>}
                    {v.can.reassign && <Button size="small" onClick={() => setReassigning(v)}>改派</Button>}
                  </Space>
                ),
              },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
      <RecordVisitModal visit={recording} onClose={() => setRecording(undefined)} />
      {reassigning && <ReassignModal visit={reassigning} onClose={() => setReassigning(undefined)} />}
    </>
  );
}

function ReassignModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const [form] = Form.useForm<{ unitId: number; note?: string }>();
  const reassign = useReassignVisit();
  const { data: units } = useUnits();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    await reassign.mutateAsync({ id: visit.id, unitId: v.unitId, note: v.note?.trim() || undefined });
    message.success("回访已改派");
    onClose();
  };
  return (
    <Modal open title={`改派回访 · ${visit.caseCode}`} okText="改派" cancelText="取消" confirmLoading={reassign.isPending} onOk={() => submit().catch(() => undefined)} onCancel={onClose}>
      <Typography.Paragraph type="secondary">当前负责人：{visit.assigneeName ?? visit.unitName ?? "—"}（{ASSIGNEE_KIND_NAMES[visit.assigneeKind]}）</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="unitId" label="改派给单位" rules={[{ required: true, message: "请选择单位" }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={(units ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：原网格员休假，由社区二级中心回访" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
