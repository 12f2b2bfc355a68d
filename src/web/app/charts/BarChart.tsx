// A bar chart (echarts, only the parts used): drawn from an option, redrawn when it changes, resized with the window,
// disposed on unmount. Import it lazily: echarts is large.
import { BarChart as Bars } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, type CSSProperties } from "react";

echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type BarChartOption = Parameters<echarts.ECharts["setOption"]>[0];

export function BarChart(props: { option: BarChartOption; height: number; onBarClick?: (index: number) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const click = useRef(props.onBarClick);
  click.current = props.onBarClick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(props.option);
    chart.on("click", (p) => click.current?.(p.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [props.option]);
  const style: CSSProperties = { width: "100%", height: props.height, cursor: props.onBarClick ? "pointer" : undefined };
  return <div ref={ref} style={style} data-testid={props.testId} />;
}
