// Cases received per community, this period against the same period last year: a small bar chart.
import { useMemo } from "react";
import { BarChart } from "../charts/BarChart.js";
import type { KeyIndexRow } from "./key-index-api.js";

export function ReceivedChart({ rows }: { rows: KeyIndexRow[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["本期", "去年同期"] }, // echarts 6 puts a legend at the bottom unless told
      grid: { left: 40, right: 16, top: 32, bottom: 60 },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { rotate: 30, fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "本期", type: "bar", data: rows.map((r) => r.figures.received.value ?? 0), itemStyle: { color: "#1677ff" } },
        { name: "去年同期", type: "bar", data: rows.map((r) => r.figures.received.lastValue ?? 0), itemStyle: { color: "#bfbfbf" } },
      ],
    }),
    [rows],
  );
  return <BarChart option={option} height={260} testId="key-index-chart" />;
}
