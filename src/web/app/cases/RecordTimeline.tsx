// A case's records in time order, each with why it is in this case (归集依据): the decision, its score, the record
// it was matched against and the evidence. With `selection`, each record has a checkbox (for splitting).
import { Checkbox, Empty, Space, Tag, Timeline, Typography } from "antd";
import { beijingTime, channelName } from "../intake/labels.js";
import type { CaseRecord } from "./case-api.js";
import { EvidenceList } from "./EvidenceList.js";
import { DECISION_NAMES } from "./labels.js";

interface Selection {
  selected: number[];
  onChange: (ids: number[]) => void;
}

const DOT_COLORS: Record<string, string> = { new_case: "blue", joined: "green", recurrence: "red", correction: "gray" };

export function RecordTimeline({ records, selection }: { records: CaseRecord[]; selection?: Selection }) {
  if (!records.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无渠道记录" />;
  const byId = new Map(records.map((r) => [r.id, r]));
  const toggle = (id: number, on: boolean) =>
    selection?.onChange(on ? [...selection.selected, id] : selection.selected.filter((x) => x !== id));
  return (
    <Timeline
      items={records.map((r) => ({
        key: r.id,
        color: DOT_COLORS[r.decision ?? ""] ?? "purple",
        content: (
          <div data-testid="case-record" data-external-id={r.externalId}>
            <Space wrap>
              {selection && (
                <Checkbox checked={selection.selected.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={`选择 ${r.externalId}`} />
              )}
              <Typography.Text strong>{channelName(r.channel)}</Typography.Text>
              <Typography.Text>{beijingTime(r.reportedAt)}</Typography.Text>
              <Typography.Text type="secondary">{r.externalId}</Typography.Text>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", margin: "4px 0" }}>{r.narrative}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {r.addressText ?? "（无地址）"} · {r.regionName ?? "未定位"}
            </Typography.Text>
            <Basis record={r} matched={r.matchedRecordId !== null ? byId.get(r.matchedRecordId) : undefined} />
          </div>
        ),
      }))}
    />
  );
}

function Basis({ record: r, matched }: { record: CaseRecord; matched: CaseRecord | undefined }) {
  const decision = r.decision ? DECISION_NAMES[r.decision] : undefined;
  return (
    <div data-testid="case-basis" style={{ marginTop: 6, padding: "6px 10px", background: "#fafafa", borderRadius: 6 }}>
      <Space wrap size={[8, 4]}>
        <Typography.Text type="secondary">归集依据</Typography.Text>
        <Tag color={decision?.color}>{decision?.name ?? r.decision ?? "未归集"}</Tag>
        {r.score !== null && (r.decision !== "new_case" || r.evidence.length > 0) && (
          // A new case's score is the closest existing case's, which fell short of joining.
          <Typography.Text>{r.decision === "new_case" ? "最接近的已有案件得分" : "得分"} {r.score.toFixed(2)}</Typography.Text>
        )}
        {r.matchedRecordId !== null && (
          <Typography.Text>
            对照记录：{matched ? `${channelName(matched.channel)} ${matched.externalId}（${beijingTime(matched.reportedAt)}）` : `#${r.matchedRecordId}（不在本案件）`}
          </Typography.Text>
        )}
      </Space>
      {r.evidence.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <EvidenceList evidence={r.evidence} />
        </div>
      )}
    </div>
  );
}
