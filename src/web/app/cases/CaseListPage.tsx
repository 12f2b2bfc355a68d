// /cases: the cases in the user's jurisdiction, newest first.
import { Button, Card, Select, Table } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { useCases, type CaseStatus, type CaseSummary } from "./case-api.js";
import { CASE_STATUS_OPTIONS, CaseStatusTag } from "./CaseStatusTag.js";

export function CaseListPage() {
  const [status, setStatus] = useState<CaseStatus>();
  const { data, isLoading, hasNextPage, fetchNextPage, isFetchingNextPage } = useCases(status);
  const rows = data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title="案件"
      extra={<Select allowClear placeholder="全部状态" style={{ width: 140 }} options={CASE_STATUS_OPTIONS} value={status} onChange={setStatus} />}
    >
      <Table<CaseSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: "编号", dataIndex: "code", width: 170, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
          { title: "事由", dataIndex: "title", render: (title: string, c) => <Link to={`/cases/${c.id}`}>{title}</Link> },
          { title: "状态", dataIndex: "status", width: 100, render: (s: CaseStatus) => <CaseStatusTag status={s} /> },
          { title: "所在区域", dataIndex: "regionName", width: 150 },
          { title: "承办单位", dataIndex: "leadUnitName", width: 170, render: (v: string | null) => v ?? "未分派" },
          { title: "受理时间", dataIndex: "openedAt", width: 150, render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm") },
        ]}
      />
      {hasNextPage && (
        <Button block style={{ marginTop: 16 }} loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
