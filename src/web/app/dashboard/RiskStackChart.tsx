// Cases per colour in each community as a stacked bar (red, yellow, green, unscored); a bar opens that community's risk
// list. Loaded lazily: echarts is large.
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { RiskSummaryRow } from "../risk/risk-api.js";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES: { key: "red" | "yellow" | "green" | "unscored"; name: string; color: string }[] = [
  { key: "red", name: "红色", color: "#cf1322" },
  { key: "yellow", name: "黄色", color: "#faad14" },
  { key: "green", name: "绿色", color: "#52c41a" },
  { key: "unscored", name: "未评估", color: "#bfbfbf" },
];

export function RiskStackChart({ rows, onPick }: { rows: RiskSummaryRow[]; onPick: (code: string | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, data: SERIES.map((s) => s.name) },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { rotate: 30, fontSize: 11, interval: 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: SERIES.map((s) => ({ name: s.name, type: "bar", stack: "risk", data: rows.map((r) => r[s.key]), itemStyle: { color: s.color } })),
    });
    chart.on("click", (p) => pick.current(rows[p.dataIndex]?.code ?? null));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: "100%", height: 280, cursor: "pointer" }} data-testid="dashboard-risk-chart" />;
}
