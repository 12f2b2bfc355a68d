// /cases: the cases in the user's jurisdiction, newest first, filtered by status, dispute type, risk colour, 待分类
// and a search by title or code.
import { Button, Form, Input, Select, Space, Switch, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { CategoryCode } from "../../../cases/categories.js";
import type { RiskLevel } from "../../../risk/levels.js";
import { beijingTime } from "../intake/labels.js";
import { RISK_LEVEL_OPTIONS, RiskTag } from "../risk/RiskTag.js";
import { useCases, type CaseFilter, type CaseStatus, type CaseSummary } from "./case-api.js";
import { CasesCard } from "./CasesCard.js";
import { CASE_STATUS_OPTIONS, CaseStatusTag } from "./CaseStatusTag.js";
import { CategoryTag } from "./CategoryTag.js";
import { CATEGORY_OPTIONS } from "./labels.js";

const PAGE_SIZE = 50;

export function CaseListPage() {
  const [filter, setFilter] = useState<CaseFilter>({});
  // The ids each page starts below: a stack, so 上一页 can go back.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const { data, isFetching } = useCases(filter, pages[pages.length - 1], PAGE_SIZE);
  const change = (patch: Partial<CaseFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPages([undefined]);
  };

  return (
    <CasesCard>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="状态">
          <Select<CaseStatus> allowClear placeholder="全部" style={{ width: 120 }} options={CASE_STATUS_OPTIONS} value={filter.status} onChange={(status) => change({ status })} />
        </Form.Item>
        <Form.Item label="类别">
          <Select<CategoryCode> allowClear placeholder="全部" style={{ width: 140 }} options={CATEGORY_OPTIONS} value={filter.category} onChange={(category) => change({ category })} />
        </Form.Item>
        <Form.Item label="风险">
          <Select<RiskLevel> allowClear placeholder="全部" style={{ width: 100 }} options={RISK_LEVEL_OPTIONS} value={filter.risk} onChange={(risk) => change({ risk })} />
        </Form.Item>
        <Form.Item label="待分类">
          <Switch checked={filter.triage ?? false} onChange={(triage) => change({ triage })} />
        </Form.Item>
        <Form.Item>
          <Input.Search allowClear placeholder="事由或案件编号" style={{ width: 260 }} onSearch={(q) => change({ q: q.trim() || undefined })} />
        </Form.Item>
      </Form>
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 1190 }}
        columns={[
          { title: "编号", dataIndex: "code", width: 160, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
          { title: "事由", dataIndex: "title", ellipsis: true, render: (title: string, c) => <Link to={`/cases/${c.id}`}>{title}</Link> },
          { title: "类别", width: 170, render: (_, c) => <CategoryTag c={c} /> },
          { title: "风险", width: 90, render: (_, c) => <RiskTag level={c.riskLevel} score={c.riskScore} factors={c.riskFactors} /> },
          { title: "记录数", dataIndex: "recordCount", width: 80, align: "right" },
          { title: "所在区域", dataIndex: "regionName", width: 160 },
          { title: "首次报送", dataIndex: "firstReportedAt", width: 140, render: (v: string | null) => beijingTime(v) },
          { title: "最近报送", dataIndex: "lastReportedAt", width: 140, render: (v: string | null) => beijingTime(v) },
          { title: "状态", dataIndex: "status", width: 90, render: (s: CaseStatus) => <CaseStatusTag status={s} /> },
        ]}
      />
      <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
        <Button disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>上一页</Button>
        <span>第 {pages.length} 页</span>
        <Button disabled={!data?.nextBefore} onClick={() => setPages((p) => [...p, data!.nextBefore!])}>下一页</Button>
      </Space>
    </CasesCard>
  );
}
