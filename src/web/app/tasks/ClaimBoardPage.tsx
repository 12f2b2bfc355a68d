// /claims: 揭榜大厅 — posted cases eligible units and studios may claim before the deadline; one claim wins.
import { Alert, Card } from "antd";
import { useClaimBoard } from "./task-api.js";
import { TaskTable } from "./TaskTable.js";

export function ClaimBoardPage() {
  const { data, isLoading } = useClaimBoard();
  return (
    <Card title="揭榜大厅">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="职责不清或公开征集的案件在此发布，符合条件的单位、调解工作室可在截止前认领；多家同时认领时只有第一家成功，超期未认领由社治中心指派。" />
      <TaskTable items={data?.items ?? []} loading={isLoading} board />
    </Card>
  );
}
