// /settings/calendar: the working-day calendar deadlines are counted on — public holidays and 调休 workdays by
// year. Accounts with deadlines.manage click a day to set or clear it.
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Form, Input, Modal, Radio, Row, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { CALENDAR_KIND_NAMES } from "../../../deadlines/views.js";
import { useCan } from "../session.js";
import { useCalendar, useSetCalendarDay, type CalendarDayView } from "./deadline-api.js";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];
const COLORS = { holiday: { background: "#fff1f0", color: "#cf1322" }, workday: { background: "#e6f4ff", color: "#0958d9" } } as const;

/** The days of a month as a Monday-first grid: nulls before the 1st. */
function monthGrid(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  return cells;
}

function Month({ year, month, days, onPick }: { year: number; month: number; days: Map<string, CalendarDayView>; onPick?: (day: string) => void }) {
  return (
    <Card size="small" title={`${month + 1} 月`}>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 2, textAlign: "center" }}>
        {WEEKDAYS.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
            {w}
          </Typography.Text>
        ))}
        {monthGrid(year, month).map((day, i) => {
          if (!day) return <span key={`blank-${i}`} />;
          const entry = days.get(day);
          const weekend = i % 7 >= 5;
          const style = entry ? COLORS[entry.kind] : { color: weekend ? "#8c8c8c" : undefined };
          const cell = (
            <div
              onClick={onPick ? () => onPick(day) : undefined}
              style={{ ...style, borderRadius: 4, padding: "2px 0", cursor: onPick ? "pointer" : "default", fontWeight: entry ? 600 : undefined }}
            >
              {Number(day.slice(8))}
            </div>
          );
          return entry ? (
            <Tooltip key={day} title={`${entry.name}（${CALENDAR_KIND_NAMES[entry.kind]}）`}>
              {cell}
            </Tooltip>
          ) : (
            <span key={day}>{cell}</span>
          );
        })}
      </div>
    </Card>
  );
}

interface DayValues {
  kind: "holiday" | "workday" | "default";
  name: string;
}

function DayDialog({ day, entry, onClose }: { day: string | null; entry?: CalendarDayView; onClose: () => void }) {
  const [form] = Form.useForm<DayValues>();
  const save = useSetCalendarDay();
  const { message } = App.useApp();
  useEffect(() => {
    if (day) form.setFieldsValue({ kind: entry?.kind ?? "holiday", name: entry?.name ?? "" });
  }, [day, entry, form]);
  const kind = Form.useWatch("kind", form);

  const submit = async () => {
    const v = await form.validateFields();
    if (v.kind === "default" && !entry) return onClose();
    await save.mutateAsync({ day: day!, kind: v.kind === "default" ? null : v.kind, name: v.name?.trim() ?? "" });
    message.success("已保存");
    onClose();
  };

  return (
    <Modal open={day !== null} title={`设置 ${day ?? ""}`} onOk={() => submit().catch(() => undefined)} onCancel={onClose} confirmLoading={save.isPending} forceRender>
      <Form form={form} name="calendar-day" layout="vertical">
        <Form.Item name="kind" label="这一天">
          <Radio.Group
            options={[
              { value: "holiday", label: "放假" },
              { value: "workday", label: "调休上班" },
              { value: "default", label: "恢复默认（周一至周五上班）" },
            ]}
          />
        </Form.Item>
        {kind !== "default" && (
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写名称，如「春节」「国庆节调休上班」" }, { max: 40 }]}>
            <Input placeholder="如：春节、国庆节调休上班" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function CalendarPage() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, isLoading } = useCalendar(year);
  const canManage = useCan()("deadlines.manage");
  const [picked, setPicked] = useState<string | null>(null);
  const days = useMemo(() => new Map((data?.days ?? []).map((d) => [d.day, d])), [data]);
  const holidays = data?.days.filter((d) => d.kind === "holiday").length ?? 0;
  const workdays = data?.days.filter((d) => d.kind === "workday").length ?? 0;
  const provisional = data?.days.some((d) => d.name.includes("暂定"));

  return (
    <Card
      title="工作日历"
      loading={isLoading}
      extra={
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label="上一年" />
          <Typography.Text strong>{year} 年</Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label="下一年" />
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        <Space wrap>
          <Tag color="red">放假 {holidays} 天</Tag>
          <Tag color="blue">调休上班 {workdays} 天</Tag>
          <Typography.Text type="secondary">办理时限按工作日计算：周末与放假日不计，调休上班日计入。{canManage ? "点击日期可修改。" : ""}</Typography.Text>
        </Space>
        {data && !data.years.includes(year) && (
          <Alert type="warning" showIcon title={`${year} 年尚无节假日安排：时限只按周末计算。国务院公布后请逐日录入。`} />
        )}
        {provisional && <Alert type="info" showIcon title="本年安排为按法定节假日规则推算的暂定安排，国务院公布后请按通知更正（含调休上班日）。" />}
        <Row gutter={[12, 12]}>
          {Array.from({ length: 12 }, (_, m) => (
            <Col key={m} xs={24} sm={12} lg={8} xl={6}>
              <Month year={year} month={m} days={days} onPick={canManage ? setPicked : undefined} />
            </Col>
          ))}
        </Row>
      </Space>
      <DayDialog day={picked} entry={picked ? days.get(picked) : undefined} onClose={() => setPicked(null)} />
    </Card>
  );
}
