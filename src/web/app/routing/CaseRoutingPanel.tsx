// 流转与联动, for the case page: where the case went and why (every routing with its reasons, newest first), the moves
// the street centre may make (abilities come from the server), and the linked-workflow checklist.
import { App, Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { HANDLING_LEVEL_NAMES } from "../../../tasks/states.js";
import { beijingTime } from "../intake/labels.js";
import { VIA_COLORS } from "./labels.js";
import { MoveDialog, type MoveKind } from "./MoveDialog.js";
import { useCaseRouting, useMoveCase, type Routing } from "./routing-api.js";
import { WorkflowChecklist } from "./WorkflowChecklist.js";

export function CaseRoutingPanel({ caseId }: { caseId: number }) {
  const { data, isLoading } = useCaseRouting(caseId);
  const [moving, setMoving] = useState<MoveKind | null>(null);
  const route = useMoveCase(caseId);
  const { message } = App.useApp();
  const can = data?.abilities;

  const routeNow = async () => {
    await route.mutateAsync({ kind: "route" });
    message.success("已按职责矩阵流转");
  };

  return (
    <>
      <Card
        title="流转记录"
        loading={isLoading}
        style={{ marginBottom: 16 }}
        extra={
          can && (
            <Space>
              {can.route && <Button type="primary" loading={route.isPending} onClick={() => routeNow().catch(() => undefined)}>立即流转</Button>}
              {can.reroute && <Button onClick={() => setMoving("reroute")}>改派</Button>}
              {can.escalate && <Button onClick={() => setMoving("escalate")}>上提一级</Button>}
              {can.pushDown && <Button onClick={() => setMoving("pushDown")}>下沉一级</Button>}
            </Space>
          )
        }
      >
        {data && (
          <Descriptions
            size="small"
            column={3}
            style={{ marginBottom: 12 }}
            items={[
              { key: "lead", label: "牵头单位", children: data.leadUnitName ?? (data.routed ? <Tag color="orange">揭榜认领中</Tag> : "未流转") },
              { key: "level", label: "处置层级", children: data.handlingLevel ? HANDLING_LEVEL_NAMES[data.handlingLevel] : "—" },
            ]}
          />
        )}
        {data && data.routings.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未流转" />}
        {data && data.routings.length > 0 && <Timeline items={data.routings.map((r) => ({ color: VIA_COLORS[r.via] ?? "gray", content: <RoutingItem r={r} /> }))} />}
      </Card>
      <Card title="联动响应" style={{ marginBottom: 16 }}>
        <WorkflowChecklist caseId={caseId} />
      </Card>
      <MoveDialog caseId={caseId} kind={moving} onClose={() => setMoving(null)} />
    </>
  );
}

function RoutingItem({ r }: { r: Routing }) {
  return (
    <>
      <Space wrap>
        <Tag color={VIA_COLORS[r.via]}>{r.viaName}</Tag>
        <b>{r.leadUnitName ?? "发布揭榜认领"}</b>
        {r.coUnits.length > 0 && <span>协办：{r.coUnits.map((u) => u.name).join("、")}</span>}
        <Tag>{r.levelName}</Tag>
        {r.version != null && <Typography.Text type="secondary">矩阵第 {r.version} 版{r.rulePosition != null ? `第 ${r.rulePosition} 条` : ""}</Typography.Text>}
      </Space>
      <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
        {r.reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">
        {r.decidedByLabel} · {beijingTime(r.at)}
      </Typography.Text>
    </>
  );
}
