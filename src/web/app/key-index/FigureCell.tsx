// One figure of the key index: its value (a link to the cases behind it where that makes sense) and its change against
// the same period last year — the arrow green when it moved the good way, red when the bad way, grey when neutral.
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Tooltip, Typography } from "antd";
import type { KeyIndexFormula } from "../../../key-index/formulas.js";
import type { Figure } from "./key-index-api.js";

const GOOD = "#389e0d";
const BAD = "#cf1322";
const NEUTRAL = "#8c8c8c";

function fmt(v: number | null, digits: number): string {
  return v == null ? "—" : v.toFixed(digits);
}

export function FigureCell({ f, figure, onDrill }: { f: KeyIndexFormula; figure: Figure; onDrill?: () => void }) {
  const value = `${fmt(figure.value, f.digits)}${figure.value == null ? "" : f.suffix}`;
  const detail = f.kind === "count" ? `去年同期 ${fmt(figure.lastValue, f.digits)}` : `本期 ${figure.num}/${figure.den}，去年同期 ${fmt(figure.lastValue, f.digits)}（${figure.lastNum}/${figure.lastDen}）`;
  return (
    <div style={{ whiteSpace: "nowrap" }}>
      <Tooltip title={detail}>
        {onDrill && figure.num > 0 ? <a onClick={onDrill}>{value}</a> : <span>{value}</span>}
      </Tooltip>
      <Change f={f} figure={figure} />
    </div>
  );
}

function Change({ f, figure }: { f: KeyIndexFormula; figure: Figure }) {
  const { change, changePct } = figure;
  if (change == null) return <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>同比 —</Typography.Text></div>;
  if (change === 0) return <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>同比 持平</Typography.Text></div>;
  const up = change > 0;
  const color = f.better === "neutral" ? NEUTRAL : (up ? f.better === "higher" : f.better === "lower") ? GOOD : BAD;
  const unit = f.kind === "rate" ? "个百分点" : f.suffix;
  const pct = changePct == null ? "" : `，${up ? "+" : ""}${changePct.toFixed(1)}%`;
  return (
    <div style={{ fontSize: 12, color }} title={`同比${up ? "上升" : "下降"} ${Math.abs(change).toFixed(f.digits)}${unit}${pct}`}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {up ? "+" : ""}
      {change.toFixed(f.digits)}
      {pct && <span>（{pct.slice(1)}）</span>}
    </div>
  );
}
