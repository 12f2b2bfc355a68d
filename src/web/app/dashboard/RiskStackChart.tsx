// Cases per colour in each community as a stacked bar (red, yellow, green, unscored); a bar opens that community's risk
// list. Loaded lazily: echarts is large.
import { useMemo } from "react";
import { BarChart } from "../charts/BarChart.js";
import type { RiskSummaryRow } from "../risk/risk-api.js";

const SERIES: { key: "red" | "yellow" | "green" | "unscored"; name: string; color: string }[] = [
  { key: "red", name: "红色", color: "#cf1322" },
  { key: "yellow", name: "黄色", color: "#faad14" },
  { key: "green", name: "绿色", color: "#52c41a" },
  { key: "unscored", name: "未评估", color: "#bfbfbf" },
];

export function RiskStackChart({ rows, onPick }: { rows: RiskSummaryRow[]; onPick: (code: string | null) => void }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, data: SERIES.map((s) => s.name) },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { rotate: 30, fontSize: 11, interval: 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: SERIES.map((s) => ({ name: s.name, type: "bar", stack: "risk", data: rows.map((r) => r[s.key]), itemStyle: { color: s.color } })),
    }),
    [rows],
  );
  return <BarChart option={option} height={280} onBarClick={(i) => onPick(rows[i]?.code ?? null)} testId="dashboard-risk-chart" />;
}
