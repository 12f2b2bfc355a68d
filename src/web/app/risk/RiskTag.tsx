// A case's risk colour as a tag; hovering (or tapping) it lists the factors behind it with their points.
import { Popover, Tag } from "antd";
import { RISK_LEVEL_NAMES, type RiskLevel } from "../../../risk/levels.js";
import type { RiskFactor } from "./risk-api.js";
import { RiskFactorList } from "./RiskFactorList.js";

export const RISK_TAG_COLORS: Record<RiskLevel, string> = { red: "red", yellow: "gold", green: "green" };

export const RISK_LEVEL_OPTIONS = (Object.keys(RISK_LEVEL_NAMES) as RiskLevel[]).map((value) => ({ value, label: RISK_LEVEL_NAMES[value] }));

interface Props {
  level: RiskLevel | null;
  score?: number | null;
  factors?: RiskFactor[];
  /** Show the points beside the colour (红色 73). */
  showScore?: boolean;
}

export function RiskTag({ level, score, factors = [], showScore }: Props) {
  if (!level) return <Tag>未评估</Tag>;
  const tag = (
    <Tag color={RISK_TAG_COLORS[level]} style={{ cursor: "pointer" }} data-testid="risk-tag">
      {RISK_LEVEL_NAMES[level]}
      {showScore && score != null && ` ${Math.round(score)}`}
    </Tag>
  );
  return (
    <Popover
      title={`${RISK_LEVEL_NAMES[level]}风险${score != null ? `（${Math.round(score)} 分）` : ""}`}
      content={<div style={{ maxWidth: 420 }}><RiskFactorList factors={factors} /></div>}
    >
      {tag}
    </Popover>
  );
}

/** The colour alone, where there are no factors to show (a person's highest colour). */
export function RiskLevelTag({ level }: { level: RiskLevel | null }) {
  return level ? <Tag color={RISK_TAG_COLORS[level]}>{RISK_LEVEL_NAMES[level]}</Tag> : <Tag>未评估</Tag>;
}
