// /cases/:id: a case with the timeline of its records and why each is here, its parties, its open possible duplicates
// and the merges and splits it took part in. Staff with cases.manage correct it: type, merge, split, undo, decide.
import { Button, Card, Result, Spin } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCan } from "../session.js";
import { useCase } from "./case-api.js";
import { CaseHeader } from "./CaseHeader.js";
import { ChangeList } from "./ChangeList.js";
import { DuplicateTable } from "./DuplicateTable.js";
import { PartiesTable } from "./PartiesTable.js";
import { RecordTimeline } from "./RecordTimeline.js";
import { SplitDialog } from "./SplitDialog.js";
import { CaseHandlingPanel } from "../tasks/CaseHandlingPanel.js";
import { CaseRoutingPanel } from "../routing/CaseRoutingPanel.js";
import { MediationPanel } from "../mediation/case/MediationPanel.js";
import { IssueSupervisionButton } from "../supervision/IssueSupervisionButton.js";

export function CaseDetailPage() {
  const id = Number(useParams().id);
  const { data: c, isLoading } = useCase(id);
  const can = useCan();
  const canManage = can("cases.manage");
  const canReadTasks = can("tasks.read");
  const navigate = useNavigate();
  const [selected, setSelected] = useState<number[]>([]);
  const [splitting, setSplitting] = useState(false);
  useEffect(() => setSelected([]), [id]);

  if (isLoading) return <Spin />;
  if (!c) return <Result status="404" subTitle="案件不存在，或已并入其他案件" extra={<Link to="/cases">返回案件列表</Link>} />;

  const openDuplicates = c.duplicates.filter((d) => d.status === "open");
  // A case keeps at least one record: splitting needs two, and not all of them chosen.
  const canSplit = canManage && c.records.length > 1;
  const chosen = selected.filter((r) => c.records.some((x) => x.id === r));

  return (
    <>
      <CaseHeader c={c} canManage={canManage} />
      <div style={{ marginBottom: 16, textAlign: "right" }}>
        <IssueSupervisionButton caseId={c.id} defaultUnitId={c.leadUnitId} />
      </div>
      {canReadTasks && <CaseRoutingPanel caseId={c.id} />}
      {canReadTasks && <CaseHandlingPanel caseId={c.id} closed={c.status === "closed"} />}
      <MediationPanel caseId={c.id} category={c.category} closed={c.status === "closed"} />
      <Card
        title="时间线"
        style={{ marginBottom: 16 }}
        extra={
          canSplit && (
            <Button disabled={chosen.length === 0 || chosen.length >= c.records.length} onClick={() => setSplitting(true)}>
              拆分{chosen.length ? `（${chosen.length} 条）` : ""}
            </Button>
          )
        }
      >
        <RecordTimeline records={c.records} selection={canSplit ? { selected: chosen, onChange: setSelected } : undefined} />
      </Card>
      <Card title="当事人" style={{ marginBottom: 16 }}>
        <PartiesTable parties={c.parties} />
      </Card>
      {openDuplicates.length > 0 && (
        <Card title="疑似重复" style={{ marginBottom: 16 }}>
          <DuplicateTable
            items={openDuplicates}
            // Confirming merges the record's case into the other: when that is this case, follow the records.
            onDecided={({ duplicate: d, decision }) => decision === "confirm" && d.caseId === c.id && navigate(`/cases/${d.candidateCaseId}`)}
          />
        </Card>
      )}
      <Card title="合并/拆分记录">
        <ChangeList caseId={c.id} changes={c.changes} canManage={canManage} />
      </Card>
      <SplitDialog c={c} recordIds={chosen} open={splitting} onClose={() => setSplitting(false)} onSplit={() => setSelected([])} />
    </>
  );
}
