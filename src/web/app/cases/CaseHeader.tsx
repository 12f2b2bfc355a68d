// The head of a case: code, title, dispute type, status, place, unit and span of reports; a recurrence links to the
// case it recurs from. Staff with cases.manage may correct the type or merge the case into another.
import { Button, Card, Descriptions, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { beijingTime } from "../intake/labels.js";
import { RiskFactorTable } from "../risk/RiskFactorList.js";
import { RiskTag } from "../risk/RiskTag.js";
import type { CaseDetail } from "./case-api.js";
import { CaseStatusTag } from "./CaseStatusTag.js";
import { CategoryDialog } from "./CategoryDialog.js";
import { CategoryTag } from "./CategoryTag.js";
import { MergeDialog } from "./MergeDialog.js";

export function CaseHeader({ c, canManage }: { c: CaseDetail; canManage: boolean }) {
  const [dialog, setDialog] = useState<"category" | "merge" | null>(null);
  const close = () => setDialog(null);
  return (
    <Card
      title={<span data-testid="case-title">{c.code}　{c.title}</span>}
      extra={
        <Space>
          {canManage && <Button onClick={() => setDialog("merge")}>合并到其他案件</Button>}
          <Link to="/cases">返回列表</Link>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            label: "类别",
            children: (
              <Space size={4}>
                <CategoryTag c={c} />
                {canManage && <Button size="small" type="link" onClick={() => setDialog("category")}>更正类别</Button>}
              </Space>
            ),
          },
          { label: "状态", children: <CaseStatusTag status={c.status} /> },
          { label: "风险", children: <RiskTag level={c.riskLevel} score={c.riskScore} factors={c.riskFactors} showScore /> },
          { label: "记录数", children: c.recordCount },
          { label: "所在区域", children: c.regionName },
          { label: "承办单位", children: c.leadUnitName ?? "未分派" },
          { label: "受理时间", children: beijingTime(c.openedAt) },
          { label: "首次报送", children: beijingTime(c.firstReportedAt) },
          { label: "最近报送", children: beijingTime(c.lastReportedAt) },
          ...(c.recurrenceOfId !== null
            ? [{ label: "复发", children: <>复发自 <Link to={`/cases/${c.recurrenceOfId}`}>案件 #{c.recurrenceOfId}</Link>{c.rootCaseId !== null && c.rootCaseId !== c.recurrenceOfId && <>（最初为 <Link to={`/cases/${c.rootCaseId}`}>案件 #{c.rootCaseId}</Link>）</>}</> }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap", marginTop: 8, marginBottom: 0 }}>{c.summary || "（无摘要）"}</Typography.Paragraph>
      {c.riskLevel && c.riskFactors.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="case-risk-factors">
          <Typography.Text strong>风险因素</Typography.Text>
          {c.riskScoredAt && <Typography.Text type="secondary">（评估于 {beijingTime(c.riskScoredAt)}）</Typography.Text>}
          <RiskFactorTable factors={c.riskFactors} />
        </div>
      )}
      <CategoryDialog c={c} open={dialog === "category"} onClose={close} />
      <MergeDialog c={c} open={dialog === "merge"} onClose={close} />
    </Card>
  );
}
