// Cases received per community, this period against the same period last year: a small bar chart.
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { KeyIndexRow } from "./key-index-api.js";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function ReceivedChart({ rows }: { rows: KeyIndexRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { data: ["本期", "去年同期"] },
      grid: { left: 40, right: 16, top: 32, bottom: 60 },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { rotate: 30, fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "本期", type: "bar", data: rows.map((r) => r.figures.received.value ?? 0), itemStyle: { color: "#1677ff" } },
        { name: "去年同期", type: "bar", data: rows.map((r) => r.figures.received.lastValue ?? 0), itemStyle: { color: "#bfbfbf" } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: "100%", height: 260 }} data-testid="key-index-chart" />;
}
