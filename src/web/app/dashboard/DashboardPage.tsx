// /dashboard: 一屏掌控 — the leader's and the street centre's command view on one screen: the headline counts, the
// 民转刑 top cases and people, warnings by step of the loop, the key index against last year, and the colours per
// community. Every number links to the page behind it; everything refreshes every minute.
import { ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense } from "react";
import { Link, useNavigate } from "react-router";
import { KEY_INDEX_BY_KEY, type KeyIndexKey } from "../../../key-index/formulas.js";
import { WARNING_STATUS_NAMES, WARNING_STATUSES, type WarningStatus } from "../../../warnings/states.js";
import type { WarningSummaryView } from "../../../warnings/views.js";
import { beijingTime } from "../intake/labels.js";
import { FigureCell } from "../key-index/FigureCell.js";
import type { RiskCaseRow, RiskPersonRow, RiskSummaryRow } from "../risk/risk-api.js";
import { RiskLevelTag, RiskTag } from "../risk/RiskTag.js";
import { useCan } from "../session.js";
import { WarningLevelTag, WarningStatusTag } from "../warnings/WarningTags.js";
import {
  REFRESH_MS,
  TOP_N,
  useDashCaseCount,
  useDashFollowUps,
  useDashKeyIndex,
  useDashRiskCases,
  useDashRiskPeople,
  useDashRiskSummary,
  useDashSupervision,
  useDashWarnings,
  type CappedCount,
} from "./dashboard-api.js";

// echarts is large: loaded only when the chart is shown.
const RiskStackChart = lazy(() => import("./RiskStackChart.js").then((m) => ({ default: m.RiskStackChart })));

const RED = "#cf1322";
const OPEN_WARNING_STATUSES = WARNING_STATUSES.filter((s) => s !== "closed");
/** The key index's headline: the figures a leader asks about first. */
const HEADLINE: KeyIndexKey[] = ["received", "resolution_rate", "on_time_rate", "repeat_call_rate", "satisfaction_rate", "recurrence_rate"];

