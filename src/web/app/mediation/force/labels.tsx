// The force's names and small pieces shared by the directory, the profile and the admin page.
import { Space, Statistic, Tag, Tooltip } from "antd";
import { CATEGORIES, CATEGORY_NAMES, type CategoryCode } from "../../../../cases/categories.js";
import { MEDIATOR_GRADE_NAMES, MEDIATOR_KIND_NAMES, type MediatorGrade } from "../../../../mediation/kinds.js";
import { AGE_BAND_NAMES, WEEKDAY_NAMES, type AgeBand, type MediatorFigures } from "../../../../mediation/force/views.js";

export const KIND_OPTIONS = Object.entries(MEDIATOR_KIND_NAMES).map(([value, label]) => ({ value, label }));
export const GRADE_OPTIONS = Object.entries(MEDIATOR_GRADE_NAMES).map(([value, label]) => ({ value, label }));
export const FIELD_OPTIONS = CATEGORIES.map((value) => ({ value, label: CATEGORY_NAMES[value] }));
export const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: WEEKDAY_NAMES[value] }));

const GRADE_COLORS: Record<MediatorGrade, string> = { gold: "gold", senior: "blue", standard: "default", trainee: "cyan" };

export function GradeTag({ grade }: { grade: MediatorGrade }) {
  return <Tag color={GRADE_COLORS[grade]}>{MEDIATOR_GRADE_NAMES[grade]}</Tag>;
}

export function FieldTags({ fields }: { fields: string[] }) {
  return (
    <Space size={[0, 4]} wrap>
      {fields.map((f) => <Tag key={f} color="geekblue">{CATEGORY_NAMES[f as CategoryCode] ?? f}</Tag>)}
    </Space>
  );
}

export function TagList({ items, color }: { items: string[]; color?: string }) {
  return (
    <Space size={[0, 4]} wrap>
      {items.map((s) => <Tag key={s} color={color}>{s}</Tag>)}
    </Space>
  );
}

export const ageBandName = (b: AgeBand | null) => (b ? AGE_BAND_NAMES[b] : "—");
export const percent = (x: number | null) => (x == null ? "—" : `${Math.round(x * 100)}%`);
export const days = (x: number | null) => (x == null ? "—" : `${x} 天`);
export const weekdays = (ds: number[]) => (ds.length === 7 ? "每天" : ds.map((d) => WEEKDAY_NAMES[d]).join("、"));

/** The five figures, as statistics (profile) or one compact line (tables). */
export function FigureStats({ f }: { f: MediatorFigures }) {
  return (
    <Space size="large" wrap>
      <Statistic title="参与调解" value={f.handled} suffix="件" />
      <Statistic title="调解成功率" value={percent(f.successRate)} />
      <Statistic title="平均化解用时" value={days(f.averageDays)} />
      <Tooltip title={f.satisfactionCount ? `共 ${f.satisfactionCount} 次回访` : "暂无回访评价"}>
        <Statistic title="群众满意度" value={percent(f.satisfaction)} />
      </Tooltip>
      <Statistic title="在办案件" value={f.currentLoad} suffix="件" />
    </Space>
  );
}