export function DashboardPage() {
  const can = useCan();
  const client = useQueryClient();
  const fetching = useIsFetching({ queryKey: ["dashboard"] }) > 0;

  const open = useDashCaseCount("open");
  const inProgress = useDashCaseCount("in_progress");
  const keyIndex = useDashKeyIndex();
  const warnings = useDashWarnings();
  const followUps = useDashFollowUps();
  const supervision = useDashSupervision();
  const riskCases = useDashRiskCases();
  const riskPeople = useDashRiskPeople();
  const riskSummary = useDashRiskSummary();

  const updatedAt = Math.max(
    ...[open, inProgress, keyIndex, warnings, followUps, supervision, riskCases, riskPeople, riskSummary].map((q) => q.dataUpdatedAt),
  );
  const counts = warnings.data?.counts;
  const openWarnings = counts ? OPEN_WARNING_STATUSES.reduce((n, s) => n + counts[s], 0) : undefined;
  const casesOpen: CappedCount | undefined =
    open.data && inProgress.data ? { n: open.data.n + inProgress.data.n, more: open.data.more || inProgress.data.more } : undefined;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="dashboard">
      <Card
        size="small"
        styles={{ body: { padding: "8px 16px" } }}
        title={<Typography.Title level={4} style={{ margin: 0 }}>一屏掌控</Typography.Title>}
        extra={
          <Space>
            <Typography.Text type="secondary">
              每 {REFRESH_MS / 1000} 秒自动刷新{updatedAt > 0 && `，更新于 ${dayjs(updatedAt).format("HH:mm:ss")}`}
            </Typography.Text>
            <Button icon={<ReloadOutlined spin={fetching} />} onClick={() => client.invalidateQueries({ queryKey: ["dashboard"] })}>
              刷新
            </Button>
          </Space>
        }
      />

      <Row gutter={[12, 12]}>
        {can("cases.read") && (
          <Stat
            to="/cases"
            title="在办案件"
            hint="待处置与处置中的案件（本辖区）"
            loading={open.isPending || inProgress.isPending}
            value={casesOpen?.n}
            suffix={casesOpen?.more ? "+" : undefined}
          />
        )}
        {can("keyindex.read") && (
          <Stat
            to="/risk?level=red"
            title="红色在办"
            hint="仍未办结的红色风险案件"
            loading={keyIndex.isPending}
            value={keyIndex.data?.total.figures.red_open.value ?? undefined}
            danger
          />
        )}
        {can("warnings.read") && (
          <>
            <Stat to="/warnings" title="未销号预警" hint="预警、签收、反馈、督办中的预警" loading={warnings.isPending} value={openWarnings} danger />
            <Stat to="/warnings" title="待签收预警" hint="尚有单位未签收的预警" loading={warnings.isPending} value={counts?.raised} danger />
          </>
        )}
        {can("followups.read") && (
          <Stat to="/follow-ups" title="逾期回访" hint={`今日到期 ${followUps.data?.today ?? "—"} 次`} loading={followUps.isPending} value={followUps.data?.overdue} danger />
        )}
        {can("tasks.read") && (
          <Stat to="/supervision" title="逾期督办" hint={`在办督办单 ${supervision.data?.open ?? "—"} 件`} loading={supervision.isPending} value={supervision.data?.overdue} danger />
        )}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            {can("risk.read") && (
              <>
                <Card size="small" title={`民转刑重点案件 TOP${TOP_N}`} extra={<Link to="/risk">全部重点案件</Link>}>
                  <TopCases rows={riskCases.data?.items} loading={riskCases.isPending} />
                </Card>
                <Card size="small" title={`重点人员 TOP${TOP_N}（近12个月）`} extra={<Link to="/risk?tab=people">全部重点人员</Link>}>
                  <TopPeople rows={riskPeople.data?.items} loading={riskPeople.isPending} />
                </Card>
              </>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            {can("warnings.read") && (
              <Card size="small" title="预警处置" extra={<Link to="/warnings">预警中心</Link>}>
                <WarningPanel counts={counts} items={warnings.data?.items} loading={warnings.isPending} />
              </Card>
            )}
            {can("keyindex.read") && (
              <Card
                size="small"
                title="关键指数"
                extra={
                  <Space>
                    {keyIndex.data && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {keyIndex.data.period.from} 至 {dayjs(keyIndex.data.period.to).subtract(1, "day").format("YYYY-MM-DD")}，同比去年同期
                      </Typography.Text>
                    )}
                    <Link to="/key-index">详情</Link>
                  </Space>
                }
              >
                <KeyIndexHeadline data={keyIndex.data} loading={keyIndex.isPending} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>

      {can("risk.read") && (
        <Card size="small" title="各村（社区）风险分布（在办及近90天结案）" extra={<Link to="/risk?tab=summary">风险分布</Link>}>
          <RiskByCommunity rows={riskSummary.data?.items} loading={riskSummary.isPending} />
        </Card>
      )}
    </Space>
  );
}

function Stat(p: { to: string; title: string; hint: string; loading: boolean; value: number | undefined; suffix?: string; danger?: boolean }) {
  const alarming = p.danger && (p.value ?? 0) > 0;
  return (
    <Col xs={12} md={8} xl={4}>
      <Link to={p.to} style={{ display: "block", height: "100%" }} data-testid={`stat-${p.title}`}>
        <Card size="small" hoverable style={{ height: "100%", borderColor: alarming ? "#ffa39e" : undefined }}>
          <Statistic
            title={<Tooltip title={p.hint}>{p.title}</Tooltip>}
            value={p.value ?? "—"}
            suffix={p.suffix}
            loading={p.loading}
            styles={{ content: { color: alarming ? RED : undefined, fontWeight: 600 } }}
          />
        </Card>
      </Link>
    </Col>
  );
}

function TopCases({ rows, loading }: { rows: RiskCaseRow[] | undefined; loading: boolean }) {
  return (
    <Table<RiskCaseRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无红色、黄色风险案件" /> }}
      scroll={{ x: 640 }}
      columns={[
        { title: "#", width: 36, render: (_, _r, i) => i + 1 },
        {
          title: "案件",
          render: (_, c) => (
            <div style={{ maxWidth: 260 }}>
              <Link to={`/cases/${c.id}`}>{c.code}</Link>
              <br />
              <Typography.Text type="secondary" ellipsis={{ tooltip: c.title }} style={{ maxWidth: 250, fontSize: 12 }}>
                {c.title}
              </Typography.Text>
            </div>
          ),
        },
        { title: "风险", width: 86, render: (_, c) => <RiskTag level={c.riskLevel} score={c.riskScore} factors={c.riskFactors} showScore /> },
        {
          title: "主要因素",
          render: (_, c) => (
            <Space size={[0, 4]} wrap>
              {c.topFactors.slice(0, 2).map((f) => (
                <Tag key={`${f.factor}-${f.label}`} color={f.hard ? "red" : undefined} title={f.detail}>
                  {f.label}
                </Tag>
              ))}
            </Space>
          ),
        },
        { title: "村（社区）", dataIndex: "communityName", width: 100, render: (v: string | null) => v ?? "街道本级" },
        {
          title: "预警",
          dataIndex: "openWarnings",
          width: 56,
          align: "right",
          render: (n: number) => (n > 0 ? <Link to="/warnings"><Tag color="volcano" style={{ marginInlineEnd: 0 }}>{n}</Tag></Link> : 0),
        },
      ]}
    />
  );
}

function TopPeople({ rows, loading }: { rows: RiskPersonRow[] | undefined; loading: boolean }) {
  const canReadPeople = useCan()("people.read");
  return (
    <Table<RiskPersonRow>
      rowKey={(r) => r.person.id}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无重点人员" /> }}
      scroll={{ x: 560 }}
      columns={[
        { title: "#", width: 36, render: (_, _r, i) => i + 1 },
        {
          title: "姓名",
          width: 110,
          render: (_, r) => (canReadPeople ? <Link to={`/people/${r.person.id}`}>{r.person.name}</Link> : r.person.name),
        },
        { title: "案件", dataIndex: "caseCount", width: 56, align: "right" },
        { title: "最高风险", width: 80, render: (_, r) => <RiskLevelTag level={r.topLevel} /> },
        { title: "红/黄", width: 64, render: (_, r) => `${r.redCount} / ${r.yellowCount}` },
        {
          title: "风险最高的案件",
          render: (_, r) => {
            const c = r.cases[0];
            return c ? (
              <Typography.Text ellipsis={{ tooltip: `${c.code} ${c.title}` }} style={{ maxWidth: 220 }}>
                <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.title}
              </Typography.Text>
            ) : (
              "—"
            );
          },
        },
        { title: "最近报送", dataIndex: "lastReportedAt", width: 130, render: (v: string | null) => beijingTime(v) },
      ]}
    />
  );
}

const STATUS_COLOURS: Record<WarningStatus, string> = { raised: RED, acknowledged: "#1677ff", feedback: "#13c2c2", supervised: "#fa8c16", closed: "#8c8c8c" };

function WarningPanel({ counts, items, loading }: { counts: Record<WarningStatus, number> | undefined; items: WarningSummaryView[] | undefined; loading: boolean }) {
  if (loading) return <Skeleton active paragraph={{ rows: 5 }} />;
  const latest = (items ?? []).filter((w) => w.status !== "closed").slice(0, 6);
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Row gutter={8}>
        {WARNING_STATUSES.map((s) => (
          <Col key={s} flex="1 1 0">
            <Link to="/warnings" style={{ display: "block", textAlign: "center" }} data-testid={`warning-count-${s}`}>
              <div style={{ fontSize: 22, fontWeight: 600, color: s === "raised" && (counts?.[s] ?? 0) > 0 ? RED : STATUS_COLOURS[s] }}>{counts?.[s] ?? 0}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{WARNING_STATUS_NAMES[s]}</Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
      <Table<WarningSummaryView>
        rowKey="id"
        size="small"
        dataSource={latest}
        pagination={false}
        showHeader={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无未销号预警" /> }}
        columns={[
          { width: 90, render: (_, w) => <WarningLevelTag level={w.level} /> },
          {
            render: (_, w) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/cases/${w.caseId}`}>{w.caseCode}</Link>
                <Typography.Text type="secondary" ellipsis={{ tooltip: w.reasons.map((r) => r.detail).join("；") }} style={{ display: "block", maxWidth: 240, fontSize: 12 }}>
                  {w.reasons.map((r) => r.label).join("、") || w.caseTitle}
                </Typography.Text>
              </div>
            ),
          },
          { width: 150, render: (_, w) => <WarningStatusTag status={w.status} ackOverdue={w.ackOverdue} /> },
          {
            width: 96,
            render: (_, w) => (
              <Link to="/warnings" style={{ fontSize: 12 }} title="到预警中心处置">
                {beijingTime(w.raisedAt).slice(5)}
              </Link>
            ),
          },
        ]}
      />
    </Space>
  );
}

function KeyIndexHeadline({ data, loading }: { data: ReturnType<typeof useDashKeyIndex>["data"]; loading: boolean }) {
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!data) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关键指数" />;
  return (
    <Row gutter={[12, 12]}>
      {HEADLINE.map((key) => {
        const f = KEY_INDEX_BY_KEY[key];
        return (
          <Col key={key} xs={12} sm={8}>
            <Link to="/key-index" style={{ display: "block", color: "inherit" }} data-testid={`key-index-${key}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title={f.definition}>{f.name}</Typography.Text>
              <div style={{ fontSize: 20, fontWeight: 600 }}>
                <FigureCell f={f} figure={data.total.figures[key]} />
              </div>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}

function RiskByCommunity({ rows, loading }: { rows: RiskSummaryRow[] | undefined; loading: boolean }) {
  const navigate = useNavigate();
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  const items = rows ?? [];
  if (items.every((r) => r.red + r.yellow + r.green + r.unscored === 0)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无案件" />;
  // Red first, then yellow: the places to look at come first.
  const sorted = [...items].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.name.localeCompare(b.name, "zh-CN"));
  const regionLink = (code: string | null, extra = "") => (code ? `/risk?region=${encodeURIComponent(code)}${extra}` : `/risk${extra ? "?" + extra.slice(1) : ""}`);
  const count = (color: string, level?: "red" | "yellow") => (n: number, r: RiskSummaryRow) =>
    n > 0 ? (
      <Link to={regionLink(r.code, level ? `&level=${level}` : "")}>
        <Tag color={color} style={{ marginInlineEnd: 0 }}>{n}</Tag>
      </Link>
    ) : (
      0
    );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <RiskStackChart rows={sorted} onPick={(code) => navigate(regionLink(code))} />
        </Suspense>
      </Col>
      <Col xs={24} xl={10}>
        <Table<RiskSummaryRow>
          rowKey={(r) => r.code ?? "-"}
          size="small"
          dataSource={sorted}
          pagination={false}
          scroll={{ y: 260 }}
          columns={[
            { title: "村（社区）", dataIndex: "name", render: (name: string, r) => <Link to={regionLink(r.code)}>{name}</Link> },
            { title: "红", dataIndex: "red", width: 60, align: "right", render: count("red", "red") },
            { title: "黄", dataIndex: "yellow", width: 60, align: "right", render: count("gold", "yellow") },
            { title: "绿", dataIndex: "green", width: 60, align: "right", render: count("green") },
            { title: "未评估", dataIndex: "unscored", width: 70, align: "right" },
          ]}
        />
      </Col>
    </Row>
  );
}
